using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Features.Programs;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Programs;

/// <summary>
/// One hub for the class: a facilitator who puts on a weekly online gathering, people who go to it, a stranger and an
/// administrator. Each test makes its own program (and gathering), so the tests do not depend on each other.
/// </summary>
public sealed class CohortHub : IAsyncLifetime
{
    public const string Password = "rooms for everyone";
    public HubFactory Hub { get; private set; } = null!;
    public Dictionary<string, FormClient> People { get; } = [];
    public Dictionary<string, string> Ids { get; } = [];

    public static readonly string[] Going = ["Ana", "Ben", "Cai", "Dee", "Eli"];

    public async Task InitializeAsync()
    {
        Hub = await HubFactory.StartAsync();
        foreach (var name in new[] { "Fran", "Gil", "Stranger" }.Concat(Going))
        {
            var user = await Hub.CreatePersonAsync($"{name.ToLowerInvariant()}@test.example", Password, name: $"{name} Lima");
            Ids[name] = user.Id;
            People[name] = await Hub.SignedInClientAsync($"{name.ToLowerInvariant()}@test.example", Password);
        }
        await Hub.CreatePersonAsync("admin@test.example", Password, admin: true, name: "Admin");
        People["Admin"] = await Hub.SignedInClientAsync("admin@test.example", Password);
        People["Visitor"] = Hub.NewClient();
    }

