using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

/// <summary>Creating congregations and people through the pages, as hosts would.</summary>
internal static class CongregationTestKit
{
    public static async Task<string> CreateAsync(FormClient host, string name, string policy = "Open", string place = "Lisbon", string questions = "What draws you here?")
    {
        var (response, page) = await host.SubmitAsync("/congregations/new", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Purpose"] = $"{name} gathers twice a year so that crews can form.",
            ["Input.Place"] = place,
            ["Input.Languages"] = "English, Português",
            ["Input.Policy"] = policy,
            ["Input.JoinQuestions"] = questions,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        return response.Headers.Location!.OriginalString;
    }

    public static async Task<int> MembersAsync(HubFactory hub, string slug)
    {
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await db.Memberships.CountAsync(m => m.Congregation.Slug == slug);
    }

    public static string SlugOf(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1];
}
