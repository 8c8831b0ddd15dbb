using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Congregations;
using static Microsolidarity.Hub.Tests.Features.Rounds.RoundTestKit;

namespace Microsolidarity.Hub.Tests.Features.Rounds;

/// <summary>One hub for the class: a host, eight members and someone from outside, all invented.</summary>
public sealed class RoundHub : IAsyncLifetime
{
    public const string Password = "crews from a warm room";
    public static readonly string[] Names = ["Ana Sorrel", "Ben Tallow", "Cai Ferro", "Dee Lumen", "Eli Brask", "Fay Orrin", "Gil Moss", "Zed Farrow"];

    public HubFactory Hub { get; private set; } = null!;
    public FormClient Host { get; private set; } = null!;
    public FormClient Outsider { get; private set; } = null!;
    public Dictionary<string, FormClient> Members { get; } = [];

    public static string EmailOf(string name) => $"{name.Split(' ')[0].ToLowerInvariant()}@test.example";

    public async Task InitializeAsync()
    {
        Hub = await HubFactory.StartAsync(smtp: false);
        await Hub.CreatePersonAsync("hanne@test.example", Password, name: "Hanne Quill");
        await Hub.CreatePersonAsync("olek@test.example", Password, name: "Olek Outside");
        foreach (var name in Names)
        {
            await Hub.CreatePersonAsync(EmailOf(name), Password, name: name);
        }
        Host = await Hub.SignedInClientAsync("hanne@test.example", Password);
        Outsider = await Hub.SignedInClientAsync("olek@test.example", Password);
        foreach (var name in Names)
        {
            Members[name] = await Hub.SignedInClientAsync(EmailOf(name), Password);
        }
    }

    /// <summary>A new congregation hosted by Hanne with the given people as members.</summary>
    public async Task<string> CongregationAsync(string name, IEnumerable<string> members)
    {
        var slug = CongregationTestKit.SlugOf(await CongregationTestKit.CreateAsync(Host, name, "InvitationOnly"));
        foreach (var m in members)
        {
            await AddMemberAsync(Hub, slug, EmailOf(m));
        }
        return slug;
    }

