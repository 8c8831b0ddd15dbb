using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Introductions;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Features.Introductions;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Accounts;
using NodaTime;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Introductions;

/// <summary>
/// Introductions through their page and their job: opting in, pausing and leaving; a round's letters read
/// from a real SMTP server; "did you meet?" a week later, answered on the page; hosts see counts only.
/// </summary>
public sealed class IntroductionTests : IAsyncLifetime
{
    private const string Password = "keeper of the fire";
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];
    private readonly Dictionary<string, string> ids = [];
    private string congregation = "";

    /// <summary>Each person's zone: none of them moves its clocks, so the hours below hold all year.</summary>
    private static readonly Dictionary<string, string> Zones = new()
    {
        ["ash"] = "Etc/UTC",
        ["bea"] = "America/Bogota",
        ["dee"] = "Asia/Tokyo",
        ["eli"] = "Africa/Lagos",
        ["fay"] = "Asia/Dubai",
        ["gus"] = "Etc/UTC",
    };

    public async Task InitializeAsync()
    {
        // The job runs once at start (nothing to do yet); the test runs its steps itself, with its own clock.
        hub = await HubFactory.StartAsync(settings => settings["Introductions:CheckInterval"] = "1.00:00:00");
        foreach (var name in new[] { "cal", "ash", "bea", "dee", "eli", "fay", "gus" })
        {
            ids[name] = (await hub.CreatePersonAsync($"{name}@test.example", Password, name: char.ToUpperInvariant(name[0]) + name[1..] + " Meadow")).Id;
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", Password);
        }
        congregation = await CreateAsync(people["cal"], "Meadow Congregation");
        foreach (var member in new[] { "ash", "bea", "dee", "eli", "fay", "gus" })
        {
            await people[member].SubmitAsync(congregation, new Dictionary<string, string>(), handler: "Join");
        }
        // Everyone is free on Tuesdays from 18:00 to 21:00 UTC, ticked as the hours that are in their own zone.
        await DbAsync(async db =>
        {
            foreach (var (name, zone) in Zones)
            {
                var grid = new char[168];
                Array.Fill(grid, '0');
                var tz = DateTimeZoneProviders.Tzdb[zone];
                foreach (var utcHour in new[] { 18, 19, 20 })
                {
                    var local = new LocalDateTime(2027, 1, 5, utcHour, 0).InUtc().WithZone(tz).LocalDateTime; // 5 January 2027 is a Tuesday
                    grid[((int)local.DayOfWeek - 1) * 24 + local.Hour] = '1';
                }
                db.Profiles.Add(new Profile { UserId = ids[name], TimeZone = zone, Availability = new string(grid), AvailabilityVisibility = Visibility.MyGroups });
            }
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private string Page => congregation + "/introductions";

    private async Task<T> DbAsync<T>(Func<HubDbContext, Task<T>> read)
    {
        using var scope = hub.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    private async Task JoinAsync(string name, int everyWeeks, string share)
    {
        var (response, page) = await people[name].SubmitAsync(Page, new Dictionary<string, string>
        {
            ["Input.EveryWeeks"] = everyWeeks.ToString(CultureInfo.InvariantCulture),
            ["Input.Share"] = share,
        }, handler: "Join");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
    }

    [Fact]
    public async Task Join_WrongInput_SaysWhatIsWrongAndKeepsIt_ThenPauseAndLeave()
    {
        var (_, empty) = await people["ash"].GetAsync(Page);
        Assert.Contains("No introduction yet", empty.QuerySelector(".empty")!.TextContent);

        var tooLong = new string('a', 201);
        var (response, page) = await people["ash"].SubmitAsync(Page, new Dictionary<string, string> { ["Input.EveryWeeks"] = "3", ["Input.Share"] = tooLong }, handler: "Join");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("every two weeks or every four weeks", page.QuerySelector("#every-error")!.TextContent);
        Assert.Contains("at most 200 characters", page.QuerySelector("#share-error")!.TextContent);
        Assert.Equal(tooLong, page.QuerySelector("#share")!.GetAttribute("value"));
        var (_, garbage) = await people["ash"].SubmitAsync(Page, new Dictionary<string, string> { ["Input.EveryWeeks"] = "often", ["Input.Share"] = "" }, handler: "Join");
        Assert.Contains("every two weeks or every four weeks", garbage.QuerySelector("#every-error")!.TextContent);
        Assert.Equal(0, await DbAsync(db => db.IntroductionMembers.CountAsync()));

        await JoinAsync("ash", 4, "  I keep bees.  ");
        var row = await DbAsync(db => db.IntroductionMembers.AsNoTracking().SingleAsync(m => m.UserId == ids["ash"]));
        Assert.Equal((4, "I keep bees.", false), (row.EveryWeeks, row.Share, row.Paused));
        var (_, joined) = await people["ash"].GetAsync(Page);
        Assert.Contains("You are introduced every 4 weeks", joined.QuerySelector("#my-status")!.TextContent);
        Assert.Equal("I keep bees.", joined.QuerySelector("#share")!.GetAttribute("value"));

        // The care view's signal counts her while she takes part, not while she pauses.
        async Task<bool> SignalAsync() => await DbAsync(async db =>
            (await new OptedIntoIntroductions(db).MembersAsync(row.CongregationId, default)).Contains(ids["ash"]));
        Assert.True(await SignalAsync());
        await people["ash"].SubmitAsync(Page, new Dictionary<string, string>(), handler: "Pause");
        var (_, paused) = await people["ash"].GetAsync(Page);
        Assert.Contains("On pause", paused.QuerySelector("#my-status")!.TextContent);
        Assert.False(await SignalAsync());
        await people["ash"].SubmitAsync(Page, new Dictionary<string, string>(), handler: "Pause");
        Assert.True(await SignalAsync());

        var (left, _) = await people["ash"].SubmitAsync(Page, new Dictionary<string, string>(), handler: "Leave");
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.Equal(0, await DbAsync(db => db.IntroductionMembers.CountAsync()));
        Assert.False(await SignalAsync());
    }

    [Fact]
    public async Task Rounds_LettersInEachZone_PausedLeftOut_DidYouMeetAWeekLater_HostsSeeCountsOnly()
    {
        var shares = new Dictionary<string, string>
        {
            ["ash"] = "I keep bees on a rooftop.",
            ["bea"] = "Learning to facilitate case clinics.",
            ["dee"] = "Translator, night owl, tea drinker.",
            ["eli"] = "I run a food co-op and could talk about it for hours.",
            ["fay"] = "Back from a long trip, looking for a crew.",
            ["gus"] = "Once a month suits me best.",
        };
        foreach (var (name, share) in shares)
        {
            await JoinAsync(name, name == "gus" ? 4 : 2, share);
        }
        await people["fay"].SubmitAsync(Page, new Dictionary<string, string>(), handler: "Pause");

        var clock = new ShiftedClock();
        await using var later = hub.WithClock(clock);
        async Task<int> RunAsync<T>(Func<T, Task<int>> run) where T : notnull
        {
            using var scope = later.Services.CreateScope();
            return await run(scope.ServiceProvider.GetRequiredService<T>());
        }

        // The first round waits a couple of days after the first opt-in, so a few can gather.
        Assert.Equal(0, await RunAsync<MakeIntroductions>(m => m.RunAsync()));
        clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await RunAsync<MakeIntroductions>(m => m.RunAsync()));
        Assert.Equal(0, await RunAsync<MakeIntroductions>(m => m.RunAsync()));

        var first = await DbAsync(db => db.Introductions.AsNoTracking().Include(i => i.People).Where(i => i.Round.Number == 1).ToListAsync());
        var introduced = first.SelectMany(i => i.People).Select(p => p.UserId).ToList();
        Assert.Equal(5, introduced.Count);
        Assert.Equal(introduced.Count, introduced.Distinct().Count());
        Assert.DoesNotContain(ids["fay"], introduced);
        Assert.Equal([2, 3], first.Select(i => i.People.Count).Order());

        // Each person's letter names the others with their lines, and gives the hour all are free in the reader's own zone.
        foreach (var introduction in first)
        {
            var at = Assert.IsType<DateTime>(introduction.FirstTime);
            Assert.Equal((DayOfWeek.Tuesday, true), (at.DayOfWeek, at.Hour is >= 18 and <= 20));
            foreach (var person in introduction.People)
            {
                var name = ids.Single(p => p.Value == person.UserId).Key;
                var letter = await hub.Smtp!.WaitForAsync($"{name}@test.example", "An introduction in Meadow Congregation");
                var text = letter.TextBody;
                foreach (var other in introduction.People.Where(o => o.UserId != person.UserId))
                {
                    var otherName = ids.Single(p => p.Value == other.UserId).Key;
                    Assert.Contains(char.ToUpperInvariant(otherName[0]) + otherName[1..] + " Meadow", letter.Subject);
                    Assert.Contains($"“{shares[otherName]}”", text);
                }
                Assert.DoesNotContain(shares[name], text);
                var local = Instant.FromDateTimeUtc(at).InZone(DateTimeZoneProviders.Tzdb[Zones[name]]).LocalDateTime.ToDateTimeUnspecified();
                Assert.Contains(local.ToString("dddd d MMMM, HH:mm", CultureInfo.InvariantCulture), text);
                Assert.Contains($"({Zones[name]})", text);
                Assert.Contains(StarterQuestions.At(introduction.Question), text);
                Assert.Contains($"{Page}#introduction-{introduction.Id:N}", SmtpSink.LinkIn(letter, "/introductions"));
            }
        }

        // A week later: "did you meet?", once.
        Assert.Equal(0, await RunAsync<AskDidYouMeet>(a => a.RunAsync()));
        clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(2, await RunAsync<AskDidYouMeet>(a => a.RunAsync()));
        Assert.Equal(0, await RunAsync<AskDidYouMeet>(a => a.RunAsync()));
        var asked = await hub.Smtp!.WaitForAsync("ash@test.example", "Did you meet");
        Assert.Contains("yes, not yet, or skip", asked.TextBody);
        var ashIntroduction = first.Single(i => i.People.Any(p => p.UserId == ids["ash"]));
        Assert.Contains($"#introduction-{ashIntroduction.Id:N}", SmtpSink.LinkIn(asked, "/introductions"));

        var (answered, _) = await people["ash"].SubmitAsync(Page, new Dictionary<string, string> { ["answer"] = "Met" }, handler: "Answer");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(IntroductionAnswer.Met, await DbAsync(db => db.IntroductionPeople.Where(p => p.UserId == ids["ash"]).Select(p => p.Answer).SingleAsync()));
        Assert.NotNull(await DbAsync(db => db.Notifications.Where(n => n.UserId == ids["ash"] && n.About == IntroductionNotices.AskAbout(ashIntroduction.Id))
            .Select(n => n.DoneAt).SingleAsync()));
        var (_, ashPage) = await people["ash"].GetAsync(Page);
        Assert.Contains("You said: Yes, we met", ashPage.QuerySelector($"#introduction-{ashIntroduction.Id:N}")!.TextContent);
        // Someone else's introduction cannot be answered.
        var token = ashPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var notHers = first.Single(i => i.Id != ashIntroduction.Id);
        var (_, refused) = await people["ash"].PostAsync($"{Page}?handler=Answer", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["introduction"] = notHers.Id.ToString(),
            ["answer"] = "Skip",
        });
        Assert.Contains("not one of yours", refused.QuerySelector("main")!.TextContent);
        Assert.Equal(0, await DbAsync(db => db.IntroductionPeople.CountAsync(p => p.IntroductionId == notHers.Id && p.Answer != null)));

        // The host (not taking part) sees numbers and no one's name or line.
        var (_, hostPage) = await people["cal"].GetAsync(Page);
        Assert.Contains("6 members, 1 of them on pause", hostPage.QuerySelector("#opted-in")!.TextContent);
        var row = hostPage.QuerySelectorAll("#rounds tbody tr").Single();
        Assert.Equal("1", row.QuerySelector("th")!.TextContent);
        Assert.Equal(["2", "5", "1", "1 of 5"], row.QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim()));
        var hostText = hostPage.QuerySelector("main")!.TextContent;
        foreach (var (name, share) in shares)
        {
            Assert.DoesNotContain(share, hostText);
            Assert.DoesNotContain(char.ToUpperInvariant(name[0]) + name[1..] + " Meadow", hostText);
        }

        // Two weeks on: Fay is back, Gus (every four weeks) waits for the round after.
        await people["fay"].SubmitAsync(Page, new Dictionary<string, string>(), handler: "Pause");
        clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await RunAsync<MakeIntroductions>(m => m.RunAsync()));
        var second = await DbAsync(db => db.IntroductionPeople.Where(p => p.Introduction.Round.Number == 2).Select(p => p.UserId).ToListAsync());
        Assert.Contains(ids["fay"], second);
        Assert.DoesNotContain(ids["gus"], second);
        Assert.Equal(5, second.Count);
        clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal(1, await RunAsync<MakeIntroductions>(m => m.RunAsync()));
        Assert.Contains(ids["gus"], await DbAsync(db => db.IntroductionPeople.Where(p => p.Introduction.Round.Number == 3).Select(p => p.UserId).ToListAsync()));
    }
}
