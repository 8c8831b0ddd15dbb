using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Congregations;
using Microsolidarity.Hub.Tests.Features.Gatherings;

namespace Microsolidarity.Hub.Tests.Features.Home;

/// <summary>
/// A signed-in person's home at "/" and "/me": their next things, what waits for their answer (answered from
/// the home itself), their groups and one next step; visitors keep the newcomer's page.
/// </summary>
public sealed class PersonalHomeTests : IAsyncLifetime
{
    private const string Password = "kites over the dunes";
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync();
        foreach (var name in new[] { "ana", "ben", "cy", "dee" })
        {
            await hub.CreatePersonAsync($"{name}@test.example", Password, admin: name == "ana", name: char.ToUpperInvariant(name[0]) + name[1..]);
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", Password);
        }
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> HomeAsync(string person, string path = "/")
    {
        var (response, page) = await people[person].GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    private static string Text(AngleSharp.Html.Dom.IHtmlDocument page, string selector) => page.QuerySelector(selector)?.TextContent ?? "";

    private async Task<string?> DoneAtAsync(string email, string titlePart)
    {
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var notice = await db.Notifications.AsNoTracking().SingleAsync(n => n.Title.Contains(titlePart) && db.Users.Any(u => u.Id == n.UserId && u.Email == email));
        return notice.DoneAt?.ToString("O");
    }

    [Fact]
    public async Task Home_VisitorAndSignedIn_EachGetTheirOwnPage_AndMeAsksVisitorsToSignIn()
    {
        var visitor = hub.NewClient();
        for (var i = 0; i < 2; i++)
        {
            var (_, newcomer) = await visitor.GetAsync("/");
            Assert.Equal("Belonging, at five scales", Text(newcomer, "h1"));
            var (response, mine) = await people["ben"].GetAsync("/");
            Assert.Equal("Hello, Ben", Text(mine, "h1"));
            Assert.Null(mine.QuerySelector(".hero"));
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        }
        var (me, mePage) = await people["ben"].GetAsync("/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("Hello, Ben", Text(mePage, "h1"));
        var (asked, _) = await visitor.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains("/account/sign-in?ReturnUrl=%2Fme", asked.Headers.Location!.OriginalString);

        // Empty states say what to do next.
        var empty = await HomeAsync("ben");
        Assert.Contains("No crew meeting planned", Text(empty, "section[aria-labelledby=meeting-title]"));
        Assert.Contains("gatherings", Text(empty, "section[aria-labelledby=going-title]"));
        Assert.Contains("Nothing waits for you", Text(empty, "#waiting"));
        Assert.Contains("Find a congregation", Text(empty, ".next-step"));
        Assert.NotNull(empty.QuerySelector("section[aria-labelledby=crews-title] a[href='/crews/new']"));
        Assert.NotNull(empty.QuerySelector("section[aria-labelledby=dyads-title] a[href='/dyads/new']"));
        Assert.NotNull(empty.QuerySelector("section[aria-labelledby=congregations-title] a[href='/congregations']"));
    }

    [Fact]
    public async Task Home_InvitationsAnsweredFromIt_NoticesAreDone_CallerIsTold_AndNextThingsAppear()
    {
        // A congregation invitation to Ben's address: a notice in the hub, accepted from his home without the link.
        var congregation = await CongregationTestKit.CreateAsync(people["ana"], "Harbour Circle", "InvitationOnly");
        var slug = CongregationTestKit.SlugOf(congregation);
        await people["ana"].SubmitAsync(congregation, new Dictionary<string, string> { ["InviteEmail"] = "ben@test.example", ["InviteMessage"] = "Come along!" }, handler: "Invite");
        await hub.Smtp!.WaitForAsync("ben@test.example", "invites you to Harbour Circle");
        var invited = await HomeAsync("ben");
        Assert.Contains("Waiting for your answer (1)", Text(invited, "#waiting-title"));
        Assert.Contains("Ana invites you to join", Text(invited, "#waiting"));
        var (joined, _) = await people["ben"].SubmitAsync("/", new Dictionary<string, string>(), handler: "Congregation");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal($"/congregations/{slug}", joined.Headers.Location!.OriginalString);
        Assert.Equal(2, await CongregationTestKit.MembersAsync(hub, slug));
        Assert.NotNull(await DoneAtAsync("ben@test.example", "invites you to Harbour Circle"));
        var (_, notices) = await people["ben"].GetAsync("/me/notifications");
        Assert.Contains("Done", Text(notices, ".notices li.done"));
        Assert.Empty(notices.QuerySelectorAll(".notices li.unread"));

        var member = await HomeAsync("ben");
        Assert.Contains("Harbour Circle", Text(member, "section[aria-labelledby=congregations-title]"));
        Assert.Contains("Call a crew", Text(member, ".next-step"));

        // A crew: Ben joins from his home, Cy declines on the crew's page, Dee's yes makes three; the caller hears each.
        var (called, _) = await people["ana"].SubmitAsync("/crews/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Tuesday crew",
            ["Input.Purpose"] = "Peer coaching with the case clinic.",
            ["Input.Invitees"] = "ben@test.example\ncy@test.example\ndee@test.example",
            ["Input.Cadence"] = "Weekly",
            ["Input.Meetings"] = "6",
            ["Input.SlotDay"] = "Tuesday",
            ["Input.SlotTime"] = "19:00",
            ["Input.TimeZone"] = "Europe/Lisbon",
        });
        var crew = called.Headers.Location!.OriginalString;
        var crewId = crew.Split('/')[2];
        await hub.Smtp.WaitForAsync("ben@test.example", "invites you to a crew");
        var asked = await HomeAsync("ben");
        Assert.Contains("Tuesday crew", Text(asked, "#waiting"));
        Assert.Contains("Ana invites you", Text(asked, "#waiting"));
        var (yes, _) = await people["ben"].SubmitAsync("/", new Dictionary<string, string> { ["Id"] = crewId, ["Accept"] = "true" }, handler: "Crew");
        Assert.Contains(yes.Headers.Location!.OriginalString, new[] { "/", "/me" }); // back to the home, at the address its form posted to
        await hub.Smtp.WaitForAsync("ana@test.example", "Ben joined Tuesday crew");
        Assert.NotNull(await DoneAtAsync("ben@test.example", "invites you to a crew"));

        await people["cy"].SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = "false" }, handler: "Respond");
        await hub.Smtp.WaitForAsync("ana@test.example", "Cy declined Tuesday crew");
        Assert.NotNull(await DoneAtAsync("cy@test.example", "invites you to a crew"));
        await people["dee"].SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Respond");
        await hub.Smtp.WaitForAsync("ana@test.example", "Dee joined Tuesday crew: the crew can start");
        var (_, anaNotices) = await people["ana"].GetAsync("/me/notifications");
        Assert.Contains("the crew can start", Text(anaNotices, ".notices"));
        Assert.NotNull(anaNotices.QuerySelector("form[method=post] button[type=submit]")); // "Mark all as read" is a real button

