using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Notifications;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Crews;

/// <summary>
/// Open crew calls through their pages: a member posts, others ask with a note, the caller accepts or declines
/// kindly, and starting the crew makes the accepted people its members and closes the call.
/// </summary>
/// <remarks>
/// One hub for the class: each test makes its own five people and its own congregation, and reads the
/// database only through them (their ids, their calls), so the tests do not see each other.
/// </remarks>
public sealed class CrewCallTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>, IAsyncLifetime
{
    private const string Password = "keeper of the fire";
    private readonly HubFactory hub = shared.Hub;
    private readonly Dictionary<string, FormClient> people = [];
    private readonly Dictionary<string, string> ids = [];
    private readonly Dictionary<string, string> emails = [];

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { "cal", "ash", "bea", "dee", "out" })
        {
            emails[name] = Unique.Email(name);
            ids[name] = (await hub.CreatePersonAsync(emails[name], Password, name: char.ToUpperInvariant(name[0]) + name[1..] + " Riverbank")).Id;
            people[name] = await hub.SignedInClientAsync(emails[name], Password);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A congregation that cal, ash, bea and dee belong to (out does not); returns its calls page.</summary>
    private async Task<string> CongregationAsync(string name)
    {
        var congregation = await CreateAsync(people["cal"], name);
        foreach (var member in new[] { "ash", "bea", "dee" })
        {
            await people[member].SubmitAsync(congregation, new Dictionary<string, string>(), handler: "Join");
        }
        return congregation + "/calls";
    }

    private static Dictionary<string, string> Call(string name = "Thursday case clinic", string purpose = "Peer coaching, one challenge each week.",
        string zone = "Europe/Lisbon", string findATime = "false", string day = "Thursday", string time = "19:00", string size = "4", string? endsOn = null) =>
        CrewCallForm.Fields(name, purpose, zone, findATime, day, time, size, endsOn);

    private async Task<string> PostAsync(string calls, Dictionary<string, string>? form = null)
    {
        var (posted, page) = await people["cal"].SubmitAsync(calls, form ?? Call(), handler: "Call");
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        return posted.Headers.Location!.OriginalString;
    }

    private async Task<T> DbAsync<T>(Func<HubDbContext, Task<T>> read)
    {
        using var scope = hub.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    private Task<List<Notification>> NoticesAsync(string person) =>
        DbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == ids[person]).OrderBy(n => n.CreatedAt).ToListAsync());

    [Fact]
    public async Task Post_WrongInput_SaysEverythingWrongAtOnce_AndKeepsWhatWasTyped()
    {
        var calls = await CongregationAsync("Wrong Input Circle");
        var (_, empty) = await people["ash"].GetAsync(calls);
        Assert.Contains("No call is open", empty.QuerySelector(".empty")!.TextContent);

        var (response, page) = await people["cal"].SubmitAsync(calls, Call(name: "", purpose: " ", zone: "Mars/Olympus", time: "", size: "9",
            endsOn: DateTime.UtcNow.AddDays(200).ToString("yyyy-MM-dd")), handler: "Call");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the crew a name", page.QuerySelector("#name-error")!.TextContent);
        Assert.Contains("Say what the crew is for", page.QuerySelector("#purpose-error")!.TextContent);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#zone-error")!.TextContent));
        Assert.Contains("Choose a day and an hour", page.QuerySelector("#usual-time-error")!.TextContent);
        Assert.Contains("3 to 6 people", page.QuerySelector("#size-error")!.TextContent);
        var (_, past) = await people["cal"].SubmitAsync(calls, Call(endsOn: DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd")), handler: "Call");
        Assert.Contains("cannot be in the past", past.QuerySelector("#ends-on-error")!.TextContent);
        Assert.Equal("Thursday case clinic", past.QuerySelector("#name")!.GetAttribute("value"));
        var (_, far) = await people["cal"].SubmitAsync(calls, Call(endsOn: DateTime.UtcNow.AddDays(200).ToString("yyyy-MM-dd")), handler: "Call");
        Assert.Contains("within 12 weeks", far.QuerySelector("#ends-on-error")!.TextContent);
        var (_, garbage) = await people["cal"].SubmitAsync(calls, Call(endsOn: "next spring", size: "many", time: "soonish"), handler: "Call");
        Assert.Contains("as a date", garbage.QuerySelector("#ends-on-error")!.TextContent);
        Assert.Contains("as a number", garbage.QuerySelector("#size-error")!.TextContent);
        Assert.Contains("hours and minutes", garbage.QuerySelector("#usual-time-error")!.TextContent);
        Assert.Equal(0, await DbAsync(db => db.CrewCalls.CountAsync(c => c.CallerUserId == ids["cal"])));

        // "We'll find a time" needs no hour.
        var path = await PostAsync(calls, Call(name: "Open-hour crew", findATime: "true", time: ""));
        var (_, shown) = await people["ash"].GetAsync(path);
        Assert.Contains("We'll find a time together", shown.QuerySelector("#usual-hour")!.TextContent);
    }

    [Fact]
    public async Task Ask_Accept_Decline_Start_TheAcceptedBecomeTheCrew_AndTheCallCloses()
    {
        var calls = await CongregationAsync("Pods Circle");
        using (var scope = hub.Services.CreateScope())
        {
            // Dee reads her congregations' news once a day.
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            db.NotificationPreferences.Add(new NotificationPreference { UserId = ids["dee"], Topic = "congregation", Mode = NotificationMode.DailyDigest });
            await db.SaveChangesAsync();
        }
        var path = await PostAsync(calls);
        var callId = Guid.Parse(path.Split('/')[^1]);

        // Every other member hears of it; Dee in her digest, the caller not at all.
        foreach (var member in new[] { "ash", "bea", "dee" })
        {
            var announced = Assert.Single(await NoticesAsync(member), n => n.Kind == "congregation.crew-call");
            Assert.Contains("Cal Riverbank is calling a crew in Pods Circle: Thursday case clinic", announced.Title);
            Assert.Equal(member == "dee" ? NotificationEmail.AwaitingDigest : NotificationEmail.Emailed, announced.Email);
        }
        Assert.DoesNotContain(await NoticesAsync("cal"), n => n.Kind == "congregation.crew-call");
        await DigestForDeeAsync("Thursday case clinic");

        // The list shows it open, with its hour, size and places.
        var (_, list) = await people["ash"].GetAsync(calls);
        var card = Assert.Single(list.QuerySelectorAll("[aria-labelledby=open] .card"));
        Assert.Contains("Thursday case clinic", card.TextContent);
        Assert.Contains("Thursdays at 19:00", card.TextContent);
        Assert.Contains("0 of 3 places taken", card.TextContent);

        // Ash asks: a note is needed; asking twice is refused with a clear message.
        var (noNote, noNotePage) = await people["ash"].SubmitAsync(path, new Dictionary<string, string> { ["Note"] = " " }, handler: "Ask");
        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.Contains("Write a line or two", noNotePage.QuerySelector("#note-error")!.TextContent);
        var (asked, _) = await people["ash"].SubmitAsync(path, new Dictionary<string, string> { ["Note"] = "Thursdays are my quiet evening." }, handler: "Ask");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.NotNull((await NoticesAsync("ash")).Single(n => n.Kind == "congregation.crew-call").DoneAt);
        var request = Assert.Single(await NoticesAsync("cal"), n => n.Kind == "crew.call-request");
        Assert.Contains("Ash Riverbank asks to join Thursday case clinic", request.Title);
        var (_, mine) = await people["ash"].GetAsync(path);
        Assert.Contains("waiting for an answer", mine.QuerySelector("#my-request")!.TextContent);
        Assert.Null(mine.QuerySelector("form[action*='handler=Ask']"));
        var token = mine.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (twice, twicePage) = await people["ash"].PostAsync(path + "?handler=Ask", new Dictionary<string, string> { ["Note"] = "Again", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("You asked already", twicePage.QuerySelector("[role=alert]")!.TextContent);

        // Someone outside the congregation can neither see the call nor ask.
        var (outsider, _) = await people["out"].GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);

        await people["bea"].SubmitAsync(path, new Dictionary<string, string> { ["Note"] = "I would like a crew about work." }, handler: "Ask");

        // The caller sees both notes; a decline needs words, and comes with a draft to change.
        var (_, callerView) = await people["cal"].GetAsync(path);
        Assert.Contains("Thursdays are my quiet evening.", callerView.QuerySelector("#requests")!.ParentElement!.TextContent);
        var beaRequest = await DbAsync(db => db.CrewCallRequests.Where(r => r.UserId == ids["bea"]).Select(r => r.Id).SingleAsync());
        var draft = callerView.QuerySelector($"#message-{beaRequest}")!.TextContent;
        Assert.Contains("Thank you for asking to join, Bea", draft);
        var (noWords, noWordsPage) = await people["cal"].SubmitAsync(path, new Dictionary<string, string> { ["RequestId"] = beaRequest.ToString(), ["Message"] = "" }, handler: "Decline");
        Assert.Equal(HttpStatusCode.OK, noWords.StatusCode);
        Assert.Contains("a decline is kinder", noWordsPage.QuerySelector($"#message-{beaRequest}-error")!.TextContent);
        var (declined, _) = await people["cal"].SubmitAsync(path, new Dictionary<string, string>
        {
            ["RequestId"] = beaRequest.ToString(),
            ["Message"] = "Thank you, Bea. This one is for evening people; I hope we share a crew another season.",
        }, handler: "Decline");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var toBea = Assert.Single(await NoticesAsync("bea"), n => n.Kind == "crew.call-declined");
        Assert.Contains("Cal Riverbank answered your request", toBea.Title);
        var beaEmail = await DbAsync(db => db.OutgoingEmails.Where(e => e.ToAddress == emails["bea"] && e.Subject.Contains("answered your request")).SingleAsync());
        Assert.Contains("This one is for evening people", beaEmail.TextBody);
        var (_, beaView) = await people["bea"].GetAsync(path);
        Assert.Contains("This one is for evening people", beaView.QuerySelector("#reply")!.TextContent);
        Assert.Contains("Not this time", beaView.QuerySelector("#my-request")!.TextContent);
        Assert.DoesNotContain("Thursdays are my quiet evening", beaView.DocumentElement.OuterHtml); // others' notes are for the caller

        // Accepting Ash: Ash hears, and the caller's notice about the request is done.
        var ashRequest = await DbAsync(db => db.CrewCallRequests.Where(r => r.UserId == ids["ash"]).Select(r => r.Id).SingleAsync());
        var (accepted, _) = await people["cal"].SubmitAsync(path, new Dictionary<string, string> { ["RequestId"] = ashRequest.ToString() }, handler: "Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Single(await NoticesAsync("ash"), n => n.Kind == "crew.call-accepted");
        Assert.All((await NoticesAsync("cal")).Where(n => n.Kind == "crew.call-request"), n => Assert.NotNull(n.DoneAt));

        // Dee asks, and is still waiting when the crew starts.
        await people["dee"].SubmitAsync(path, new Dictionary<string, string> { ["Note"] = "Count me in if there is room." }, handler: "Ask");

        // Starting asks once more, then makes the crew.
        var (confirm, confirmPage) = await people["cal"].SubmitAsync(path, new Dictionary<string, string>(), handler: "Start");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Ash Riverbank", confirmPage.QuerySelector("#confirm-start")!.TextContent);
        var (started, _) = await people["cal"].PostAsync(path + "?handler=Start", new Dictionary<string, string>
        {
            ["Confirmed"] = "true",
            ["__RequestVerificationToken"] = confirmPage.QuerySelector("#confirm-start input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var crewPath = started.Headers.Location!.OriginalString;
        Assert.StartsWith("/crews/", crewPath);

        var (call, crew) = await DbAsync(async db =>
        {
            var c = await db.CrewCalls.AsNoTracking().SingleAsync(c => c.Id == callId);
            return (c, await db.Crews.AsNoTracking().Include(x => x.Members).SingleAsync(x => x.Id == c.CrewId));
        });
        Assert.Equal(CrewCallState.Started, call.State);
        Assert.Equal("Thursday case clinic", crew.Name);
        Assert.Equal(call.CongregationId, crew.CongregationId);
        Assert.Equal(CrewStage.Forming, crew.Stage);
        Assert.Equal((DayOfWeek.Thursday, new TimeOnly(19, 0), "Europe/Lisbon"), (crew.SlotDay, crew.SlotTime, crew.TimeZone));
        Assert.Equal(2, crew.JoinedCount);
        Assert.Equal(new[] { ids["ash"], ids["cal"] }.Order(StringComparer.Ordinal), crew.Members.Where(m => m.Status == CrewMemberStatus.Joined).Select(m => m.UserId).Order(StringComparer.Ordinal));
        Assert.Equal(CrewCallRequestState.CallClosed, await DbAsync(db => db.CrewCallRequests.Where(r => r.UserId == ids["dee"]).Select(r => r.State).SingleAsync()));
        Assert.Single(await NoticesAsync("ash"), n => n.Kind == "crew.formed");
        Assert.Single(await NoticesAsync("dee"), n => n.Kind == "crew.call-closed");
        var (ashCrew, _) = await people["ash"].GetAsync(crewPath);
        Assert.Equal(HttpStatusCode.OK, ashCrew.StatusCode);

        // The call shows as closed, and asks no more.
        var (_, after) = await people["bea"].GetAsync(calls);
        Assert.Empty(after.QuerySelectorAll("[aria-labelledby=open] .card"));
        Assert.Contains("The crew has started", after.QuerySelector("[aria-labelledby=closed]")!.TextContent);
        var (_, ashAfter) = await people["ash"].GetAsync(path);
        Assert.NotNull(ashAfter.QuerySelector($"a[href='{crewPath}']"));
    }

    /// <summary>The caller presses a button that asks once more, then says yes.</summary>
    private async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> ConfirmAsync(string path, string handler, string confirmation,
        Func<Task>? betweenPresses = null)
    {
        var (first, page) = await people["cal"].SubmitAsync(path, new Dictionary<string, string>(), handler: handler);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var token = page.QuerySelector($"{confirmation} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        if (betweenPresses is not null)
        {
            await betweenPresses();
        }
        return await people["cal"].PostAsync($"{path}?handler={handler}", new Dictionary<string, string> { ["Confirmed"] = "true", ["__RequestVerificationToken"] = token });
    }

    private async Task DigestForDeeAsync(string expected)
    {
        // A zone where it is past 08:00 now, so Dee's digest is due: Etc/GMT-N is UTC+N.
        var offset = 12 - DateTime.UtcNow.Hour;
        var zone = offset switch { 0 => "Etc/UTC", > 0 => $"Etc/GMT-{offset}", _ => $"Etc/GMT+{-offset}" };
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        if (await db.Profiles.SingleOrDefaultAsync(p => p.UserId == ids["dee"]) is { } profile)
        {
            profile.TimeZone = zone;
        }
        else
        {
            db.Profiles.Add(new Microsolidarity.Hub.Data.People.Profile { UserId = ids["dee"], TimeZone = zone });
        }
        await db.SaveChangesAsync();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<SendDailyDigests>().RunAsync(CancellationToken.None));
        var digest = await db.OutgoingEmails.SingleAsync(e => e.ToAddress == emails["dee"] && e.Subject.Contains("daily digest"));
        Assert.Contains(expected, digest.TextBody);
    }

    [Fact]
    public async Task EndDatePassed_ShowsClosed_AndTakesNoRequests_ButTheCallerCanStillStart()
    {
        var calls = await CongregationAsync("Ending Circle");
        var path = await PostAsync(calls);
        await people["ash"].SubmitAsync(path, new Dictionary<string, string> { ["Note"] = "Yes please." }, handler: "Ask");
        var ashRequest = await DbAsync(db => db.CrewCallRequests.Where(r => r.UserId == ids["ash"]).Select(r => r.Id).SingleAsync());
        await people["cal"].SubmitAsync(path, new Dictionary<string, string> { ["RequestId"] = ashRequest.ToString() }, handler: "Accept");
        var (_, before) = await people["bea"].GetAsync(path);
        var token = before.QuerySelector("form[action*='handler=Ask'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var scope = hub.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<HubDbContext>().CrewCalls.Where(c => c.CallerUserId == ids["cal"])
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.EndsOn, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2))).SetProperty(c => c.ClosesAt, DateTime.UtcNow.AddDays(-1)));
        }
        var (_, list) = await people["bea"].GetAsync(calls);
        Assert.Empty(list.QuerySelectorAll("[aria-labelledby=open] .card"));
        Assert.Contains("its last day has passed", list.QuerySelector("[aria-labelledby=closed]")!.TextContent);
        var (_, page) = await people["bea"].GetAsync(path);
        Assert.Contains("Closed", page.QuerySelector("#call-state")!.TextContent);
        Assert.Null(page.QuerySelector("form[action*='handler=Ask']"));
        var (late, latePage) = await people["bea"].PostAsync(path + "?handler=Ask", new Dictionary<string, string> { ["Note"] = "Too late?", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("has closed", latePage.QuerySelector("[role=alert]")!.TextContent);
        var (_, crews) = await people["bea"].GetAsync("/crews");
        Assert.Null(crews.QuerySelector("[aria-labelledby=open-calls]"));

        var (started, _) = await ConfirmAsync(path, "Start", "#confirm-start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
    }

    [Fact]
    public async Task Withdraw_AskAgain_AndClose_TellEveryoneStillWaiting()
    {
        var calls = await CongregationAsync("Closing Circle");
        var path = await PostAsync(calls, Call(size: "3"));
        await people["ash"].SubmitAsync(path, new Dictionary<string, string> { ["Note"] = "First try." }, handler: "Ask");
        var (withdrawn, _) = await people["ash"].SubmitAsync(path, new Dictionary<string, string>(), handler: "Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.All((await NoticesAsync("cal")).Where(n => n.Kind == "crew.call-request"), n => Assert.NotNull(n.DoneAt));
        var (again, _) = await people["ash"].SubmitAsync(path, new Dictionary<string, string> { ["Note"] = "Second try, for real." }, handler: "Ask");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var ashRequest = await DbAsync(db => db.CrewCallRequests.Where(r => r.UserId == ids["ash"]).Select(r => r.Id).SingleAsync());
        await people["cal"].SubmitAsync(path, new Dictionary<string, string> { ["RequestId"] = ashRequest.ToString() }, handler: "Accept");
        // A crew of three wanted: two places, one taken. Bea fills the other; Dee finds the call full.
        await people["bea"].SubmitAsync(path, new Dictionary<string, string> { ["Note"] = "Me too." }, handler: "Ask");
        var beaRequest = await DbAsync(db => db.CrewCallRequests.Where(r => r.UserId == ids["bea"]).Select(r => r.Id).SingleAsync());
        await people["cal"].SubmitAsync(path, new Dictionary<string, string> { ["RequestId"] = beaRequest.ToString() }, handler: "Accept");
        var (_, full) = await people["dee"].GetAsync(path);
        Assert.Contains("Every place in this call is taken", full.QuerySelector("#ask")!.ParentElement!.TextContent);

        var (closed, _) = await ConfirmAsync(path, "Close", "#confirm-close", async () =>
            Assert.Equal(CrewCallState.Open, await DbAsync(db => db.CrewCalls.Where(c => c.CallerUserId == ids["cal"]).Select(c => c.State).SingleAsync())));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(CrewCallState.Closed, await DbAsync(db => db.CrewCalls.Where(c => c.CallerUserId == ids["cal"]).Select(c => c.State).SingleAsync()));
        Assert.Single(await NoticesAsync("ash"), n => n.Kind == "crew.call-closed");
        Assert.Single(await NoticesAsync("bea"), n => n.Kind == "crew.call-closed");
        // The announcement is no longer news for anyone.
        Assert.All((await NoticesAsync("dee")).Where(n => n.Kind == "congregation.crew-call"), n => Assert.NotNull(n.DoneAt));
        Assert.Equal(0, await DbAsync(db => db.Crews.CountAsync(c => c.Members.Any(m => m.UserId == ids["cal"]))));
    }

    [Fact]
    public async Task CareView_MarksTheMembersInAnOpenCall_AndForgetsThemWhenItCloses()
    {
        var calls = await CongregationAsync("Care Circle");
        var care = calls[..^"/calls".Length] + "/care";
        string Marked(AngleSharp.Dom.IDocument page, string name) =>
            page.QuerySelectorAll("section[aria-labelledby=without] tbody tr")
                .Single(tr => tr.TextContent.Contains(name)).QuerySelectorAll("td")[2].TextContent.Trim();

        var path = await PostAsync(calls);
        await people["ash"].SubmitAsync(path, new Dictionary<string, string> { ["Note"] = "Thursdays suit me." }, handler: "Ask");
        var (_, page) = await people["cal"].GetAsync(care);
        Assert.Contains("In an open crew call", page.QuerySelector("section[aria-labelledby=without] thead")!.TextContent);
        Assert.Equal("yes", Marked(page, "Cal Riverbank")); // the caller
        Assert.Equal("yes", Marked(page, "Ash Riverbank")); // asked, waiting
        Assert.Equal("—", Marked(page, "Bea Riverbank"));
        Assert.DoesNotContain("Thursdays suit me", page.Body!.TextContent); // what anyone wrote stays with the caller

        await ConfirmAsync(path, "Close", "#confirm-close", () => Task.CompletedTask);
        var (_, after) = await people["cal"].GetAsync(care);
        Assert.Equal("—", Marked(after, "Ash Riverbank"));
    }

    [Fact]
    public async Task LeavingOrBeingRemoved_ClosesTheirCalls_AndWithdrawsTheirRequests_TellingThoseConcerned()
    {
        var calls = await CongregationAsync("Parting Circle");
        var congregation = calls[..^"/calls".Length];
        var path = await PostAsync(calls);
        var callId = Guid.Parse(path.Split('/')[^1]);
        await people["ash"].SubmitAsync(path, new Dictionary<string, string> { ["Note"] = "Yes please." }, handler: "Ask");
        var ashRequest = await DbAsync(db => db.CrewCallRequests.Where(r => r.UserId == ids["ash"]).Select(r => r.Id).SingleAsync());
        await people["cal"].SubmitAsync(path, new Dictionary<string, string> { ["RequestId"] = ashRequest.ToString() }, handler: "Accept");
        Assert.Equal(1, await DbAsync(db => db.CrewCalls.Where(c => c.Id == callId).Select(c => c.AcceptedCount).SingleAsync()));
        // Bea calls a crew of her own; Dee asks to join it.
        var (beaPosted, _) = await people["bea"].SubmitAsync(calls, Call(name: "Bea's morning crew"), handler: "Call");
        var beaPath = beaPosted.Headers.Location!.OriginalString;
        await people["dee"].SubmitAsync(beaPath, new Dictionary<string, string> { ["Note"] = "Mornings suit me." }, handler: "Ask");

        // Ash leaves: the accepted place opens again, and Cal is told.
        var (left, _) = await people["ash"].SubmitAsync(congregation, new Dictionary<string, string>(), handler: "Leave");
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.Equal(CrewCallRequestState.Withdrawn, await DbAsync(db => db.CrewCallRequests.Where(r => r.Id == ashRequest).Select(r => r.State).SingleAsync()));
        Assert.Equal(0, await DbAsync(db => db.CrewCalls.Where(c => c.Id == callId).Select(c => c.AcceptedCount).SingleAsync()));
        Assert.Contains(await NoticesAsync("cal"), n => n.Kind == "crew.call-withdrawn" && n.Title.Contains("Ash Riverbank"));

        // Cal, the host, removes Bea: her call closes, and Dee, who was waiting, is told.
        var beaMembership = await DbAsync(db => db.Memberships.Where(m => m.UserId == ids["bea"]).Select(m => m.Id).SingleAsync());
        var (removed, _) = await people["cal"].SubmitAsync(congregation + "/members",
            new Dictionary<string, string> { ["MembershipId"] = beaMembership.ToString(), ["Reason"] = "Asked to be taken off the list." }, handler: "Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(CrewCallState.Closed, await DbAsync(db => db.CrewCalls.Where(c => c.CallerUserId == ids["bea"]).Select(c => c.State).SingleAsync()));
        Assert.Equal(CrewCallRequestState.CallClosed, await DbAsync(db => db.CrewCallRequests.Where(r => r.UserId == ids["dee"]).Select(r => r.State).SingleAsync()));
        var told = Assert.Single(await NoticesAsync("dee"), n => n.Kind == "crew.call-closed");
        Assert.Contains("Bea's morning crew", told.Title);
        // Cal's own call is still open.
        Assert.Equal(CrewCallState.Open, await DbAsync(db => db.CrewCalls.Where(c => c.Id == callId).Select(c => c.State).SingleAsync()));
    }

    [Fact]
    public async Task UsualHour_IsShownInTheViewersZone_WithTheCallsOwnBesideIt()
    {
        var calls = await CongregationAsync("Zones Circle");
        // Tokyo and Kolkata keep no daylight saving: Tuesday 09:00 in Tokyo is Tuesday 05:30 in Kolkata all year.
        var path = await PostAsync(calls, Call(zone: "Asia/Tokyo", day: "Tuesday", time: "09:00"));
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            db.Profiles.Add(new Microsolidarity.Hub.Data.People.Profile { UserId = ids["ash"], TimeZone = "Asia/Kolkata" });
            await db.SaveChangesAsync();
        }
        var (_, page) = await people["ash"].GetAsync(path);
        var hour = page.QuerySelector("#usual-hour")!.TextContent;
        Assert.Contains("Tuesdays at 05:30 your time", hour);
        Assert.Contains("Tuesdays at 09:00 in Asia/Tokyo", hour);
        var (_, crews) = await people["ash"].GetAsync("/crews");
        Assert.Contains("Tuesdays at 05:30 your time", crews.QuerySelector("[aria-labelledby=open-calls]")!.TextContent);
        // The home page offers the call as the next step to someone with no crew yet.
        var (_, home) = await people["ash"].GetAsync("/");
        Assert.NotNull(home.QuerySelector($"a[href='{path}']"));
    }
}