    /// <summary>
    /// A new congregation hosted by someone new: moves are limited per host, so a test whose moves touch a marked
    /// crew has a host of its own and does not use up another test's moves.
    /// </summary>
    public async Task<(FormClient Host, string Slug)> OwnHostAsync(string hostName, string congregation, IEnumerable<string> members)
    {
        var email = EmailOf(hostName);
        await Hub.CreatePersonAsync(email, Password, name: hostName);
        var host = await Hub.SignedInClientAsync(email, Password);
        var slug = CongregationTestKit.SlugOf(await CongregationTestKit.CreateAsync(host, congregation, "InvitationOnly"));
        foreach (var m in members)
        {
            await AddMemberAsync(Hub, slug, EmailOf(m));
        }
        return (host, slug);
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

public sealed class FormationRoundTests(RoundHub fixture) : IClassFixture<RoundHub>
{
    private readonly HubFactory hub = fixture.Hub;
    private readonly FormClient host = fixture.Host;

    private FormClient M(string name) => fixture.Members[name];

    private async Task<string> OpenAsync(string slug, string title, FormClient? by = null)
    {
        var due = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-ddTHH:mm");
        var (response, page) = await PostAsync(by ?? host, $"/congregations/{slug}/formation", "Open",
            [("Title", title), ("Due", due), ("MinSize", "3"), ("MaxSize", "6")]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Round_FromOpeningToConsent_FormsCrewsThatKeepEveryRatherNot()
    {
        var slug = await fixture.CongregationAsync("Round Life Congregation", RoundHub.Names);
        var (_, empty) = await M("Ana Sorrel").GetAsync($"/congregations/{slug}/formation");
        Assert.Contains("No formation round yet", empty.QuerySelector(".empty")!.TextContent);
        Assert.DoesNotContain(empty.Forms, f => (f.GetAttribute("action") ?? "").Contains("handler=Open")); // members do not open rounds

        // Opening checks every field at once and keeps what was typed.
        var (refused, refusedPage) = await PostAsync(host, $"/congregations/{slug}/formation", "Open",
            [("Title", "Spring crews"), ("Due", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm")), ("MinSize", "2"), ("MaxSize", "9")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("must be in the future", refusedPage.QuerySelector("#due-error")!.TextContent);
        Assert.Contains("at least 3", refusedPage.QuerySelector("#min-size-error")!.TextContent);
        Assert.Contains("at most 6", refusedPage.QuerySelector("#max-size-error")!.TextContent);
        Assert.Equal("Spring crews", refusedPage.QuerySelector("#title")!.GetAttribute("value"));

        var round = await OpenAsync(slug, "Spring crews");
        var roundId = Guid.Parse(round.Split('/')[^1]);
        Assert.Equal(RoundHub.Names.Length, await DbAsync(hub, db => db.Notifications.CountAsync(n => n.Kind == "congregation.formation-round" && n.Url == round)));

        // Everyone joins with Tuesday evening free, except Zed, who is free only on Sunday mornings.
        foreach (var name in RoundHub.Names)
        {
            int[] free = name.StartsWith("Zed", StringComparison.Ordinal) ? [6 * 24 + 7] : TuesdayEvening;
            var interests = name is "Ana Sorrel" or "Cai Ferro" or "Dee Lumen" ? "gardening, Cooperatives" : "cooperatives, music";
            var (joined, joinedPage) = await PostAsync(M(name), round, "Preferences", Preferences(interests, free));
            Assert.True(joined.StatusCode == HttpStatusCode.Redirect, joinedPage.QuerySelector("main")?.TextContent);
        }
        // A member who ticks no hour is told why, with the rest of what she typed kept.
        var (noHours, noHoursPage) = await PostAsync(M("Fay Orrin"), round, "Preferences", Preferences("weaving", []));
        Assert.Equal(HttpStatusCode.OK, noHours.StatusCode);
        Assert.Contains("at least one hour", noHoursPage.QuerySelector("#free-error")!.TextContent);
        Assert.Equal("weaving", noHoursPage.QuerySelector("#interests")!.GetAttribute("value"));

        // Ana would rather not be with Ben and wants Cai; she changes her mind about Dee before the deadline.
        var (_, anaPage) = await M("Ana Sorrel").GetAsync(round);
        var ben = AboutIdOf(anaPage, "Ben Tallow");
        var cai = AboutIdOf(anaPage, "Cai Ferro");
        var dee = AboutIdOf(anaPage, "Dee Lumen");
        await PostAsync(M("Ana Sorrel"), round, "Preferences", Preferences("gardening, cooperatives", TuesdayEvening, (ben, "RatherNot"), (cai, "Want"), (dee, "RatherNot")));
        var (saved, _) = await PostAsync(M("Ana Sorrel"), round, "Preferences", Preferences("gardening, cooperatives", TuesdayEvening, (ben, "RatherNot"), (cai, "Want"), (dee, "Open")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, anaAgain) = await M("Ana Sorrel").GetAsync(round);
        Assert.Equal("RatherNot", anaAgain.QuerySelector($"input[name='About[{ben}]']:checked")!.GetAttribute("value"));
        Assert.Equal("Open", anaAgain.QuerySelector($"input[name='About[{dee}]']:checked")!.GetAttribute("value"));
        // Ben never sees what Ana said about him: his own form shows only his choices (none: open for everyone).
        var (_, benPage) = await M("Ben Tallow").GetAsync(round);
        var anaId = AboutIdOf(benPage, "Ana Sorrel");
        Assert.Equal("Open", benPage.QuerySelector($"input[name='About[{anaId}]']:checked")!.GetAttribute("value"));
        Assert.Empty(benPage.QuerySelectorAll("input[value=RatherNot]:checked"));
        Assert.Empty(benPage.QuerySelectorAll("input[value=Want]:checked"));

        // Only hosts run; the host's page never shows preferences either.
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgeAsync(M("Ben Tallow"), $"{round}?handler=Run", [])).StatusCode);
        var (ran, ranPage) = await PostAsync(host, round, "Run", []);
        Assert.True(ran.StatusCode == HttpStatusCode.Redirect, ranPage.QuerySelector("main")?.TextContent);
        var (_, proposal) = await host.GetAsync(round);
        Assert.Empty(proposal.QuerySelectorAll("input[type=radio]"));
        var crews = proposal.QuerySelectorAll("section.proposed-crew:not(.unplaced)");
        Assert.True(crews.Length == 2, proposal.QuerySelector("main")!.TextContent);
        Assert.All(crews, c => Assert.Contains("Free together: Tuesday 19:00–21:00 (UTC)", c.TextContent));
        Assert.Contains("shares no weekly hour with enough others", proposal.QuerySelector("#unplaced")!.TextContent);
        Assert.Contains("Zed Farrow", proposal.QuerySelector("#unplaced")!.TextContent);
        var placed = await DbAsync(hub, db => db.FormationParticipants.Include(p => p.User).Where(p => p.RoundId == roundId)
            .ToDictionaryAsync(p => p.User.DisplayName, p => p.ProposedCrewId));
        Assert.NotEqual(placed["Ana Sorrel"], placed["Ben Tallow"]);
        Assert.Null(placed["Zed Farrow"]);
        Assert.Contains("cooperatives", proposal.QuerySelector("#crew-1")!.TextContent); // what they have in common, in lower case
        var searched = await DbAsync(hub, db => db.ProposedCrews.Where(c => c.RoundId == roundId).OrderBy(c => c.Number)
            .Select(c => new { c.Id, c.SharedSlots, c.CommonInterests }).ToListAsync());

        // Preferences are closed now: the deadline moved to the moment of the run.
        var (_, gilPage) = await M("Gil Moss").GetAsync(round);
        Assert.DoesNotContain(gilPage.Forms, f => (f.GetAttribute("action") ?? "").Contains("handler=Preferences")); // the form is gone ...
        var forgedLate = await ForgeAsync(M("Gil Moss"), $"{round}?handler=Preferences", Preferences("x", TuesdayEvening));
        Assert.Equal(HttpStatusCode.OK, forgedLate.StatusCode); // ... and a forged post is refused with the reason
        Assert.Contains("nothing can be changed now", await forgedLate.Content.ReadAsStringAsync());

        // A member sees nothing of the proposal before it is published.
        var (_, benWaiting) = await M("Ben Tallow").GetAsync(round);
        Assert.Contains("reviewing the proposed crews", benWaiting.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Ana Sorrel", benWaiting.QuerySelector("main")!.TextContent);

        // A forged move of Ben into Ana's crew is taken; the crew is marked, never saying whose preference it is, and
        // the proposal cannot be published until the crew changes. Moving him back clears the mark.
        var anaCrew = placed["Ana Sorrel"]!.Value.ToString();
        var benParticipant = await DbAsync(hub, db => db.FormationParticipants.Where(p => p.RoundId == roundId && p.User.DisplayName == "Ben Tallow").Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgeAsync(M("Cai Ferro"), $"{round}?handler=Move", [("ParticipantId", benParticipant.ToString()), ("Target", anaCrew)])).StatusCode);
        var forged = await ForgeAsync(host, $"{round}?handler=Move", [("ParticipantId", benParticipant.ToString()), ("Target", anaCrew)]);
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        var (_, markedPage) = await host.GetAsync(round);
        var markedCrew = markedPage.QuerySelector($"section[data-target='{anaCrew}']")!.TextContent;
        Assert.Contains("may not feel comfortable", markedCrew);
        Assert.Contains("is marked", markedPage.QuerySelector("#warnings")!.TextContent);
        var (notPublished, notPublishedPage) = await PostAsync(host, round, "Publish", []);
        Assert.Equal(HttpStatusCode.OK, notPublished.StatusCode);
        Assert.Contains("marked: someone may not feel comfortable there", notPublishedPage.QuerySelector("main")!.TextContent);
        Assert.Equal(FormationStage.Proposed, await DbAsync(hub, db => db.FormationRounds.Where(r => r.Id == roundId).Select(r => r.Stage).SingleAsync()));
        var (back, _) = await PostAsync(host, round, "Move", [("ParticipantId", benParticipant.ToString()), ("Target", placed["Ben Tallow"]!.Value.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.DoesNotContain("may not feel comfortable", (await host.GetAsync(round)).Page.QuerySelector("main")!.TextContent);

        // Moving Zed into a crew is allowed but warns: no weekly hour for all of them. Moving him back clears it.
        var zed = await DbAsync(hub, db => db.FormationParticipants.Where(p => p.RoundId == roundId && p.User.DisplayName == "Zed Farrow").Select(p => p.Id).SingleAsync());
        var (moved, _) = await PostAsync(host, round, "Move", [("ParticipantId", zed.ToString()), ("Target", anaCrew)]);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var (_, warned) = await host.GetAsync(round);
        Assert.Contains("no weekly hour when all its members are free", warned.QuerySelector("#warnings")!.TextContent);
        await PostAsync(host, round, "Move", [("ParticipantId", zed.ToString()), ("Target", "none")]);
        var (_, clean) = await host.GetAsync(round);
        Assert.Null(clean.QuerySelector("#warnings"));
        // Back with the members the search gave them, the crews say what the search said: one function for both.
        Assert.Equal(searched, await DbAsync(hub, db => db.ProposedCrews.Where(c => c.RoundId == roundId).OrderBy(c => c.Number)
            .Select(c => new { c.Id, c.SharedSlots, c.CommonInterests }).ToListAsync()));

        // Running again would throw away the host's moves: it asks first, and nothing changes until confirmed.
        var (again, againPage) = await PostAsync(host, round, "Run", []);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotNull(againPage.QuerySelector("#confirm-run"));

        // Publishing: each placed member is invited; Zed hears why not.
        var (published, _) = await PostAsync(host, round, "Publish", []);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(7, await DbAsync(hub, db => db.Notifications.CountAsync(n => n.Kind == "congregation.formation-proposal" && n.Url == round)));
        Assert.Equal(1, await DbAsync(hub, db => db.Notifications.CountAsync(n => n.Kind == "congregation.formation-unplaced" && n.Url == round)));
        Assert.Equal(HttpStatusCode.OK, (await ForgeAsync(host, $"{round}?handler=Move", [("ParticipantId", zed.ToString()), ("Target", anaCrew)])).StatusCode);
        Assert.Null(await DbAsync(hub, db => db.FormationParticipants.Where(p => p.Id == zed).Select(p => p.ProposedCrewId).SingleAsync()));

        // Each member sees their own crew and nobody else's.
        var members = await DbAsync(hub, db => db.FormationParticipants.Include(p => p.User).Where(p => p.RoundId == roundId && p.ProposedCrewId != null)
            .Select(p => new { p.User.DisplayName, p.ProposedCrewId }).ToListAsync());
        var byCrew = members.GroupBy(m => m.ProposedCrewId!.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Select(m => m.DisplayName).ToList()).ToList();
        var (_, mine) = await M(byCrew[1][0]).GetAsync(round);
        var myCrewText = mine.QuerySelector(".my-crew")!.TextContent;
        Assert.All(byCrew[1], n => Assert.Contains(n, myCrewText));
        Assert.All(byCrew[0], n => Assert.DoesNotContain(n, mine.QuerySelector("main")!.TextContent));
        var (_, zedPage) = await M("Zed Farrow").GetAsync(round);
        Assert.Contains("None of your free hours is shared by enough others to make a crew", zedPage.QuerySelector("main")!.TextContent);

        // The smaller crew all consent: it forms once, with its shared slot as its regular slot.
        foreach (var name in byCrew[1])
        {
            var (answered, _) = await PostAsync(M(name), round, "Answer", [("Consent", "true")]);
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }
        var formed = await DbAsync(hub, db => db.Crews.Include(c => c.Members).Where(c => c.Name == "Spring crews · crew " + db.ProposedCrews.Where(p => p.CrewId == c.Id).Select(p => p.Number).First()).ToListAsync());
        var crew = Assert.Single(formed);
        Assert.Equal(byCrew[1].Count, crew.Members.Count(m => m.Status == CrewMemberStatus.Joined));
        Assert.Equal(byCrew[1].Count, crew.JoinedCount);
        Assert.Equal((DayOfWeek.Tuesday, new TimeOnly(19, 0)), (crew.SlotDay, crew.SlotTime));
        Assert.Equal(CrewStage.Forming, crew.Stage);
        Assert.NotNull(crew.CongregationId);
        Assert.Equal(byCrew[1].Count, await DbAsync(hub, db => db.Notifications.CountAsync(n => n.Kind == "crew.formed" && n.Url == $"/crews/{crew.Id}")));
        var (_, crewPage) = await M(byCrew[1][0]).GetAsync($"/crews/{crew.Id}");
        Assert.Contains("Spring crews", crewPage.QuerySelector("main")!.TextContent);

        // In the larger crew one declines: they are out; when the rest consent, a crew forms if at least three remain.
        var larger = byCrew[0];
        var (asked, askedPage) = await PostAsync(M(larger[0]), round, "Answer", [("Consent", "false")]);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode); // declining cannot be undone, so it asks first
        Assert.NotNull(askedPage.QuerySelector("#confirm-decline"));
        Assert.NotNull(await DbAsync(hub, db => db.FormationParticipants.Where(p => p.RoundId == roundId && p.User.DisplayName == larger[0]).Select(p => p.ProposedCrewId).SingleAsync()));
        var (declined, _) = await PostAsync(M(larger[0]), round, "Answer", [("Consent", "false"), ("Confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var (_, declinedPage) = await M(larger[0]).GetAsync(round);
        Assert.Contains("You declined the crew proposed to you", declinedPage.QuerySelector("main")!.TextContent);
        foreach (var name in larger.Skip(1))
        {
            await PostAsync(M(name), round, "Answer", [("Consent", "true")]);
        }
        var crewsFormed = await DbAsync(hub, db => db.ProposedCrews.CountAsync(c => c.RoundId == roundId && c.CrewId != null));
        Assert.Equal(larger.Count - 1 >= 3 ? 2 : 1, crewsFormed);
        if (larger.Count - 1 >= 3)
        {
            var second = await DbAsync(hub, db => db.ProposedCrews.Where(c => c.RoundId == roundId && c.CrewId != null).OrderByDescending(c => c.FormedAt).Select(c => c.CrewId).FirstAsync());
            Assert.DoesNotContain(larger[0], (await M(larger[1]).GetAsync($"/crews/{second}")).Page.QuerySelector("main")!.TextContent);
        }

        // Her data download holds Ana's own preferences, by name; Ben's holds nothing of what Ana said about him.
        var anaData = await M("Ana Sorrel").Http.GetStringAsync("/account/download-data");
        Assert.Contains("Spring crews", anaData);
        Assert.Contains("rather not", anaData);
        Assert.Contains("Ben Tallow", anaData);
        var benData = await M("Ben Tallow").Http.GetStringAsync("/account/download-data");
        Assert.Contains("Spring crews", benData);
        Assert.DoesNotContain("rather not", benData);
        Assert.Contains("Spring crews", await host.Http.GetStringAsync("/account/download-data")); // the rounds she opened
    }

    [Fact]
    public async Task Preferences_AfterTheDeadline_AreRefusedAndNothingChanges()
    {
        var slug = await fixture.CongregationAsync("Deadline Congregation", ["Cai Ferro", "Dee Lumen"]);
        var round = await OpenAsync(slug, "Autumn crews");
        var roundId = Guid.Parse(round.Split('/')[^1]);
        await PostAsync(M("Cai Ferro"), round, "Preferences", Preferences("choirs", TuesdayEvening));
        await DbAsync(hub, db => db.FormationRounds.Where(r => r.Id == roundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.PreferencesDueAt, DateTime.UtcNow.AddMinutes(-1))));

        var (_, page) = await M("Cai Ferro").GetAsync(round);
        Assert.DoesNotContain(page.Forms, f => (f.GetAttribute("action") ?? "").Contains("handler=Preferences"));
        Assert.Contains("Preferences have closed", page.QuerySelector("main")!.TextContent);
        var changed = await ForgeAsync(M("Cai Ferro"), $"{round}?handler=Preferences", Preferences("stamps", [0, 1, 2]));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("the deadline has passed, so nothing can be changed now", await changed.Content.ReadAsStringAsync());
        var joined = await ForgeAsync(M("Dee Lumen"), $"{round}?handler=Preferences", Preferences("stamps", [0, 1, 2]));
        Assert.Contains("nothing can be changed now", await joined.Content.ReadAsStringAsync());
        var kept = await DbAsync(hub, db => db.FormationParticipants.Where(p => p.RoundId == roundId).Select(p => p.Interests).ToListAsync());
        Assert.Equal(["choirs"], kept);
    }

    [Fact]
    public async Task Consent_LastTwoAtTheSameMoment_FormsTheCrewExactlyOnce()
    {
        string[] three = ["Eli Brask", "Fay Orrin", "Gil Moss"];
        var slug = await fixture.CongregationAsync("Race Congregation", three);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var round = await OpenAsync(slug, $"Race {attempt}");
            var roundId = Guid.Parse(round.Split('/')[^1]);
            foreach (var name in three)
            {
                await PostAsync(M(name), round, "Preferences", Preferences("racing", TuesdayEvening));
            }
            await PostAsync(host, round, "Run", []);
            await PostAsync(host, round, "Publish", []);
            await PostAsync(M(three[0]), round, "Answer", [("Consent", "true")]);
            // Both tokens first, then both posts at once.
            var posts = new List<Func<Task<HttpResponseMessage>>>();
            foreach (var name in three.Skip(1))
            {
                var (_, page) = await M(name).GetAsync(round);
                var form = page.Forms.Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Answer") && f.QuerySelector("input[name=Consent]")!.GetAttribute("value") == "true");
                var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
                var client = M(name);
                posts.Add(() => client.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent([new("Consent", "true"), new("__RequestVerificationToken", token)])));
            }
            var responses = await Task.WhenAll(posts.Select(p => p()));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            var proposed = await DbAsync(hub, db => db.ProposedCrews.Where(c => c.RoundId == roundId).ToListAsync());
            var only = Assert.Single(proposed);
            Assert.NotNull(only.CrewId);
            Assert.Equal(1, await DbAsync(hub, db => db.Crews.CountAsync(c => c.Name == $"Race {attempt} · crew 1")));
            Assert.Equal(3, await DbAsync(hub, db => db.CrewMembers.CountAsync(m => m.CrewId == only.CrewId)));
            Assert.Equal(3, await DbAsync(hub, db => db.Notifications.CountAsync(n => n.Kind == "crew.formed" && n.Url == $"/crews/{only.CrewId}")));
        }
    }

    [Fact]
    public async Task Moves_TwoAtTheSameMomentIntoOneCrew_BothTakenTheCrewMarkedAndCountedOnce()
    {
        string[] people = ["Ana Sorrel", "Ben Tallow", "Cai Ferro", "Dee Lumen", "Eli Brask", "Fay Orrin", "Gil Moss"];
        var (raceHost, slug) = await fixture.OwnHostAsync("Rhea Racer", "Move Race Congregation", people);
        var round = await OpenAsync(slug, "Racing moves", raceHost);
        var roundId = Guid.Parse(round.Split('/')[^1]);
        foreach (var name in people)
        {
            await PostAsync(M(name), round, "Preferences", Preferences("moving", TuesdayEvening));
        }
        var (_, anaPage) = await M("Ana Sorrel").GetAsync(round);
        await PostAsync(M("Ana Sorrel"), round, "Preferences", Preferences("moving", TuesdayEvening, (AboutIdOf(anaPage, "Ben Tallow"), "RatherNot")));
        await PostAsync(raceHost, round, "Run", []);
        var ids = await DbAsync(hub, db => db.FormationParticipants.Include(p => p.User).Where(p => p.RoundId == roundId).ToDictionaryAsync(p => p.User.DisplayName, p => p.Id));
        for (var attempt = 0; attempt < AdjustProposalLimit; attempt++)
        {
            if (attempt > 0)
            {
                await PostAsync(raceHost, round, "Run", [("Confirmed", "true")]);
            }
            // Cai alone in a new crew; then Ana and Ben are both moved into it at once. Moves in a round are taken
            // one at a time, so whichever lands second finds the crew of three with the pair and marks it.
            await PostAsync(raceHost, round, "Move", [("ParticipantId", ids["Cai Ferro"].ToString()), ("Target", "new")]);
            var target = await DbAsync(hub, db => db.FormationParticipants.Where(p => p.Id == ids["Cai Ferro"]).Select(p => p.ProposedCrewId).SingleAsync());
            var (_, page) = await raceHost.GetAsync(round);
            var token = page.QuerySelector("form.move-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var responses = await Task.WhenAll(new[] { "Ana Sorrel", "Ben Tallow" }.Select(name => raceHost.Http.PostAsync($"{round}?handler=Move",
                new FormUrlEncodedContent([new("ParticipantId", ids[name].ToString()), new("Target", target!.Value.ToString()), new("__RequestVerificationToken", token)]))));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            var (_, after) = await raceHost.GetAsync(round);
            Assert.Contains("may not feel comfortable", after.QuerySelector($"section[data-target='{target}']")!.TextContent);
            Assert.Equal(attempt + 1, await DbAsync(hub, db => db.ProposalMoves.CountAsync(m => m.RoundId == roundId && m.AgainstPreference)));
            var (refused, _) = await PostAsync(raceHost, round, "Publish", []);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // never proposed to the members
        }
    }

    private const int AdjustProposalLimit = Hub.Features.Rounds.AdjustProposal.MovesAgainstPreferencesPerHour;

    /// <summary>
    /// Three rounds of the same six people on the same seed: no "rather not", Cai's about Dee, Dee's about Cai. The
    /// host moves Cai to a crew of his own, then Dee to him, then Eli. (Ana and Ben's downloads are checked elsewhere:
    /// neither says anything here.) Returns each step's answer and what the host
    /// sees of the crew they built and of the warnings.
    /// </summary>
    private async Task<List<string>> MoveCaiDeeEliTogetherAsync(FormClient roundHost, string slug, string title, int seed, (string From, string About)? ratherNot)
    {
        string[] six = ["Ana Sorrel", "Ben Tallow", "Cai Ferro", "Dee Lumen", "Eli Brask", "Fay Orrin"];
        var round = await OpenAsync(slug, title, roundHost);
        var roundId = Guid.Parse(round.Split('/')[^1]);
        await DbAsync(hub, db => db.FormationRounds.Where(r => r.Id == roundId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Seed, seed)));
        foreach (var name in six)
        {
            await PostAsync(M(name), round, "Preferences", Preferences("walking", TuesdayEvening));
        }
        if (ratherNot is { } pair)
        {
            var (_, page) = await M(pair.From).GetAsync(round);
            await PostAsync(M(pair.From), round, "Preferences", Preferences("walking", TuesdayEvening, (AboutIdOf(page, pair.About), "RatherNot")));
        }
        await PostAsync(roundHost, round, "Run", []);
        var ids = await DbAsync(hub, db => db.FormationParticipants.Include(p => p.User).Where(p => p.RoundId == roundId).ToDictionaryAsync(p => p.User.DisplayName, p => p.Id));
        var seen = new List<string>();
        Guid? cais = null;
        foreach (var (name, target) in new[] { ("Cai Ferro", "new"), ("Dee Lumen", ""), ("Eli Brask", "") })
        {
            var (response, page) = await PostAsync(roundHost, round, "Move", [("ParticipantId", ids[name].ToString()), ("Target", target == "new" ? "new" : cais!.Value.ToString())]);
            cais ??= await DbAsync(hub, db => db.FormationParticipants.Where(p => p.Id == ids["Cai Ferro"]).Select(p => p.ProposedCrewId).SingleAsync());
            var (_, shown) = await roundHost.GetAsync(round);
            var crew = shown.QuerySelector($"section[data-target='{cais}']")!;
            var number = crew.QuerySelector("h3")!.TextContent.Split(' ')[1];
            var warnings = shown.QuerySelectorAll("#warnings li").Select(li => li.TextContent).Where(w => w.StartsWith($"Crew {number} ", StringComparison.Ordinal));
            seen.Add($"{(int)response.StatusCode} {page.Body?.TextContent.Contains("cannot join")} | {crew.TextContent} | {string.Join(" / ", warnings)}");
        }
        return seen;
    }

    [Fact]
    public async Task Move_IntoACrewHoldingOnlyTheOther_TellsTheHostNothingOfARatherNotBetweenThem()
    {
        var (pairHost, slug) = await fixture.OwnHostAsync("Paz Pairs", "Pair Congregation", ["Ana Sorrel", "Ben Tallow", "Cai Ferro", "Dee Lumen", "Eli Brask", "Fay Orrin"]);
        var none = await MoveCaiDeeEliTogetherAsync(pairHost, slug, "Pairs", 4242, null);
        var cais = await MoveCaiDeeEliTogetherAsync(pairHost, slug, "Pairs", 4242, ("Cai Ferro", "Dee Lumen"));
        var dees = await MoveCaiDeeEliTogetherAsync(pairHost, slug, "Pairs", 4242, ("Dee Lumen", "Cai Ferro"));
        // Dee into a crew of Cai alone: the same answer and page with a "rather not" between them as without one
        // (it was refused, "it would go against a 'rather not'", which named the pair).
        Assert.Equal(none.Take(2), cais.Take(2));
        // With Eli, three: the crew is marked, and everything reads the same whichever of the two said it.
        Assert.Contains("may not feel comfortable", cais[2]);
        Assert.DoesNotContain("may not feel comfortable", none[2]);
        Assert.Equal(cais, dees);
    }

    [Fact]
    public async Task Moves_ThatTouchAMarkedCrew_PauseEveryMoveOfThatHostAfterTheLimit()
    {
        string[] six = ["Ana Sorrel", "Ben Tallow", "Cai Ferro", "Dee Lumen", "Eli Brask", "Fay Orrin"];
        var (limitedHost, slug) = await fixture.OwnHostAsync("Lia Limit", "Limit Congregation", six);
        var rounds = new List<string>();
        foreach (var title in new[] { "Limited", "Limited too" })
        {
            var round = await OpenAsync(slug, title, limitedHost);
            foreach (var name in six)
            {
                await PostAsync(M(name), round, "Preferences", Preferences("limits", TuesdayEvening));
            }
            rounds.Add(round);
        }
        var (_, anaPage) = await M("Ana Sorrel").GetAsync(rounds[0]);
        await PostAsync(M("Ana Sorrel"), rounds[0], "Preferences", Preferences("limits", TuesdayEvening, (AboutIdOf(anaPage, "Ben Tallow"), "RatherNot")));
        foreach (var round in rounds)
        {
            await PostAsync(limitedHost, round, "Run", []);
        }
        var roundId = Guid.Parse(rounds[0].Split('/')[^1]);
        var ids = await DbAsync(hub, db => db.FormationParticipants.Include(p => p.User).Where(p => p.RoundId == roundId).ToDictionaryAsync(p => p.User.DisplayName, p => p.Id));
        async Task<HttpResponseMessage> MoveAsync(string round, Guid who, string target) =>
            (await PostAsync(limitedHost, round, "Move", [("ParticipantId", who.ToString()), ("Target", target)])).Response;
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(rounds[0], ids["Ana Sorrel"], "new")).StatusCode);
        var anas = (await DbAsync(hub, db => db.FormationParticipants.Where(p => p.Id == ids["Ana Sorrel"]).Select(p => p.ProposedCrewId).SingleAsync()))!.Value.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(rounds[0], ids["Cai Ferro"], anas)).StatusCode);
        // Ben in (marked), out (from a marked crew), in again: three moves against a preference, each taken.
        foreach (var target in new[] { anas, "none", anas })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(rounds[0], ids["Ben Tallow"], target)).StatusCode);
        }
        Assert.Equal(3, AdjustProposalLimit);
        var hostId = await DbAsync(hub, db => db.Users.Where(u => u.DisplayName == "Lia Limit").Select(u => u.Id).SingleAsync());
        Assert.Equal(3, await DbAsync(hub, db => db.ProposalMoves.CountAsync(m => m.HostUserId == hostId && m.AgainstPreference)));

        // Now every move of hers waits, a harmless one too and one in her other round: refusing only the moves that
        // would mark a crew would say which those are. Nothing changes.
        var deeBefore = await DbAsync(hub, db => db.FormationParticipants.Where(p => p.Id == ids["Dee Lumen"]).Select(p => p.ProposedCrewId).SingleAsync());
        var (paused, pausedPage) = await PostAsync(limitedHost, rounds[0], "Move", [("ParticipantId", ids["Dee Lumen"].ToString()), ("Target", "none")]);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        var said = pausedPage.QuerySelector("main")!.TextContent;
        Assert.Contains("moves pause for about", said);
        Assert.DoesNotContain("Ana Sorrel would", said);
        Assert.Equal(deeBefore, await DbAsync(hub, db => db.FormationParticipants.Where(p => p.Id == ids["Dee Lumen"]).Select(p => p.ProposedCrewId).SingleAsync()));
        var otherId = Guid.Parse(rounds[1].Split('/')[^1]);
        var eli = await DbAsync(hub, db => db.FormationParticipants.Where(p => p.RoundId == otherId && p.User.DisplayName == "Eli Brask").Select(p => p.Id).SingleAsync());
        var (otherPaused, otherPage) = await PostAsync(limitedHost, rounds[1], "Move", [("ParticipantId", eli.ToString()), ("Target", "new")]);
        Assert.Equal(HttpStatusCode.OK, otherPaused.StatusCode);
        Assert.Contains("moves pause for about", otherPage.QuerySelector("main")!.TextContent);

        // The limit is the host's own, kept in the database: another host of the same congregation moves freely.
        await hub.CreatePersonAsync("mo@test.example", RoundHub.Password, name: "Mo Cohost");
        await AddMemberAsync(hub, slug, "mo@test.example");
        await DbAsync(hub, async db =>
        {
            var mo = await db.Users.Where(u => u.Email == "mo@test.example").Select(u => u.Id).SingleAsync();
            return await db.Memberships.Where(m => m.UserId == mo).ExecuteUpdateAsync(u => u.SetProperty(m => m.IsHost, true));
        });
        var cohost = await hub.SignedInClientAsync("mo@test.example", RoundHub.Password);
        var (moved, _) = await PostAsync(cohost, rounds[1], "Move", [("ParticipantId", eli.ToString()), ("Target", "new")]);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
    }

    [Fact]
    public async Task AccountDeletion_RemovesWhatTheMemberGaveAndWhatOthersSaidAboutThem()
    {
        await hub.CreatePersonAsync("ivo@test.example", RoundHub.Password, name: "Ivo Leaving");
        var ivo = await hub.SignedInClientAsync("ivo@test.example", RoundHub.Password);
        var slug = await fixture.CongregationAsync("Deletion Congregation", ["Ben Tallow"]);
        await AddMemberAsync(hub, slug, "ivo@test.example");
        var round = await OpenAsync(slug, "Winter crews");
        await PostAsync(M("Ben Tallow"), round, "Preferences", Preferences("walking", TuesdayEvening));
        var (_, ivoPage) = await ivo.GetAsync(round);
        Assert.Contains("Join the round", ivoPage.QuerySelector("main")!.TextContent);
        var benId = AboutIdOf(ivoPage, "Ben Tallow");
        await PostAsync(ivo, round, "Preferences", Preferences("walking", TuesdayEvening, (benId, "Want")));
        var (_, benPage) = await M("Ben Tallow").GetAsync(round);
        await PostAsync(M("Ben Tallow"), round, "Preferences", Preferences("walking", TuesdayEvening, (AboutIdOf(benPage, "Ivo Leaving"), "RatherNot")));
        var roundId = Guid.Parse(round.Split('/')[^1]);
        Assert.Equal(2, await DbAsync(hub, db => db.FormationPreferences.CountAsync(p => p.RoundId == roundId)));
        Assert.Contains("want", await ivo.Http.GetStringAsync("/account/download-data"));

        var (deleted, page) = await ivo.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Password"] = RoundHub.Password, ["Understood"] = "true" });
        Assert.True(deleted.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        Assert.Equal(0, await DbAsync(hub, db => db.FormationPreferences.CountAsync(p => p.RoundId == roundId)));
        Assert.Equal(["Ben Tallow"], await DbAsync(hub, db => db.FormationParticipants.Where(p => p.RoundId == roundId).Select(p => p.User.DisplayName).ToListAsync()));
    }

    [Fact]
    public async Task RoundPages_ForEachRole_AnswerAsExpected()
    {
        var slug = await fixture.CongregationAsync("Round Matrix Congregation", ["Dee Lumen"]);
        var round = await OpenAsync(slug, "Matrix crews");
        var visitor = hub.NewClient();
        foreach (var path in new[] { $"/congregations/{slug}/formation", round })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await visitor.Http.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Outsider.Http.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await M("Dee Lumen").Http.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync(path)).StatusCode);
            // A member of another congregation is an outsider here.
            Assert.Equal(HttpStatusCode.Forbidden, (await M("Eli Brask").Http.GetAsync(path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync($"/congregations/{slug}/formation/{Guid.NewGuid()}")).StatusCode);
        // A round of one congregation is not found under another's address.
        var other = await fixture.CongregationAsync("Other Matrix Congregation", ["Dee Lumen"]);
        Assert.Equal(HttpStatusCode.NotFound, (await M("Dee Lumen").Http.GetAsync(round.Replace(slug, other))).StatusCode);
        foreach (var handler in new[] { "Run", "Publish", "Move" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await ForgeAsync(M("Dee Lumen"), $"{round}?handler={handler}", [])).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgeAsync(M("Dee Lumen"), $"/congregations/{slug}/formation?handler=Open", [("Title", "Mine")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgeAsync(fixture.Outsider, $"{round}?handler=Preferences", Preferences("x", TuesdayEvening))).StatusCode);
    }

    [Fact]
    public async Task RoundPages_InEveryStage_AreValidHtml()
    {
        string[] three = ["Ana Sorrel", "Cai Ferro", "Dee Lumen"];
        var slug = await fixture.CongregationAsync("Valid Round Congregation", three);
        var pages = new Dictionary<string, string>();
        async Task Take(string name, FormClient client, string path)
        {
            var (response, _) = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages[name] = client.LastHtml;
        }
        await Take("rounds empty", host, $"/congregations/{slug}/formation");
        pages["open with errors"] = (await PostHtmlAsync(host, $"/congregations/{slug}/formation", "Open", [("Title", ""), ("Due", "soon"), ("MinSize", "3"), ("MaxSize", "6")])).Html;
        Assert.Contains("Write the deadline as a date and time", pages["open with errors"]);
        var round = await OpenAsync(slug, "Valid crews");
        await Take("rounds", M("Ana Sorrel"), $"/congregations/{slug}/formation");
        await Take("join", M("Ana Sorrel"), round);
        foreach (var name in three)
        {
            await PostAsync(M(name), round, "Preferences", Preferences("markup", TuesdayEvening));
        }
        pages["preferences with errors"] = (await PostHtmlAsync(M("Ana Sorrel"), round, "Preferences", Preferences("markup", []))).Html;
        Assert.Contains("at least one hour", pages["preferences with errors"]);
        await Take("preferences", M("Ana Sorrel"), round);
        await Take("host open", host, round);
        await PostAsync(host, round, "Run", []);
        await Take("host proposal", host, round);
        await Take("member waiting", M("Cai Ferro"), round);
        pages["host confirm run again"] = (await PostHtmlAsync(host, round, "Run", [])).Html;
        Assert.Contains("confirm-run", pages["host confirm run again"]);
        await PostAsync(host, round, "Publish", []);
        await Take("host published", host, round);
        await Take("member proposed crew", M("Cai Ferro"), round);
        await PostAsync(M("Cai Ferro"), round, "Answer", [("Consent", "true")]);
        await Take("member consented", M("Cai Ferro"), round);
        pages["member confirm decline"] = (await PostHtmlAsync(M("Dee Lumen"), round, "Answer", [("Consent", "false")])).Html;
        Assert.Contains("confirm-decline", pages["member confirm decline"]);

        pages["control"] = "<!DOCTYPE html><html lang=en><title>x</title><p><div></p>";
        var errors = await NuHtmlChecker.ErrorsAsync(pages);
        Assert.Contains(errors, e => e.StartsWith("control:", StringComparison.Ordinal));
        var real = errors.Where(e => !e.StartsWith("control:", StringComparison.Ordinal)).ToList();
        Assert.True(real.Count == 0, string.Join("\n", real));
    }
}