    /// <summary>A weekly online gathering of four dates that Fran puts on, starting next week.</summary>
    public async Task<Guid> GatheringAsync(string title, int? capacity = null, bool approval = false)
    {
        using var scope = Hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var start = DateTime.UtcNow.Date.AddDays(7).AddHours(18);
        var gathering = new GatheringEvent
        {
            Id = Guid.NewGuid(),
            Title = title,
            Kind = EventKind.Gathering,
            Scale = EventScale.Network,
            Visibility = EventVisibility.Public,
            IsOnline = true,
            TimeZone = "Europe/Lisbon",
            StartsAt = start,
            EndsAt = start.AddHours(1),
            Recurrence = "FREQ=WEEKLY;COUNT=4",
            CreatedByUserId = Ids["Fran"],
            Capacity = capacity,
            RequiresApproval = approval,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.GatheringEvents.Add(gathering);
        await db.SaveChangesAsync();
        return gathering.Id;
    }

    public async Task<T> DbAsync<T>(Func<HubDbContext, Task<T>> query)
    {
        using var scope = Hub.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

public sealed class CohortTests(CohortHub fixture) : IClassFixture<CohortHub>
{
    private readonly HubFactory hub = fixture.Hub;
    private FormClient P(string name) => fixture.People[name];

    private async Task AnswerAsync(string name, Guid gathering, string reply)
    {
        var (response, page) = await P(name).SubmitAsync($"/gatherings/{gathering}", new Dictionary<string, string> { ["Reply"] = reply, ["series"] = "true" }, "Answer");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
    }

    private async Task<string> NewProgramAsync(string name, string participants, string calls, Guid? gathering = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Participants"] = participants,
            ["Input.Calls"] = calls,
            ["Input.Absences"] = "",
        };
        if (gathering is { } g)
        {
            fields["Input.GatheringId"] = g.ToString();
        }
        var (response, page) = await P("Fran").SubmitAsync("/programs/new", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>A cohort: Ana, Ben, Cai and Dee going, tied before anyone answered.</summary>
    private async Task<(string Url, Guid Gathering)> CohortAsync(string title)
    {
        var gathering = await fixture.GatheringAsync(title);
        var url = await NewProgramAsync(title, "", "2, 3, all", gathering);
        foreach (var name in CohortHub.Going.Take(4))
        {
            await AnswerAsync(name, gathering, "Going");
        }
        return (url, gathering);
    }

    [Fact]
    public async Task Cohort_PeopleGoing_AreItsParticipants_AndEachSeesTheirRoomWithNames()
    {
        var (url, gathering) = await CohortAsync("Tuesday practice");
        var (_, team) = await P("Fran").GetAsync(url);
        Assert.Contains("4 participants", team.QuerySelector("main")!.TextContent);
        Assert.Equal(3, team.QuerySelectorAll(".program-call").Length);
        // Call 1 has rooms of two: Ana's page names her one room-mate, who is one of the cohort, and not Ana herself.
        var (response, mine) = await P("Ana").GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = mine.QuerySelector(".your-rooms li")!.TextContent;
        Assert.Contains("Room ", first);
        Assert.DoesNotContain("Ana Lima", first);
        Assert.Single(CohortHub.Going.Take(4), n => first.Contains($"{n} Lima", StringComparison.Ordinal));
        // The dates of the calls are the gathering's.
        Assert.Contains("Call 1 · ", mine.QuerySelector(".your-rooms h2")!.TextContent);
        // Eli is not going: the program is not his to see.
        Assert.Equal(HttpStatusCode.NotFound, (await P("Eli").GetAsync(url)).Response.StatusCode);
    }

    [Fact]
    public async Task Cohort_SomeoneStopsGoing_LeavesTheRooms_AndSomeoneNewJoinsThem()
    {
        var (url, gathering) = await CohortAsync("Thursday practice");
        await AnswerAsync("Dee", gathering, "CantGo");
        await AnswerAsync("Eli", gathering, "Going");
        Assert.Equal(HttpStatusCode.NotFound, (await P("Dee").GetAsync(url)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await P("Eli").GetAsync(url)).Response.StatusCode);
        var id = Guid.Parse(url.Split('/')[^1]);
        var program = await fixture.DbAsync(db => db.PracticePrograms.Include(p => p.Participants).SingleAsync(p => p.Id == id));
        var view = new Hub.Features.Programs.ProgramView(program);
        var dee = view.People.Single(p => p.Name == "Dee Lima");
        Assert.True(dee.Left);
        Assert.All(Enumerable.Range(0, view.Rooms.Length), c => Assert.Null(view.RoomOf(c, dee.Position)));
        var eli = view.People.Single(p => p.Name == "Eli Lima");
        Assert.All(Enumerable.Range(0, view.Rooms.Length), c => Assert.NotNull(view.RoomOf(c, eli.Position)));
    }

    [Fact]
    public async Task ProgramPlace_ByEmail_AVisitorMakesTheirAccountFromTheLink_AndSeesTheirRooms()
    {
        var url = await NewProgramAsync("Autumn calls", "Ana Lima, ana@test.example\nBen Lima, ben@test.example\nNoor Haddad, noor@test.example\nOto Berg, oto@test.example", "2, all");
        var (response, page) = await P("Fran").SubmitAsync(url, new Dictionary<string, string>(), "Invite");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        var (_, after) = await P("Fran").GetAsync(url);
        // The team reads one sentence for everyone: nothing tells which address had an account.
        Assert.Contains("4 people are invited", after.QuerySelector(".notice")!.TextContent);

        // Ana has an account: she is told in the hub and sees her rooms at once; nobody emails her a sign-up link.
        Assert.Equal(HttpStatusCode.OK, (await P("Ana").GetAsync(url)).Response.StatusCode);
        var mail = await hub.Smtp!.WaitForAsync("noor@test.example", "Fran Lima invites you to Autumn calls");
        var link = new Uri(SmtpSink.LinkIn(mail, "/invitations/")).AbsolutePath;

        var visitor = hub.NewClient();
        var (opened, invitation) = await visitor.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("Autumn calls", invitation.QuerySelector("h1")!.TextContent);
        var (made, _) = await visitor.SubmitAsync(link, new Dictionary<string, string> { ["DisplayName"] = "Noor", ["Password"] = "a long walk home" }, "SignUp");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Equal(url, made.Headers.Location!.OriginalString);
        var (_, rooms) = await visitor.GetAsync(url);
        Assert.Contains("Your room in each call", rooms.QuerySelector("main")!.TextContent);
        Assert.Contains("Room ", rooms.QuerySelector(".your-rooms")!.TextContent);
    }

    [Fact]
    public async Task CoFacilitator_SeesNothingUntilTheyAccept_ThenEveryRoomAndTheStartView()
    {
        var (url, _) = await CohortAsync("Co-facilitated practice");
        var (response, page) = await P("Fran").SubmitAsync(url, new Dictionary<string, string> { ["Email"] = "gil@test.example" }, "Team");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await P("Gil").GetAsync($"{url}/calls/1/start")).Response.StatusCode);
        var (_, invited) = await P("Gil").GetAsync(url);
        Assert.Contains("Facilitate with Fran Lima?", invited.QuerySelector("main")!.TextContent);
        Assert.Empty(invited.QuerySelectorAll(".program-call"));

        var token = invited.QuerySelector("#team-invitation")!.ParentElement!.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (accepted, _) = await P("Gil").PostAsync($"{url}?handler=AnswerTeam",
            new Dictionary<string, string> { ["accept"] = "true", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var (_, team) = await P("Gil").GetAsync(url);
        Assert.Equal(3, team.QuerySelectorAll(".program-call").Length);
        var (started, start) = await P("Gil").GetAsync($"{url}/calls/1/start");
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(2, start.QuerySelectorAll(".start-rooms li").Length);
        var csv = await P("Gil").Http.GetStringAsync($"{url}/calls/2/zoom.csv");
        Assert.Contains("ana@test.example", csv);
        // A co-facilitator runs the program with the team; changing or deleting it stays with the one who made it.
        Assert.Equal(HttpStatusCode.NotFound, (await P("Gil").GetAsync($"{url}/edit")).Response.StatusCode);
    }

    [Fact]
    public async Task FormCrews_FromTheCohort_OpensARoundThatTheCohortJoinsAndTheTeamHosts()
    {
        var (url, _) = await CohortAsync("Crew-forming practice");
        var due = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-ddTHH:mm");
        var (response, page) = await P("Fran").SubmitAsync(url, new Dictionary<string, string> { ["RoundTitle"] = "Crews from the cohort", ["Due"] = due }, "FormCrews");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        var round = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"{url}/formation/", round);
        var roundId = Guid.Parse(round.Split('/')[^1]);
        var stored = await fixture.DbAsync(db => db.FormationRounds.SingleAsync(r => r.Id == roundId));
        Assert.Null(stored.CongregationId);
        Assert.Equal(Guid.Parse(url.Split('/')[^1]), stored.ProgramId);

        // The cohort is invited and takes part with the same form as in a congregation.
        Assert.Contains(await fixture.DbAsync(db => db.Notifications.Where(n => n.UserId == fixture.Ids["Ana"]).Select(n => n.Url).ToListAsync()), u => u.EndsWith(round, StringComparison.Ordinal));
        var (_, form) = await P("Ana").GetAsync(round);
        Assert.NotNull(form.QuerySelector("form[action*='handler=Preferences']"));
        var (given, _) = await Hub.Tests.Features.Rounds.RoundTestKit.PostAsync(P("Ana"), round, "Preferences",
            Hub.Tests.Features.Rounds.RoundTestKit.Preferences("gardening", Hub.Tests.Features.Rounds.RoundTestKit.TuesdayEvening));
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Equal(FormationStage.Open, stored.Stage);
        // The team hosts: Fran sees the run button; a participant does not; a stranger and a visitor find nothing.
        var (_, host) = await P("Fran").GetAsync(round);
        Assert.NotNull(host.QuerySelector("form[action*='handler=Run']"));
        Assert.Null(form.QuerySelector("form[action*='handler=Run']"));
        Assert.Equal(HttpStatusCode.NotFound, (await P("Stranger").GetAsync(round)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await P("Visitor").GetAsync(round)).Response.StatusCode);
        // The program's page leads the team and the cohort to the round, and offers no second one.
        var (_, program) = await P("Fran").GetAsync(url);
        Assert.Contains("Crews from the cohort", program.QuerySelector("#form-crews")!.ParentElement!.TextContent);
        Assert.Null(program.QuerySelector("form[action*='handler=FormCrews']"));
    }

    private Viewer Person(string name) => new(fixture.Ids[name], false, true, new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>(), null);

    private async Task<ProgramView> ViewAsync(string url)
    {
        var id = Guid.Parse(url.Split('/')[^1]);
        return new ProgramView(await fixture.DbAsync(db => db.PracticePrograms.Include(p => p.Participants).SingleAsync(p => p.Id == id)));
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> run)
    {
        using var scope = hub.Services.CreateScope();
        return await run(scope.ServiceProvider);
    }

    private async Task<IReadOnlyList<DateTime>> DatesAsync(Guid gathering) => await WithAsync(async s =>
    {
        var db = s.GetRequiredService<HubDbContext>();
        var e = await db.GatheringEvents.AsNoTracking().SingleAsync(x => x.Id == gathering);
        return (IReadOnlyList<DateTime>)[.. EventSchedule.Between(e, [], e.StartsAt.AddMinutes(-1), e.StartsAt.AddDays(30), 10).Select(o => o.OriginalStart)];
    });

    [Fact]
    public async Task Reminder_BeforeACall_NamesTheRoomAndWhoIsInIt_AndTheHomeShowsTheNextCallsRoom()
    {
        var (url, gathering) = await CohortAsync("Reminded practice");
        var first = (await DatesAsync(gathering))[0];
        var sent = await WithAsync(s => s.GetRequiredService<SendReminders>().RunAsync(first.AddHours(-23)));
        Assert.True(sent >= 4, $"{sent} reminders");

        var view = await ViewAsync(url);
        var ana = view.People.Single(p => p.Name == "Ana Lima").Position;
        var room = view.RoomOf(0, ana)!.Value;
        var mates = view.Rooms[0][room].Where(p => p != ana).Select(view.NameOf).ToList();
        var mail = await hub.Smtp!.WaitForAsync("ana@test.example", "Tomorrow: Reminded practice");
        var text = (mail.TextBody ?? "").ReplaceLineEndings(" ");
        Assert.Contains($"Your breakout room in call 1 of Reminded practice: room {room + 1}, with {ProgramsFeature.Names(mates)}.", text);
        Assert.Contains(url, text);
        // Eli is not in the cohort: he is not reminded, and no room is named for him anywhere.
        Assert.DoesNotContain(hub.Smtp.Messages(), m => m.To.ToString().Contains("eli@", StringComparison.Ordinal) && (m.Subject ?? "").Contains("Reminded practice", StringComparison.Ordinal));

        // Ana's home shows the next call's room (of whichever of her cohorts comes first) with the names in it.
        var (_, home) = await P("Ana").GetAsync("/");
        var card = home.QuerySelector("#room-title")!.ParentElement!.TextContent;
        Assert.Contains("Room ", card);
        Assert.Contains(" Lima", card.Replace("Ana Lima", "", StringComparison.Ordinal));
        Assert.NotEmpty(home.QuerySelectorAll(".room-faces li"));
        // The home with the card is valid HTML (a page known to be wrong goes along, so a checker that checks nothing fails).
        var errors = await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string>
        {
            ["home with the next call's room"] = await P("Ana").Http.GetStringAsync("/"),
            ["control"] = "<!DOCTYPE html><html lang=en><title>x</title><p><div></p>",
        });
        Assert.Equal(["control"], errors.Select(e => e.Split(':')[0]).Distinct());
        // Someone in no cohort has no such card.
        var (_, stranger) = await P("Stranger").GetAsync("/");
        Assert.Null(stranger.QuerySelector("#room-title"));
    }

    [Fact]
    public async Task CantGo_ToOneDate_IsAwayFromThatCallOnly_AndIsNotRemindedOfIt()
    {
        var (url, gathering) = await CohortAsync("One date away");
        var dates = await DatesAsync(gathering);
        var answer = await WithAsync(s => s.GetRequiredService<AnswerEvent>().RunAsync(Person("Dee"), gathering, EventTime.Key(dates[1]), RsvpStatus.CantGo));
        Assert.True(answer.Outcome.Succeeded);
        var view = await ViewAsync(url);
        var dee = view.People.Single(p => p.Name == "Dee Lima");
        Assert.False(dee.Left);
        Assert.NotNull(view.RoomOf(0, dee.Position));
        Assert.Null(view.RoomOf(1, dee.Position));
        Assert.NotNull(view.RoomOf(2, dee.Position));
        Assert.All(view.Rooms[1].SelectMany(r => r), p => Assert.NotEqual(dee.Position, p));

        // The reminder before the second date goes to the others, not to Dee.
        await WithAsync(s => s.GetRequiredService<SendReminders>().RunAsync(dates[1].AddHours(-23)));
        await hub.Smtp!.WaitForAsync("ana@test.example", "Tomorrow: One date away");
        Assert.DoesNotContain(hub.Smtp.Messages(), m => m.To.ToString().Contains("dee@", StringComparison.Ordinal) && m.Subject == "Tomorrow: One date away");

        // Going again to that date brings her back into its rooms.
        await WithAsync(s => s.GetRequiredService<AnswerEvent>().RunAsync(Person("Dee"), gathering, EventTime.Key(dates[1]), RsvpStatus.Going));
        Assert.NotNull((await ViewAsync(url)).RoomOf(1, dee.Position));
    }

    [Fact]
    public async Task Cohort_TakesInSomeoneTheWaitlistMovesUp_AndSomeoneAHostSaysYesTo()
    {
        // Two places a date: Ana and Ben have them, Cai waits.
        var gathering = await fixture.GatheringAsync("Small practice", capacity: 2);
        var url = await NewProgramAsync("Small practice", "", "2, 2, all", gathering);
        foreach (var name in new[] { "Ana", "Ben", "Cai" })
        {
            await AnswerAsync(name, gathering, "Going");
        }
        var view = await ViewAsync(url);
        Assert.DoesNotContain(view.Present, p => p.Name == "Cai Lima");
        // Ben gives up his place on the first date: Cai moves up to it and is in the cohort, with a room in call 1.
        var dates = await DatesAsync(gathering);
        Assert.True((await WithAsync(s => s.GetRequiredService<AnswerEvent>().RunAsync(Person("Ben"), gathering, EventTime.Key(dates[0]), RsvpStatus.CantGo))).Outcome.Succeeded);
        view = await ViewAsync(url);
        var cai = Assert.Single(view.Present, p => p.Name == "Cai Lima");
        var ben = Assert.Single(view.Present, p => p.Name == "Ben Lima");
        Assert.NotNull(view.RoomOf(0, cai.Position));
        Assert.Null(view.RoomOf(0, ben.Position));
        // On the other dates Cai still waits for a place: away from those calls, Ben in them.
        Assert.Null(view.RoomOf(1, cai.Position));
        Assert.NotNull(view.RoomOf(1, ben.Position));

        // A gathering where hosts say yes to each answer: nobody is in the cohort until Fran says yes.
        var approved = await fixture.GatheringAsync("Approved practice", approval: true);
        var url2 = await NewProgramAsync("Approved practice", "", "2, all", approved);
        foreach (var name in new[] { "Ana", "Ben" })
        {
            Assert.True((await WithAsync(s => s.GetRequiredService<AnswerEvent>().RunAsync(Person(name), approved, null, RsvpStatus.Going, "I would like to practise"))).Outcome.Succeeded);
        }
        Assert.Empty((await ViewAsync(url2)).Present);
        var fran = new Viewer(fixture.Ids["Fran"], false, true, new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>(), null);
        foreach (var name in new[] { "Ana", "Ben" })
        {
            var rsvp = await fixture.DbAsync(db => db.Rsvps.Where(r => r.EventId == approved && r.UserId == fixture.Ids[name]).Select(r => r.Id).SingleAsync());
            Assert.True((await WithAsync(s => s.GetRequiredService<DecideAnswer>().RunAsync(fran, rsvp, approve: true))).Succeeded);
        }
        var approvedView = await ViewAsync(url2);
        Assert.Equal(["Ana Lima", "Ben Lima"], approvedView.Present.Select(p => p.Name).Order());
        Assert.All(approvedView.Present, p => Assert.NotNull(approvedView.RoomOf(0, p.Position)));
    }

    [Fact]
    public async Task AccountDeleted_FreesItsPlaces_TheWaitlistMovesUpIntoTheCohort_AndTheCallsToComeGoOnWithoutThem()
    {
        // People of this test only, so no other test's cohort sees them: Hal and Ivy hold the two places a date, Jon waits.
        var gathering = await fixture.GatheringAsync("Practice after a goodbye", capacity: 2);
        var url = await NewProgramAsync("Practice after a goodbye", "", "2, 2, all", gathering);
        var people = new Dictionary<string, (FormClient Client, string Email)>();
        foreach (var name in new[] { "Hal", "Ivy", "Jon" })
        {
            var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
            await hub.CreatePersonAsync(email, CohortHub.Password, name: $"{name} Lima");
            people[name] = (await hub.SignedInClientAsync(email, CohortHub.Password), email);
            var (answered, _) = await people[name].Client.SubmitAsync($"/gatherings/{gathering}", new Dictionary<string, string> { ["Reply"] = "Going", ["series"] = "true" }, "Answer");
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }
        var before = await ViewAsync(url);
        Assert.Contains(before.Present, p => p.Name == "Hal Lima");
        Assert.DoesNotContain(before.Present, p => p.Name == "Jon Lima");

        var (deleted, page) = await people["Hal"].Client.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Password"] = CohortHub.Password, ["Understood"] = "true" });
        Assert.True(deleted.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);

        // Jon has Hal's places on every date, and with them a room in every call; Hal's place is kept, nameless and away.
        var view = await ViewAsync(url);
        Assert.DoesNotContain(view.People, p => p.Name == "Hal Lima" || p.Email == people["Hal"].Email);
        var jon = Assert.Single(view.Present, p => p.Name == "Jon Lima");
        var ivy = Assert.Single(view.Present, p => p.Name == "Ivy Lima");
        var gone = Assert.Single(view.People, p => p.Name == "Someone who left");
        Assert.True(gone.Left);
        Assert.Null(gone.UserId);
        for (var c = 0; c < view.Rooms.Length; c++)
        {
            Assert.NotNull(view.RoomOf(c, jon.Position));
            Assert.NotNull(view.RoomOf(c, ivy.Position));
            Assert.Null(view.RoomOf(c, gone.Position));
        }
        Assert.Equal(HttpStatusCode.OK, (await people["Jon"].Client.GetAsync(url)).Response.StatusCode);
    }

    [Fact]
    public async Task TieAProgram_ToAGatheringTheFacilitatorCoHostsOrHostsAsCongregationHost_NotToAnyOther()
    {
        var coHosted = await fixture.GatheringAsync("Gil's circle, co-hosted");
        var congregational = await fixture.GatheringAsync("The grove's autumn calls");
        var elsewhere = await fixture.GatheringAsync("Gil's own circle");
        await fixture.DbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var grove = new Data.Congregations.Congregation { Id = Guid.NewGuid(), Slug = "tying-grove", Name = "Tying Grove", CreatedAt = now };
            var friend = new Data.Congregations.MembershipLevel { Id = Guid.NewGuid(), CongregationId = grove.Id, Name = "Friend" };
            grove.Levels.Add(friend);
            db.Congregations.Add(grove);
            db.Memberships.Add(new Data.Congregations.Membership { Id = Guid.NewGuid(), CongregationId = grove.Id, UserId = fixture.Ids["Fran"], LevelId = friend.Id, IsHost = true, JoinedAt = now });
            foreach (var e in await db.GatheringEvents.Where(e => e.Id == coHosted || e.Id == congregational || e.Id == elsewhere).ToListAsync())
            {
                e.CreatedByUserId = fixture.Ids["Gil"];
                if (e.Id == congregational)
                {
                    (e.Scale, e.CongregationId) = (EventScale.Congregation, grove.Id);
                }
            }
            db.EventCoHosts.Add(new EventCoHost { Id = Guid.NewGuid(), EventId = coHosted, UserId = fixture.Ids["Fran"], InvitedByUserId = fixture.Ids["Gil"], Status = CoHostStatus.Accepted, InvitedAt = now, AnsweredAt = now });
            return await db.SaveChangesAsync();
        });

        var (_, form) = await P("Fran").GetAsync("/programs/new");
        var options = form.QuerySelectorAll("#gathering option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(coHosted.ToString(), options);
        Assert.Contains(congregational.ToString(), options);
        Assert.DoesNotContain(elsewhere.ToString(), options);
        Assert.StartsWith("/programs/", await NewProgramAsync("Co-hosted cohort", "", "2, all", coHosted));
        var (refused, page) = await P("Fran").SubmitAsync("/programs/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Not mine to tie",
            ["Input.Participants"] = "",
            ["Input.Calls"] = "2, all",
            ["Input.Absences"] = "",
            ["Input.GatheringId"] = elsewhere.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose a gathering still to come", page.QuerySelector("#gathering-error")!.TextContent);
    }

    /// <summary>Each new page against each role: visitor, stranger, participant, facilitator, co-facilitator, administrator.</summary>
    [Fact]
    public async Task ProgramPages_EachRole_GetsTheExpectedAnswer()
    {
        var (url, _) = await CohortAsync("Matrix practice");
        await P("Fran").SubmitAsync(url, new Dictionary<string, string> { ["Email"] = "gil@test.example" }, "Team");
        var due = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-ddTHH:mm");
        var (opened, _) = await P("Fran").SubmitAsync(url, new Dictionary<string, string> { ["RoundTitle"] = "Matrix crews", ["Due"] = due }, "FormCrews");
        var round = opened.Headers.Location!.OriginalString;
        //                                     visitor stranger participant facilitator invited-co admin
        var rows = new (string Path, int[] Expected)[]
        {
            (url,                               [302, 404, 200, 200, 200, 404]),
            ($"{url}/edit",                     [302, 404, 404, 200, 404, 404]),
            ($"{url}/print",                    [302, 404, 404, 200, 404, 404]),
            ($"{url}/calls/1/start",            [302, 404, 404, 200, 404, 404]),
            ($"{url}/calls/1/zoom.csv",         [302, 404, 404, 200, 404, 404]),
            ($"{url}/calls/9/start",            [302, 404, 404, 404, 404, 404]),
            (round,                             [302, 404, 200, 200, 404, 404]),
        };
        var roles = new[] { "Visitor", "Stranger", "Ana", "Fran", "Gil", "Admin" };
        foreach (var (path, expected) in rows)
        {
            for (var i = 0; i < roles.Length; i++)
            {
                var response = await P(roles[i]).Http.GetAsync(path);
                Assert.True(expected[i] == (int)response.StatusCode, $"{roles[i]} GET {path}: expected {expected[i]}, got {(int)response.StatusCode}");
            }
        }
    }
}
