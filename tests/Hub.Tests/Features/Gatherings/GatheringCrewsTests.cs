using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Congregations;
using static Microsolidarity.Hub.Tests.Features.Rounds.RoundTestKit;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

/// <summary>One hub for the class: a host and ten invented people; each test makes its own congregation and gathering.</summary>
public sealed class GatheringCrewsHub : IAsyncLifetime
{
    public const string Password = "tables under the fig tree";
    public static readonly string[] Names = ["Ana Sorrel", "Ben Tallow", "Cai Ferro", "Dee Lumen", "Eli Brask", "Fay Orrin", "Gil Moss", "Hal Wicket", "Ivo Plume", "Jun Tarrow"];

    public HubFactory Hub { get; private set; } = null!;
    public Dictionary<string, FormClient> People { get; } = [];

    public static string EmailOf(string name) => $"{name.Split(' ')[0].ToLowerInvariant()}@crews.test.example";

    public async Task InitializeAsync()
    {
        Hub = await HubFactory.StartAsync(smtp: false);
        foreach (var name in Names.Append("Nell Homebound"))
        {
            await Hub.CreatePersonAsync(EmailOf(name), Password, name: name);
            People[name] = await Hub.SignedInClientAsync(EmailOf(name), Password);
        }
    }

    /// <summary>A congregation hosted by someone new, with everyone as members, and a members-only gathering in it.</summary>
    public async Task<(FormClient Host, string Url, Guid EventId)> GatheringAsync(string hostName, string recurrence = "")
    {
        var email = EmailOf(hostName);
        await Hub.CreatePersonAsync(email, Password, name: hostName);
        var host = await Hub.SignedInClientAsync(email, Password);
        var slug = CongregationTestKit.SlugOf(await CongregationTestKit.CreateAsync(host, $"{hostName.Split(' ')[0]} Circle", "InvitationOnly"));
        foreach (var name in People.Keys)
        {
            await AddMemberAsync(Hub, slug, EmailOf(name));
        }
        using var scope = Hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var congregation = await db.Congregations.SingleAsync(c => c.Slug == slug);
        var start = DateTime.UtcNow.Date.AddDays(10).AddHours(9);
        var gathering = new GatheringEvent
        {
            Id = Guid.NewGuid(),
            Title = $"{hostName.Split(' ')[0]}'s spring gathering",
            Kind = EventKind.Gathering,
            Scale = EventScale.Congregation,
            Visibility = EventVisibility.CongregationOnly,
            CongregationId = congregation.Id,
            Address = "A barn by the river",
            TimeZone = "Europe/Lisbon",
            StartsAt = start,
            EndsAt = start.AddHours(8),
            Recurrence = recurrence,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.GatheringEvents.Add(gathering);
        await db.SaveChangesAsync();
        return (host, $"/gatherings/{gathering.Id}", gathering.Id);
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

public sealed class GatheringCrewsTests(GatheringCrewsHub fixture) : IClassFixture<GatheringCrewsHub>
{
    private readonly HubFactory hub = fixture.Hub;

    private FormClient P(string name) => fixture.People[name];

    private async Task GoAsync(string eventUrl, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var (response, page) = await P(name).SubmitAsync(eventUrl, new Dictionary<string, string> { ["Reply"] = "Going" }, "Answer");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        }
    }

    /// <summary>The user id the rather-not form uses for a person, read from the checkbox beside their name.</summary>
    private static string IdOf(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
        page.QuerySelectorAll(".rather-not-list label").Single(l => l.TextContent.Trim() == name).QuerySelector("input")!.GetAttribute("value")!;

    private async Task<List<List<string>>> TablesAsync(Guid eventId) => await DbAsync(hub, async db =>
        (await db.TemporaryCrews.Where(c => db.GatheringCrewSets.Any(s => s.Id == c.SetId && s.EventId == eventId)).OrderBy(c => c.Number)
            .Select(c => c.Members.Select(m => m.User.DisplayName).ToList()).ToListAsync()).Select(t => t.Order().ToList()).ToList());

    [Fact]
    public async Task FormCrews_WithRatherNots_KeepsThemApartInCrewsOfTheSizeAndNeverSeatsSomeoneNotGoing()
    {
        var (host, url, eventId) = await fixture.GatheringAsync("Hanne Quill");
        var going = GatheringCrewsHub.Names;
        await GoAsync(url, going);
        await P("Nell Homebound").SubmitAsync(url, new Dictionary<string, string> { ["Reply"] = "CantGo" }, "Answer");
        var crews = $"{url}/crews";

        // Someone going sees the private form with everyone else going, not those who are not.
        var (_, form) = await P("Ana Sorrel").GetAsync(crews);
        var names = form.QuerySelectorAll(".rather-not-list label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(going.Where(n => n != "Ana Sorrel").Order(), names.Order());
        var (saved, _) = await PostAsync(P("Ana Sorrel"), crews, "RatherNot", [("About", IdOf(form, "Ben Tallow")), ("About", IdOf(form, "Cai Ferro"))]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, again) = await P("Ana Sorrel").GetAsync(crews);
        Assert.Equal(["Ben Tallow", "Cai Ferro"], again.QuerySelectorAll(".rather-not-list input[checked]").Select(i => i.ParentElement!.TextContent.Trim()).Order());
        var (_, deeForm) = await P("Dee Lumen").GetAsync(crews);
        await PostAsync(P("Dee Lumen"), crews, "RatherNot", [("About", IdOf(deeForm, "Eli Brask"))]);
        await PostAsync(P("Gil Moss"), crews, "RatherNot", [("About", IdOf(deeForm, "Hal Wicket"))]);

        // Someone not going has no form, and a forged post is refused.
        var (_, notGoing) = await P("Nell Homebound").GetAsync(crews);
        Assert.Contains("Crews are for the people going to this date", notGoing.QuerySelector(".empty")!.TextContent);
        Assert.Empty(notGoing.QuerySelectorAll(".rather-not-list"));
        var forged = await ForgeAsync(P("Nell Homebound"), $"{crews}?handler=RatherNot", [("About", IdOf(form, "Ben Tallow"))]);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Only people going", await forged.Content.ReadAsStringAsync());
        Assert.Equal(0, await DbAsync(hub, db => db.GatheringRatherNots.CountAsync(r => r.EventId == eventId && db.Users.Any(u => u.Id == r.FromUserId && u.DisplayName == "Nell Homebound"))));

        // A member who does not host cannot form crews.
        var (_, memberPage) = await P("Ben Tallow").GetAsync(crews);
        Assert.DoesNotContain(memberPage.Forms, f => (f.GetAttribute("action") ?? "").Contains("handler=Form"));
        var memberForms = await ForgeAsync(P("Ben Tallow"), $"{crews}?handler=Form", [("Size", "4")]);
        Assert.Contains("Only the event", await memberForms.Content.ReadAsStringAsync());

        // The host asks for a size out of range, then for four.
        var (tooBig, tooBigPage) = await PostAsync(host, crews, "Form", [("Size", "9")]);
        Assert.Equal(HttpStatusCode.OK, tooBig.StatusCode);
        Assert.Contains("from 3 to 6", tooBigPage.QuerySelector("#size-error")!.TextContent);
        var (formed, formedPage) = await PostAsync(host, crews, "Form", [("Size", "4")]);
        Assert.True(formed.StatusCode == HttpStatusCode.Redirect, formedPage.QuerySelector("main")?.TextContent);

        var tables = await TablesAsync(eventId);
        Assert.Equal(going.Order(), tables.SelectMany(t => t).Order());
        Assert.DoesNotContain(tables, t => t.Contains("Nell Homebound"));
        Assert.Equal(3, tables.Count); // ten people in fours: 4, 3, 3
        Assert.All(tables, t => Assert.InRange(t.Count, 3, 4));
        foreach (var (a, b) in new[] { ("Ana Sorrel", "Ben Tallow"), ("Ana Sorrel", "Cai Ferro"), ("Dee Lumen", "Eli Brask"), ("Gil Moss", "Hal Wicket") })
        {
            Assert.DoesNotContain(tables, t => t.Contains(a) && t.Contains(b));
        }

        // The host sees the crews, no mark, and nothing of what anyone said; attendees do not see them yet, and the form has closed.
        var (_, hostPage) = await host.GetAsync(crews);
        Assert.Equal(3, hostPage.QuerySelectorAll(".crew-table").Length);
        Assert.Empty(hostPage.QuerySelectorAll(".marked"));
        var (_, waiting) = await P("Ana Sorrel").GetAsync(crews);
        Assert.Contains("The hosts are putting the crews together", waiting.QuerySelector(".empty")!.TextContent);
        Assert.Empty(waiting.QuerySelectorAll(".crew-table"));
        var early = await ForgeAsync(P("Ana Sorrel"), $"{crews}?handler=Continue", [("GoOn", "true")]);
        Assert.Contains("not published yet", await early.Content.ReadAsStringAsync());
        var closed = await ForgeAsync(P("Ana Sorrel"), $"{crews}?handler=RatherNot", [("About", IdOf(form, "Dee Lumen"))]);
        Assert.Contains("formed the crews", await closed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Move_AgainstARatherNot_MarksTheCrewWithoutSayingWhoAndBlocksPublishing()
    {
        var (host, url, eventId) = await fixture.GatheringAsync("Hedda Lark");
        string[] going = ["Ana Sorrel", "Ben Tallow", "Cai Ferro", "Dee Lumen", "Eli Brask", "Fay Orrin"];
        await GoAsync(url, going);
        var crews = $"{url}/crews";
        var (_, form) = await P("Ana Sorrel").GetAsync(crews);
        await PostAsync(P("Ana Sorrel"), crews, "RatherNot", [("About", IdOf(form, "Ben Tallow"))]);
        await PostAsync(host, crews, "Form", [("Size", "3")]);
        var tables = await TablesAsync(eventId);
        Assert.Equal(2, tables.Count);
        var anasTable = tables.FindIndex(t => t.Contains("Ana Sorrel")) + 1;

        // The host moves Ben to Ana's crew: the move is taken, the crew is marked in words that name nobody, and it cannot be published.
        var (_, hostPage) = await host.GetAsync(crews);
        var benId = hostPage.QuerySelectorAll(".person").Single(p => p.QuerySelector(".name")!.TextContent == "Ben Tallow").QuerySelector("input[name=Person]")!.GetAttribute("value")!;
        var anaCrewId = hostPage.QuerySelectorAll("select[name=Target] option").First(o => o.TextContent == $"Crew {anasTable}").GetAttribute("value")!;
        var (moved, _) = await PostAsync(host, crews, "Move", [("Person", benId), ("Target", anaCrewId)]);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var (_, markedPage) = await host.GetAsync(crews);
        var marked = Assert.Single(markedPage.QuerySelectorAll(".marked"));
        Assert.DoesNotContain("Ana", marked.TextContent);
        Assert.DoesNotContain("Ben", marked.TextContent);
        var (refused, refusedPage) = await PostAsync(host, crews, "Publish", []);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("A crew is marked", refusedPage.QuerySelector("main")!.TextContent);
        Assert.Equal(GatheringCrewStage.Proposed, await DbAsync(hub, db => db.GatheringCrewSets.Where(s => s.EventId == eventId).Select(s => s.Stage).SingleAsync()));

        // Forming again keeps every "rather not", and publishing works.
        var (confirm, confirmPage) = await PostAsync(host, crews, "Form", [("Size", "3")]);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.NotNull(confirmPage.QuerySelector("#confirm-form"));
        await PostAsync(host, crews, "Form", [("Size", "3"), ("Confirmed", "true")]);
        Assert.DoesNotContain(await TablesAsync(eventId), t => t.Contains("Ana Sorrel") && t.Contains("Ben Tallow"));
        var (published, publishedPage) = await PostAsync(host, crews, "Publish", []);
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, publishedPage.QuerySelector("main")?.TextContent);
    }

    [Fact]
    public async Task Publish_ShowsEveryCrewToThoseGoing_AndTheirOwnOnTheEventPage()
    {
        var (host, url, eventId) = await fixture.GatheringAsync("Hilde Morrow");
        string[] going = ["Cai Ferro", "Dee Lumen", "Eli Brask", "Fay Orrin", "Gil Moss", "Hal Wicket", "Ivo Plume"];
        await GoAsync(url, going.Append("Jun Tarrow"));
        var crews = $"{url}/crews";
        await PostAsync(host, crews, "Form", [("Size", "4")]);
        Assert.Equal(8, (await TablesAsync(eventId)).Sum(t => t.Count));
        // Jun stops going after the crews were formed: the host sees it, and publishing leaves Jun out.
        await P("Jun Tarrow").SubmitAsync(url, new Dictionary<string, string> { ["Reply"] = "CantGo" }, "Answer");
        var (_, before) = await host.GetAsync(crews);
        Assert.Contains("no longer going", before.QuerySelectorAll(".person").Single(p => p.QuerySelector(".name")!.TextContent == "Jun Tarrow").TextContent);
        var (published, _) = await PostAsync(host, crews, "Publish", []);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var tables = await TablesAsync(eventId);
        Assert.Equal(2, tables.Count);
        Assert.Equal(going.Order(), tables.SelectMany(t => t).Order());

        // At a gathering the seating is open: everyone going sees every crew, and their own first.
        var (_, page) = await P("Cai Ferro").GetAsync(crews);
        Assert.Equal(2, page.QuerySelectorAll(".crew-table").Length);
        var mine = tables.Single(t => t.Contains("Cai Ferro"));
        var myTable = page.QuerySelector(".my-table")!;
        Assert.Equal(mine.Order(), myTable.QuerySelectorAll(".faces li span:not(.face)").Select(s => s.TextContent.Replace(" (you)", "")).Order());
        var (_, eventPage) = await P("Cai Ferro").GetAsync(url);
        Assert.All(mine, n => Assert.Contains(n, eventPage.QuerySelector("#my-crew")!.TextContent));
        Assert.Equal(going.Length, await DbAsync(hub, db => db.Notifications.CountAsync(n => n.Kind == "gathering.crews" && n.Url.StartsWith(crews))));

        // A member who is not going sees no names; the host prints a sheet with every crew.
        var (_, nell) = await P("Nell Homebound").GetAsync(crews);
        Assert.All(going, n => Assert.DoesNotContain(n, nell.QuerySelector("main")!.TextContent));
        var (_, sheet) = await host.GetAsync($"{crews}/print");
        Assert.Equal(2, sheet.QuerySelectorAll(".sheet-crew").Length);
        Assert.All(going, n => Assert.Contains(n, sheet.QuerySelector(".table-sheet")!.TextContent));
        var (memberPrint, _) = await P("Cai Ferro").GetAsync($"{crews}/print");
        Assert.Equal(HttpStatusCode.NotFound, memberPrint.StatusCode);

        // Published crews no longer change.
        var (_, hostPage) = await host.GetAsync(crews);
        Assert.DoesNotContain(hostPage.Forms, f => (f.GetAttribute("action") ?? "").Contains("handler=Form") || (f.GetAttribute("action") ?? "").Contains("handler=Move"));
        var again = await ForgeAsync(host, $"{crews}?handler=Form", [("Size", "4"), ("Confirmed", "true")]);
        Assert.Contains("are published", await again.Content.ReadAsStringAsync());
        Assert.Equal(tables, await TablesAsync(eventId));
    }

    [Fact]
    public async Task Series_EachDateHasItsOwnCrews_FromThoseGoingToThatDate()
    {
        var (host, url, eventId) = await fixture.GatheringAsync("Helka Burr", "FREQ=WEEKLY");
        foreach (var name in new[] { "Fay Orrin", "Gil Moss", "Hal Wicket" })
        {
            var (_, page) = await P(name).GetAsync(url);
            var series = page.QuerySelector("form.series-answer")!;
            var token = series.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var (answered, _) = await P(name).PostAsync(series.GetAttribute("action")!, new Dictionary<string, string> { ["Reply"] = "Going", ["__RequestVerificationToken"] = token });
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }
        var start = await DbAsync(hub, db => db.GatheringEvents.Where(e => e.Id == eventId).Select(e => e.StartsAt).SingleAsync());
        var second = Microsolidarity.Hub.Features.Gatherings.EventTime.Key(start.AddDays(7));
        // Hal cannot come to the second date only.
        await P("Hal Wicket").SubmitAsync($"{url}?date={second}", new Dictionary<string, string> { ["Reply"] = "CantGo" }, "Answer");

        var crews = $"{url}/crews";
        var (_, first) = await host.GetAsync(crews);
        Assert.Contains("3 people are going", first.QuerySelector(".lead")!.TextContent);
        Assert.True(first.QuerySelectorAll(".crew-dates a").Length > 1);
        var (_, secondPage) = await host.GetAsync($"{crews}?date={second}");
        Assert.Contains("2 people are going", secondPage.QuerySelector(".lead")!.TextContent);
        Assert.Contains("once at least 3 people are going", secondPage.QuerySelector("main")!.TextContent);
        var refused = await ForgeAsync(host, $"{crews}?date={second}&handler=Form", [("Size", "3")]);
        Assert.Contains("Fewer than 3 people are going", await refused.Content.ReadAsStringAsync());
        var (formed, _) = await PostAsync(host, crews, "Form", [("Size", "3")]);
        Assert.Equal(HttpStatusCode.Redirect, formed.StatusCode);
        var sets = await DbAsync(hub, db => db.GatheringCrewSets.Where(s => s.EventId == eventId).Select(s => s.OccurrenceStart).ToListAsync());
        Assert.Equal([start], sets);
        Assert.Equal(["Fay Orrin", "Gil Moss", "Hal Wicket"], Assert.Single(await TablesAsync(eventId)));
    }

    [Fact]
    public async Task Continue_EveryoneSaysYes_StartsACrewWithThemInTheCongregation()
    {
        var (host, url, eventId) = await fixture.GatheringAsync("Hester Vane");
        string[] going = ["Ana Sorrel", "Jun Tarrow", "Ivo Plume"];
        await GoAsync(url, going);
        var crews = $"{url}/crews";
        await PostAsync(host, crews, "Form", [("Size", "3")]);
        await PostAsync(host, crews, "Publish", []);

        var (first, _) = await PostAsync(P("Ana Sorrel"), crews, "Continue", [("GoOn", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        // The last two answers arrive at the same moment: one crew starts, once.
        var last = await Task.WhenAll(PostAsync(P("Jun Tarrow"), crews, "Continue", [("GoOn", "true")]), PostAsync(P("Ivo Plume"), crews, "Continue", [("GoOn", "true")]));
        Assert.All(last, r => Assert.Equal(HttpStatusCode.Redirect, r.Response.StatusCode));

        var started = await DbAsync(hub, db => db.TemporaryCrews.Where(c => db.GatheringCrewSets.Any(s => s.Id == c.SetId && s.EventId == eventId)).Select(c => c.CrewId).SingleAsync());
        Assert.NotNull(started);
        var crew = await DbAsync(hub, db => db.Crews.Include(c => c.Members).ThenInclude(m => m.User).SingleAsync(c => c.Id == started));
        Assert.Equal(going.Order(), crew.Members.Where(m => m.Status == CrewMemberStatus.Joined).Select(m => m.User.DisplayName).Order());
        Assert.Equal(3, crew.JoinedCount);
        var congregation = await DbAsync(hub, db => db.GatheringEvents.Where(e => e.Id == eventId).Select(e => e.CongregationId).SingleAsync());
        Assert.Equal(congregation, crew.CongregationId);
        Assert.Equal(1, await DbAsync(hub, db => db.Crews.CountAsync(c => c.Name.StartsWith("Hester's spring gathering"))));
        Assert.Equal(3, await DbAsync(hub, db => db.Notifications.CountAsync(n => n.Kind == "crew.formed" && n.Url == $"/crews/{started}")));
        var (_, page) = await P("Ivo Plume").GetAsync(crews);
        Assert.Equal($"/crews/{started}", page.QuerySelector(".my-table a.button")!.GetAttribute("href"));
        var (crewPage, _) = await P("Ivo Plume").GetAsync($"/crews/{started}");
        Assert.Equal(HttpStatusCode.OK, crewPage.StatusCode);
    }

    [Fact]
    public async Task Continue_OneSaysNo_CrewStartsWithoutThemAndNobodyIsToldWho()
    {
        var (host, url, eventId) = await fixture.GatheringAsync("Hilda Crane");
        string[] going = ["Ben Tallow", "Cai Ferro", "Dee Lumen", "Eli Brask"];
        await GoAsync(url, going);
        var crews = $"{url}/crews";
        await PostAsync(host, crews, "Form", [("Size", "4")]);
        await PostAsync(host, crews, "Publish", []);

        await PostAsync(P("Eli Brask"), crews, "Continue", [("GoOn", "false")]);
        var (_, eliPage) = await P("Eli Brask").GetAsync(crews);
        Assert.Contains("You said no", eliPage.QuerySelector("#my-answer")!.TextContent);
        foreach (var name in new[] { "Ben Tallow", "Cai Ferro" })
        {
            await PostAsync(P(name), crews, "Continue", [("GoOn", "true")]);
        }
        // Before the last answer, the others' pages say nothing about who answered what.
        var (_, benPage) = await P("Ben Tallow").GetAsync(crews);
        Assert.DoesNotContain("said no", benPage.QuerySelector(".faces")!.TextContent);
        Assert.Contains("You said yes", benPage.QuerySelector("#my-answer")!.TextContent);
        Assert.Null(await DbAsync(hub, db => db.TemporaryCrews.Where(c => db.GatheringCrewSets.Any(s => s.Id == c.SetId && s.EventId == eventId)).Select(c => c.CrewId).SingleAsync()));
        await PostAsync(P("Dee Lumen"), crews, "Continue", [("GoOn", "true")]);

        var started = await DbAsync(hub, db => db.TemporaryCrews.Where(c => db.GatheringCrewSets.Any(s => s.Id == c.SetId && s.EventId == eventId)).Select(c => c.CrewId).SingleAsync());
        var members = await DbAsync(hub, db => db.CrewMembers.Where(m => m.CrewId == started).Select(m => m.User.DisplayName).ToListAsync());
        Assert.Equal(["Ben Tallow", "Cai Ferro", "Dee Lumen"], members.Order());
        // What the others are told names nobody who said no.
        var told = await DbAsync(hub, db => db.Notifications.Where(n => n.Url == $"/crews/{started}").Select(n => new { n.Title, n.UserId }).ToListAsync());
        Assert.Equal(3, told.Count);
        var mail = await DbAsync(hub, db => db.OutgoingEmails.Where(e => e.Subject.StartsWith("You are a crew now") && e.Subject.Contains("Hilda")).Select(e => e.TextBody + e.HtmlBody).ToListAsync());
        Assert.Equal(3, mail.Count);
        Assert.All(mail, body => Assert.DoesNotContain("Eli", body));
        Assert.All(told, n => Assert.DoesNotContain("Eli", n.Title));
        var (_, eliAfter) = await P("Eli Brask").GetAsync(crews);
        Assert.Null(eliAfter.QuerySelector(".my-table a.button"));
        Assert.Contains("Some of this table chose to go on", eliAfter.QuerySelector(".my-table")!.TextContent);
    }
}

public sealed class DemoGatheringCrewsTests
{
    [Fact]
    public async Task FirstStart_WithDemo_MidsummerGatheringHasItsCrewsPublished()
    {
        await using var hub = await HubFactory.StartAsync(s => s["Hub:SeedDemo"] = "true", smtp: false);
        var set = await DbAsync(hub, db => db.GatheringCrewSets.Include(s => s.Crews).ThenInclude(c => c.Members)
            .SingleAsync(s => db.GatheringEvents.Any(e => e.Id == s.EventId && e.Title == "Riverside midsummer gathering")));
        Assert.Equal(GatheringCrewStage.Published, set.Stage);
        Assert.Equal([3, 3], set.Crews.Select(c => c.Members.Count));
        Assert.All(set.Crews, c => Assert.Null(c.CrewId));
        await hub.CreatePersonAsync("keeper@demo-crews.test.example", GatheringCrewsHub.Password, admin: true, name: "Kit Keeper");
        var admin = await hub.SignedInClientAsync("keeper@demo-crews.test.example", GatheringCrewsHub.Password);
        var (response, page) = await admin.GetAsync($"/gatherings/{set.EventId}/crews");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, page.QuerySelectorAll(".crew-table").Length);
        Assert.Contains("Wren Castellano", page.QuerySelector(".tables")!.TextContent);
        var (_, sheet) = await admin.GetAsync($"/gatherings/{set.EventId}/crews/print");
        Assert.Equal(2, sheet.QuerySelectorAll(".sheet-crew").Length);
    }
}