        var crewing = await HomeAsync("ben");
        Assert.Contains("Nothing waits for you", Text(crewing, "#waiting"));
        Assert.Contains("3 joined: ready to start", Text(crewing, "section[aria-labelledby=crews-title]"));
        Assert.Contains("Propose a dyad", Text(crewing, ".next-step"));

        // The experiment starts: Ben's next meeting, with its host, its focus person and a link to its plan.
        var lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, lisbon)).AddDays(2);
        while (date.DayOfWeek != DayOfWeek.Tuesday)
        {
            date = date.AddDays(1);
        }
        var (started, startedPage) = await people["ana"].SubmitAsync(crew, new Dictionary<string, string> { ["FirstDate"] = date.ToString("yyyy-MM-dd") }, handler: "Start");
        Assert.True(started.StatusCode == HttpStatusCode.Redirect, Text(startedPage, "main"));
        var meeting = await HomeAsync("ben");
        var next = Text(meeting, "section[aria-labelledby=meeting-title]");
        Assert.Contains("Tuesday crew", next);
        Assert.Contains("meeting 1 of 6", next);
        Assert.Matches("Host: (Ana|you) · Focus: (Ana|you|Dee)", next);
        Assert.NotNull(meeting.QuerySelector($"section[aria-labelledby=meeting-title] a[href='/crews/{crewId}#meeting-1']"));
        var (_, crewPage) = await people["ben"].GetAsync(crew);
        Assert.NotNull(crewPage.QuerySelector("#meeting-1"));

        // A dyad proposal, started from the home page.
        await people["ana"].SubmitAsync("/dyads/new", new Dictionary<string, string> { ["PartnerEmail"] = "ben@test.example", ["Kind"] = "PeerCoaching", ["Weeks"] = "6" });
        var proposed = await HomeAsync("ben");
        var dyadId = proposed.QuerySelectorAll("#waiting form").First(f => f.GetAttribute("action")!.Contains("handler=dyad", StringComparison.OrdinalIgnoreCase))
            .QuerySelector("input[name=Id]")!.GetAttribute("value")!;
        Assert.Contains("Dyad with Ana", Text(proposed, "#waiting"));
        var (paired, _) = await people["ben"].SubmitAsync("/me", new Dictionary<string, string> { ["Id"] = dyadId, ["Accept"] = "true" }, handler: "Dyad");
        Assert.Equal(HttpStatusCode.Redirect, paired.StatusCode);
        Assert.NotNull(await DoneAtAsync("ben@test.example", "proposes a dyad"));
        var paired2 = await HomeAsync("ben");
        Assert.Contains("Ana", Text(paired2, "section[aria-labelledby=dyads-title]"));
        Assert.Contains("journal", Text(paired2, ".next-step"));

        // A date Ben says he is going to.
        var gathering = await GatheringTestKit.CreateAsync(people["ana"], GatheringTestKit.Form("network", "Autumn gathering", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30))));
        await people["ben"].SubmitAsync(gathering, new Dictionary<string, string> { ["Reply"] = "Going" }, handler: "Answer");
        var going = await HomeAsync("ben");
        Assert.Contains("Autumn gathering", Text(going, "section[aria-labelledby=going-title]"));
        Assert.StartsWith($"/gatherings/{GatheringTestKit.IdOf(gathering)}?date=",
            going.QuerySelector("section[aria-labelledby=going-title] li a")!.GetAttribute("href"));

        // A request to join a congregation Ben hosts waits for him as host; deciding it marks his notice done.
        var bens = CongregationTestKit.SlugOf(await CongregationTestKit.CreateAsync(people["ben"], "Dune Circle", "Request", questions: ""));
        await people["dee"].SubmitAsync($"/congregations/{bens}", new Dictionary<string, string> { ["Answers"] = "" }, handler: "Request");
        var request = await HomeAsync("ben");
        Assert.Contains("Dee asked", Text(request, "#waiting"));
        Assert.NotNull(request.QuerySelector($"#waiting a[href='/congregations/{bens}/host']"));
        await people["ben"].SubmitAsync($"/congregations/{bens}/host", new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Decide");
        Assert.NotNull(await DoneAtAsync("ben@test.example", "Dee asks to join"));
        Assert.Contains("Nothing waits for you", Text(await HomeAsync("ben"), "#waiting"));
    }
}
