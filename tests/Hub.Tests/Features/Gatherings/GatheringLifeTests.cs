using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Gatherings.GatheringTestKit;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

public sealed class GatheringLifeTests : IAsyncLifetime
{
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];
    private static readonly string[] Names = ["ben", "cy", "dee", "eli"];
    private static readonly DateOnly InAMonth = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync();
        await hub.CreatePersonAsync("ada@test.example", "rain on a tin roof", admin: true, name: "Ada");
        people["ada"] = await hub.SignedInClientAsync("ada@test.example", "rain on a tin roof");
        foreach (var name in Names)
        {
            await hub.CreatePersonAsync($"{name}@test.example", "rain on a tin roof", name: char.ToUpperInvariant(name[0]) + name[1..]);
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", "rain on a tin roof");
        }
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task<T> WithDbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        using var scope = hub.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    private async Task<(HttpStatusCode Status, AngleSharp.Html.Dom.IHtmlDocument Page)> AnswerAsync(string person, string eventPath, string reply, string? answers = null)
    {
        var fields = new Dictionary<string, string> { ["Reply"] = reply };
        if (answers is not null)
        {
            fields["Answers"] = answers;
        }
        var (response, page) = await people[person].SubmitAsync(eventPath, fields, handler: "Answer");
        return (response.StatusCode, page);
    }

    [Fact]
    public async Task Create_EndBeforeStartUnknownZoneOrNotAHost_ExplainsKeepsTheFormAndSavesNothing()
    {
        var (early, earlyPage) = await people["ada"].SubmitAsync("/gatherings/new", Form("network", "Network call", InAMonth, f => f["Input.EndTime"] = "18:00"));
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("is before the start", earlyPage.QuerySelector("#end-error")!.TextContent);
        Assert.Equal("Network call", earlyPage.QuerySelector("#title")!.GetAttribute("value"));

        var (_, zonePage) = await people["ada"].SubmitAsync("/gatherings/new", Form("network", "Network call", InAMonth, f => f["Input.TimeZone"] = "Mars/Olympus_Mons"));
        Assert.Contains("'Mars/Olympus_Mons' is not a time zone we know", zonePage.QuerySelector("#zone-error")!.TextContent);

        var (_, rulePage) = await people["ada"].SubmitAsync("/gatherings/new", Form("network", "Network call", InAMonth, f => (f["Input.Repeat"], f["Input.Rule"]) = ("custom", "FREQ=YEARLY")));
        Assert.Contains("FREQ=YEARLY is not supported", rulePage.QuerySelector("#rule-error")!.TextContent);

        // Ben hosts nothing: the page says what to do instead, and a forged post is refused.
        var (_, benPage) = await people["ben"].GetAsync("/gatherings/new");
        Assert.Contains("a congregation you host", benPage.QuerySelector("main")!.TextContent);
        Assert.Equal(0, await WithDbAsync(db => db.GatheringEvents.CountAsync()));
    }

    [Fact]
    public async Task FullEvent_SomeoneCancels_FirstOnTheWaitlistIsPromotedAndEmailed()
    {
        var path = await CreateAsync(people["ada"], Form("network", "Summer intensive", InAMonth, f => f["Input.Capacity"] = "2"));
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync("ben", path, "Going")).Status);
        await AnswerAsync("cy", path, "Going");
        await hub.Smtp!.WaitForAsync("cy@test.example", "You are going to Summer intensive");
        await AnswerAsync("dee", path, "Going");
        await AnswerAsync("eli", path, "Going");
        var (_, deePage) = await people["dee"].GetAsync(path);
        Assert.Contains("waitlist, number 1", deePage.QuerySelector("#my-answer")!.TextContent);
        Assert.Contains("2 of 2 taken · 2 waiting", deePage.QuerySelector("#places")!.TextContent);
        var (_, eliPage) = await people["eli"].GetAsync(path);
        Assert.Contains("number 2", eliPage.QuerySelector("#my-answer")!.TextContent);

        // Places cannot drop below the people going.
        var (_, editPage) = await people["ada"].SubmitAsync($"{path}/edit", Form("network", "Summer intensive", InAMonth, f => f["Input.Capacity"] = "1"));
        Assert.Contains("2 people are already going", editPage.QuerySelector("#capacity-error")!.TextContent);

        var (cancelled, _) = await AnswerAsync("ben", path, "CantGo");
        Assert.Equal(HttpStatusCode.Redirect, cancelled);
        var mail = await hub.Smtp.WaitForAsync("dee@test.example", "A place opened for you at Summer intensive");
        var ics = mail.Attachments.OfType<MimeKit.MimePart>().Single();
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        var (_, deeAfter) = await people["dee"].GetAsync(path);
        Assert.Contains("You are going", deeAfter.QuerySelector("#my-answer")!.TextContent);
        var (_, eliAfter) = await people["eli"].GetAsync(path);
        Assert.Contains("number 1", eliAfter.QuerySelector("#my-answer")!.TextContent);

        // The hosts see the order; more places promote Eli at once.
        var (_, answersPage) = await people["ada"].GetAsync($"{path}/answers");
        Assert.Contains("Waitlist #1", answersPage.QuerySelector("tbody")!.TextContent);
        var (raised, _) = await people["ada"].SubmitAsync($"{path}/edit", Form("network", "Summer intensive", InAMonth, f => f["Input.Capacity"] = "3"));
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        await hub.Smtp.WaitForAsync("eli@test.example", "A place opened for you");
        var (_, outsider) = await people["ben"].GetAsync($"{path}/answers");
        Assert.DoesNotContain("Waitlist", outsider.DocumentElement.TextContent);
    }

    [Fact]
    public async Task MembersOnlyMonthlyCall_HiddenFromOthers_CallLinkOnlyForThoseGoing_OneDateChanged()
    {
        var path = await CreateAsync(people["ada"], Form("network", "Network call", InAMonth, f =>
        {
            f["Input.Kind"] = "NetworkCall";
            f["Input.Visibility"] = "NetworkMembers";
            f["Input.IsOnline"] = "true";
            f["Input.Address"] = "";
            f["Input.CallLink"] = "https://call.example/network";
            f["Input.Repeat"] = "custom";
            f["Input.Rule"] = "FREQ=MONTHLY;BYDAY=1TH";
        }));
        var (notMember, _) = await people["ben"].GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, notMember.StatusCode);
        var (anonymous, _) = await hub.NewClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        await WithDbAsync(db => db.Users.Where(u => u.Email == "cy@test.example").ExecuteUpdateAsync(s => s.SetProperty(u => u.NetworkMemberSince, DateTime.UtcNow)));

        var (_, before) = await people["cy"].GetAsync(path);
        Assert.Null(before.QuerySelector("#call-link"));
        Assert.Contains("every month on the first Thursday", before.QuerySelector("#when")!.TextContent);
        var dates = before.QuerySelectorAll(".date-list a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(dates.Count >= 6);
        var second = dates[1];
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync("cy", second, "Going")).Status);
        var (_, after) = await people["cy"].GetAsync(second);
        Assert.Equal("https://call.example/network", after.QuerySelector("#call-link")!.TextContent);
        var (_, otherDate) = await people["cy"].GetAsync(dates[2]);
        Assert.Null(otherDate.QuerySelector("#call-link"));

        // The host cancels the third date and moves the fourth; the rule stays.
        var (refused, refusedPage) = await people["ada"].SubmitAsync(dates[2], new Dictionary<string, string> { ["Change"] = "CancelThis" }, handler: "Change");
        Assert.Contains("Tick the box", refusedPage.QuerySelector("#confirm-error")!.TextContent);
        await people["ada"].SubmitAsync(dates[2], new Dictionary<string, string> { ["Change"] = "CancelThis", ["Confirm"] = "true" }, handler: "Change");
        var (_, cancelledPage) = await people["cy"].GetAsync(dates[2]);
        Assert.Contains("cancelled", cancelledPage.QuerySelector("#when")!.TextContent);
        var (tooLate, tooLatePage) = await people["ada"].SubmitAsync(dates[3], new Dictionary<string, string> { ["Change"] = "MoveThis", ["NewDate"] = "2030-01-01", ["NewStart"] = "20:00", ["NewEnd"] = "19:00" }, handler: "Change");
        Assert.Contains("is before the start", tooLatePage.QuerySelector("#new-date-error")!.TextContent);

        // This and the following: the series ends before the fifth date and a new one starts an hour later.
        var (split, _) = await people["ada"].SubmitAsync(dates[4], new Dictionary<string, string> { ["Change"] = "MoveThisAndFollowing", ["NewDate"] = dates[4].Split("date=")[1][..8].Insert(4, "-").Insert(7, "-"), ["NewStart"] = "20:30", ["NewEnd"] = "22:00" }, handler: "Change");
        Assert.Equal(HttpStatusCode.Redirect, split.StatusCode);
        var events = await WithDbAsync(db => db.GatheringEvents.AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync());
        var (old, next) = (events.Single(e => e.Title == "Network call" && e.SplitFromId == null), events.Single(e => e.SplitFromId != null));
        Assert.Equal(4, EventSchedule.RuleStarts(old, DateTime.MaxValue).Count());
        Assert.Equal(new NodaTime.LocalTime(20, 30), EventTime.ToLocal(next.StartsAt, EventTime.FindZone("Europe/Berlin")!).TimeOfDay);
    }

    [Fact]
    public async Task Feeds_ReadByIcalJs_ExpandEveryRecurrenceAsTheHubDoes()
    {
        await CreateAsync(people["ada"], Form("network", "Monthly call, Berlin", InAMonth, f =>
        {
            (f["Input.Repeat"], f["Input.Rule"], f["Input.IsOnline"], f["Input.Address"]) = ("custom", "FREQ=MONTHLY;BYDAY=1TH", "true", "");
            f["Input.CallLink"] = "https://call.example/secret-room";
        }));
        var weekly = await CreateAsync(people["ada"], Form("network", "Weekly walk, New York", InAMonth, f =>
        {
            (f["Input.Repeat"], f["Input.Rule"], f["Input.TimeZone"]) = ("custom", "FREQ=WEEKLY;BYDAY=TU,SA;COUNT=40", "America/New_York");
        }));
        await CreateAsync(people["ada"], Form("network", "Last Friday, Sydney", InAMonth, f =>
            (f["Input.Repeat"], f["Input.Rule"], f["Input.TimeZone"]) = ("custom", "FREQ=MONTHLY;BYDAY=-1FR", "Australia/Sydney")));
        await CreateAsync(people["ada"], Form("network", "Camp, Kolkata", InAMonth, f =>
            (f["Input.TimeZone"], f["Input.EndDate"]) = ("Asia/Kolkata", InAMonth.AddDays(5).ToString("yyyy-MM-dd"))));
        await CreateAsync(people["ada"], Form("network", "Full-moon pulse, Lisbon", InAMonth, f =>
            (f["Input.Kind"], f["Input.Repeat"], f["Input.TimeZone"]) = ("Pulse", "full-moon", "Europe/Lisbon")));
        await CreateAsync(people["ada"], Form("network", "Hidden crew thing", InAMonth, f => f["Input.Visibility"] = "NetworkMembers"));

        // A cancelled date becomes an EXDATE, a moved one a RECURRENCE-ID override.
        var (_, weeklyPage) = await people["ada"].GetAsync(weekly);
        var weeklyDates = weeklyPage.QuerySelectorAll(".date-list a").Select(a => a.GetAttribute("href")!).ToList();
        await people["ada"].SubmitAsync(weeklyDates[1], new Dictionary<string, string> { ["Change"] = "CancelThis", ["Confirm"] = "true" }, handler: "Change");
        var movedDay = weeklyDates[2].Split("date=")[1][..8].Insert(4, "-").Insert(7, "-");
        await people["ada"].SubmitAsync(weeklyDates[2], new Dictionary<string, string> { ["Change"] = "MoveThis", ["NewDate"] = movedDay, ["NewStart"] = "08:00", ["NewEnd"] = "09:15" }, handler: "Change");

        var anonymous = hub.NewClient();
        var feed = await anonymous.Http.GetAsync("/calendar.ics");
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Hidden crew thing", ics);
        Assert.DoesNotContain("secret-room", ics);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        var until = DateTime.UtcNow.AddYears(2);
        var parsed = await ExpandWithIcalJsAsync(ics, until);
        Assert.Equal(5, parsed.Count);
        Assert.True(parsed.Single(p => p.Summary.StartsWith("Full-moon", StringComparison.Ordinal)).Occurrences.Count >= 20);

        var events = await WithDbAsync(db => db.GatheringEvents.AsNoTracking().Include(e => e.Occurrences).Where(e => e.Visibility == EventVisibility.Public).ToListAsync());
        foreach (var e in events)
        {
            var theirs = parsed.Single(p => p.Uid.StartsWith(e.Id.ToString("N"), StringComparison.Ordinal));
            var ours = EventSchedule.Between(e, e.Occurrences, e.StartsAt.AddSeconds(-1), until, 1000).Where(o => !o.IsCancelled)
                .Select(o => new IcalOccurrence(o.StartsAt.ToString("yyyy-MM-ddTHH:mm:ss.000Z"), o.EndsAt.ToString("yyyy-MM-ddTHH:mm:ss.000Z"))).ToList();
            Assert.Equal(e.TimeZone, theirs.Zone);
            Assert.Equal(ours.OrderBy(o => o.Start), theirs.Occurrences.Where(o => DateTime.Parse(o.Start).ToUniversalTime() < until).OrderBy(o => o.Start));
        }
        Assert.Equal(39, parsed.Single(p => p.Summary == "Weekly walk, New York").Occurrences.Count);
        Assert.Contains(parsed.Single(p => p.Summary == "Weekly walk, New York").Occurrences, o => DateTime.Parse(o.Start).ToUniversalTime().Hour == 13 || DateTime.Parse(o.Start).ToUniversalTime().Hour == 12);
    }

    [Fact]
    public async Task PrivateFeed_HoldsMyAnswersWithTheCallLink_AndANewAddressRetiresTheOld()
    {
        var path = await CreateAsync(people["ada"], Form("network", "Practice program, week 1", InAMonth, f =>
        {
            (f["Input.Kind"], f["Input.IsOnline"], f["Input.Address"], f["Input.CallLink"]) = ("PracticeProgramSession", "true", "", "https://call.example/practice");
            (f["Input.Repeat"], f["Input.Rule"], f["Input.Questions"]) = ("custom", "FREQ=WEEKLY;COUNT=4", "What do you hope to practise?");
        }));
        var (_, page) = await people["dee"].GetAsync(path);
        var first = page.QuerySelectorAll(".date-list a")[0].GetAttribute("href")!;
        var (noAnswer, noAnswerPage) = await AnswerAsync("dee", first, "Going");
        Assert.Contains("answer them in your own words", noAnswerPage.QuerySelector("#answers-error")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync("dee", first, "Going", "Listening without fixing.")).Status);

        var (_, calendarPage) = await people["dee"].GetAsync("/gatherings/calendar");
        var url = new Uri(calendarPage.QuerySelector("#feed")!.GetAttribute("value")!);
        var anonymous = hub.NewClient();
        var ics = await anonymous.Http.GetStringAsync(url.PathAndQuery);
        Assert.Contains("https://call.example/practice", ics);
        var parsed = await ExpandWithIcalJsAsync(ics, DateTime.UtcNow.AddYears(1));
        Assert.Equal("Practice program, week 1", Assert.Single(parsed).Summary);
        Assert.Single(parsed[0].Occurrences);

        // Not confirmed: the page says what to do and the address keeps working.
        var (unconfirmed, unconfirmedPage) = await people["dee"].SubmitAsync("/gatherings/calendar", new Dictionary<string, string>(), handler: "Renew");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm", unconfirmedPage.QuerySelector("#confirm-error")!.TextContent);
        Assert.Equal(url, new Uri(unconfirmedPage.QuerySelector("#feed")!.GetAttribute("value")!));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync(url.PathAndQuery)).StatusCode);

        var (renewed, _) = await people["dee"].SubmitAsync("/gatherings/calendar", new Dictionary<string, string> { ["Confirm"] = "true" }, handler: "Renew");
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync(url.PathAndQuery)).StatusCode);
        var (_, renewedPage) = await people["dee"].GetAsync("/gatherings/calendar");
        var newUrl = new Uri(renewedPage.QuerySelector("#feed")!.GetAttribute("value")!);
        Assert.NotEqual(url, newUrl);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync(newUrl.PathAndQuery)).StatusCode);
        var (_, hostView) = await people["ada"].GetAsync($"{path}/answers?date={first.Split("date=")[1]}");
        Assert.Contains("Listening without fixing.", hostView.QuerySelector("tbody")!.TextContent);
    }
}
