using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

public sealed class WorkingGroupTests : IAsyncLifetime
{
    private const string Password = "keeper of the fire";
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];
    private string path = "";

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync(smtp: false);
        foreach (var name in new[] { "rae", "sol", "tam" })
        {
            await hub.CreatePersonAsync($"{name}@test.example", Password, name: char.ToUpperInvariant(name[0]) + name[1..]);
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", Password);
        }
        var congregation = await CreateAsync(people["rae"], "Workshop Hollow");
        await people["sol"].SubmitAsync(congregation, new Dictionary<string, string>(), handler: "Join");
        path = congregation + "/working-groups";
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private Dictionary<string, string> Form(string name, string purpose, string endsOn) =>
        new() { ["Name"] = name, ["Purpose"] = purpose, ["EndsOn"] = endsOn };

    [Fact]
    public async Task Members_StartJoinAndLeave_WithAPurposeAndAnEnd_AndOutsidersSeeNothing()
    {
        var (_, empty) = await people["sol"].GetAsync(path);
        Assert.Contains("No working group is running", empty.QuerySelector(".empty")!.TextContent);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (noEnd, noEndPage) = await people["sol"].SubmitAsync(path, Form("Spring gathering team", "Plan the spring gathering.", ""), handler: "Start");
        Assert.Equal(HttpStatusCode.OK, noEnd.StatusCode);
        Assert.Contains("Choose an end date", noEndPage.QuerySelector("#ends-on-error")!.TextContent);
        Assert.Equal("Plan the spring gathering.", noEndPage.QuerySelector("#purpose")!.TextContent); // what was typed stays
        var (_, pastPage) = await people["sol"].SubmitAsync(path, Form("Spring gathering team", "Plan it.", today.ToString("yyyy-MM-dd")), handler: "Start");
        Assert.Contains("in the future", pastPage.QuerySelector("#ends-on-error")!.TextContent);
        var (_, farPage) = await people["sol"].SubmitAsync(path, Form("Spring gathering team", "Plan it.", today.AddYears(3).ToString("yyyy-MM-dd")), handler: "Start");
        Assert.Contains("within 24 months", farPage.QuerySelector("#ends-on-error")!.TextContent);
        var (_, garbagePage) = await people["sol"].SubmitAsync(path, Form("Spring gathering team", "Plan it.", "next spring"), handler: "Start");
        Assert.Contains("as a date", garbagePage.QuerySelector("#ends-on-error")!.TextContent);
        var (_, allWrong) = await people["sol"].SubmitAsync(path, Form("", "", ""), handler: "Start");
        Assert.Contains("Give the group a name", allWrong.QuerySelector("#name-error")!.TextContent);
        Assert.Contains("Say what the group is for", allWrong.QuerySelector("#purpose-error")!.TextContent);
        Assert.Contains("Choose an end date", allWrong.QuerySelector("#ends-on-error")!.TextContent);
        var (_, noPurposePage) = await people["sol"].SubmitAsync(path, Form("Spring gathering team", " ", today.AddMonths(3).ToString("yyyy-MM-dd")), handler: "Start");
        Assert.Contains("Say what the group is for", noPurposePage.QuerySelector("#purpose-error")!.TextContent);

        var (started, _) = await people["sol"].SubmitAsync(path, Form("Spring gathering team", "Plan the spring gathering.", today.AddMonths(3).ToString("yyyy-MM-dd")), handler: "Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var (_, twicePage) = await people["rae"].SubmitAsync(path, Form("Spring gathering team", "Again.", today.AddMonths(2).ToString("yyyy-MM-dd")), handler: "Start");
        Assert.Contains("has this name already", twicePage.QuerySelector("#name-error")!.TextContent);

        var (_, list) = await people["rae"].GetAsync(path);
        var card = Assert.Single(list.QuerySelectorAll(".card-list .card"));
        Assert.Contains("1 member: Sol", card.TextContent);
        var groupId = card.QuerySelector("input[name=GroupId]")!.GetAttribute("value")!;
        var (joined, _) = await people["rae"].SubmitAsync(path, new Dictionary<string, string> { ["GroupId"] = groupId }, handler: "Join");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var (_, again) = await people["rae"].GetAsync(path);
        Assert.Contains("2 members: Sol, Rae", again.QuerySelector(".card-list .card")!.TextContent);

        // An outsider can neither see nor join.
        var (outsiderGet, _) = await people["tam"].GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, outsiderGet.StatusCode);

        await people["sol"].SubmitAsync(path, new Dictionary<string, string> { ["GroupId"] = groupId }, handler: "Leave");
        // The end date passes: the group moves to the record and can no longer be joined.
        using (var scope = hub.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<HubDbContext>().WorkingGroups
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.EndsOn, today.AddDays(-1)));
        }
        var (_, ended) = await people["sol"].GetAsync(path);
        Assert.Contains("Spring gathering team", ended.QuerySelector(".link-list")!.TextContent);
        Assert.Contains("Rae", ended.QuerySelector(".link-list")!.TextContent);
        Assert.Null(ended.QuerySelector("form[action*='handler=Join']")); // no button, and a forged post is refused too
        var token = ended.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (lateJoin, latePage) = await people["sol"].PostAsync(path + "?handler=Join",
            new Dictionary<string, string> { ["GroupId"] = groupId, ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.OK, lateJoin.StatusCode);
        Assert.Contains("has ended", latePage.QuerySelector("[role=alert]")!.TextContent);
    }
}
