using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Rounds;

/// <summary>Forms of a formation round, posted as a browser without JavaScript would (several values per name included).</summary>
internal static class RoundTestKit
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Tuesday 19:00 and 20:00 in the availability grid (Monday 00:00 is 0).</summary>
    public static readonly int[] TuesdayEvening = [24 + 19, 24 + 20];

    /// <summary>Opens the page, takes the token of the form for <paramref name="handler"/> and posts the fields to that form's action.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(FormClient client, string pageUrl, string handler,
        IEnumerable<(string Name, string Value)> fields)
    {
        var (response, html) = await PostHtmlAsync(client, pageUrl, handler, fields);
        return (response, Parser.ParseDocument(html));
    }

    /// <summary>As <see cref="PostAsync"/>, with the answer's HTML exactly as sent (for the Nu checker).</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> PostHtmlAsync(FormClient client, string pageUrl, string handler,
        IEnumerable<(string Name, string Value)> fields)
    {
        var (_, page) = await client.GetAsync(pageUrl);
        var form = page.Forms.FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase))
                   ?? throw new InvalidOperationException($"No {handler} form on {pageUrl}: {page.QuerySelector("main")?.TextContent}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token)).ToList();
        var response = await client.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Posts whatever a person could type by hand, with a valid anti-forgery token of theirs (taken from their profile
    /// form, which every signed-in person has): what a forged request can do.
    /// </summary>
    public static async Task<HttpResponseMessage> ForgeAsync(FormClient client, string postUrl, IEnumerable<(string Name, string Value)> fields)
    {
        var (_, page) = await client.GetAsync("/me/profile");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)).ToList();
        return await client.Http.PostAsync(postUrl, new FormUrlEncodedContent(values));
    }

    public static IEnumerable<(string, string)> Preferences(string interests, IEnumerable<int> free, params (string AboutId, string Choice)[] about) =>
        new[] { ("Interests", interests) }.Concat(free.Select(h => ("Free", h.ToString()))).Concat(about.Select(a => ($"About[{a.AboutId}]", a.Choice)));

    /// <summary>The participant id the form uses for a person, read from the radio buttons beside their name.</summary>
    public static string AboutIdOf(IHtmlDocument page, string name)
    {
        var fieldset = page.QuerySelectorAll(".preference-list fieldset").Single(f => f.QuerySelector("legend")!.TextContent.Trim() == name);
        var field = fieldset.QuerySelector("input[type=radio]")!.GetAttribute("name")!;
        return field["About[".Length..^1];
    }

    public static async Task<T> DbAsync<T>(HubFactory hub, Func<HubDbContext, Task<T>> query)
    {
        using var scope = hub.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    public static async Task AddMemberAsync(HubFactory hub, string slug, string email)
    {
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var congregation = await db.Congregations.SingleAsync(c => c.Slug == slug);
        var user = await db.Users.SingleAsync(u => u.Email == email);
        await Hub.Features.Congregations.JoinCongregation.AddMemberAsync(db, congregation.Id, user.Id, DateTime.UtcNow, default);
    }
}
