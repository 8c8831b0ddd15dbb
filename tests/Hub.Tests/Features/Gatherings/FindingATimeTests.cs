using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Testing;
using NodaTime;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

/// <summary>The overlap itself: each hour of a real week, looked up in each member's zone.</summary>
public sealed class AvailabilityOverlapTests
{
    private static string Hours(params int[] free) => AvailabilityOverlap.FromHours(free);
    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    [Fact]
    public void Counts_MembersInThreeZones_CountEachHourWhereItFallsForTheViewer()
    {
        // Tuesday 19:00 in Tokyo is Tuesday 10:00 UTC and Tuesday 05:00 in Bogotá (no daylight saving in any of them).
        var grids = new[]
        {
            new AvailabilityOverlap.Grid("ana", Hours(24 + 19, 24 + 20), Zone("Asia/Tokyo")),
            new AvailabilityOverlap.Grid("ben", Hours(24 + 10, 24 + 11, 24 + 12), Zone("Etc/UTC")),
            new AvailabilityOverlap.Grid("cy", Hours(24 + 5, 24 + 6, 2 * 24 + 9), Zone("America/Bogota")),
        };
        var tokyo = AvailabilityOverlap.Counts(grids, Zone("Asia/Tokyo"), new LocalDate(2027, 1, 11));
        Assert.Equal(3, tokyo[24 + 19]);
        Assert.Equal(3, tokyo[24 + 20]);
        Assert.Equal(1, tokyo[24 + 21]);
        Assert.Equal(1, tokyo[2 * 24 + 23]); // cy's Wednesday 09:00 is Wednesday 23:00 in Tokyo
        Assert.Equal(8, tokyo.Sum());
        var utc = AvailabilityOverlap.Counts(grids, Zone("Etc/UTC"), new LocalDate(2027, 1, 11));
        Assert.Equal(3, utc[24 + 10]);

        var best = AvailabilityOverlap.Best(tokyo);
        Assert.Equal(new AvailabilityOverlap.Proposal(24 + 19, 2, 3), best[0]);
        Assert.Equal("Tuesday 19:00–21:00", best[0].Label);
        Assert.All(best, p => Assert.True(p.Free > 0));
    }

    [Fact]
    public void Counts_WeeksBeforeAndAfterEuropeChangesItsClocks_FollowTheRealOffset()
    {
        // New York moves to summer time on 14 March 2027, Berlin on 28 March: for two weeks they are five hours apart, not six.
        var ny = new AvailabilityOverlap.Grid("ben", Hours(24 + 13), Zone("America/New_York"));
        var berlin = Zone("Europe/Berlin");
        Assert.Equal(1, AvailabilityOverlap.Counts([ny], berlin, new LocalDate(2027, 3, 1))[24 + 19]);
        var gap = AvailabilityOverlap.Counts([ny], berlin, new LocalDate(2027, 3, 15));
        Assert.Equal(0, gap[24 + 19]);
        Assert.Equal(1, gap[24 + 18]);
        Assert.Equal(1, AvailabilityOverlap.Counts([ny], berlin, new LocalDate(2027, 4, 5))[24 + 19]);
    }

    [Fact]
    public void Best_MoreMembersBeatALongerRun_AndALongerRunBeatsAnEarlierOne()
    {
        var counts = new int[168];
        counts[10] = 3;                          // Monday 10:00, three people, one hour
        counts[24 + 8] = counts[24 + 9] = 2;     // Tuesday 08:00–10:00, two people
        counts[3 * 24 + 18] = counts[3 * 24 + 19] = counts[3 * 24 + 20] = 2; // Thursday 18:00–21:00, two people
        counts[5 * 24 + 23] = 1;
        var best = AvailabilityOverlap.Best(counts);
        Assert.Equal([10, 3 * 24 + 18, 24 + 8, 5 * 24 + 23], best.Select(p => p.StartIndex));
        Assert.Equal(3, best[1].Hours);
        Assert.Empty(AvailabilityOverlap.Best(new int[168]));
    }
}

/// <summary>Finding a time through the pages, for a crew and for a working group, on the real database.</summary>
public sealed class FindingATimeTests : IAsyncLifetime
{
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];
    private readonly Dictionary<string, string> ids = [];

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync(smtp: false);
        foreach (var (name, zone) in new[] { ("ada", "Asia/Tokyo"), ("ben", "Etc/UTC"), ("cy", "America/Bogota"), ("dee", "Europe/Madrid") })
        {
            await hub.CreatePersonAsync($"{name}@test.example", "rain on a tin roof", admin: name == "ada", name: char.ToUpperInvariant(name[0]) + name[1..]);
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", "rain on a tin roof");
            await WithDbAsync(async db =>
            {
                var id = await db.Users.Where(u => u.Email == $"{name}@test.example").Select(u => u.Id).SingleAsync();
                ids[name] = id;
                // Ada ticked Tuesday 19:00 and 20:00 on her profile; the others have not.
                db.Profiles.Add(new Profile { UserId = id, TimeZone = zone, Availability = name == "ada" ? AvailabilityOverlap.FromHours([24 + 19, 24 + 20]) : new string('0', 168) });
                return await db.SaveChangesAsync();
            });
        }
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task<T> WithDbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        using var scope = hub.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    /// <summary>Ticks several boxes of one name, which a dictionary of fields cannot hold.</summary>
    private static async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> MarkAsync(FormClient person, string page, string zone, params int[] free)
    {
        var (_, html) = await person.GetAsync(page);
        var form = html.Forms.Single(f => (f.Action ?? "").Contains("handler=Mark"));
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("MarkZone", zone),
        };
        values.AddRange(free.Select(h => new KeyValuePair<string, string>("Free", h.ToString())));
        var response = await person.Http.PostAsync(form.Action, new FormUrlEncodedContent(values));
        return (response, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The count for a day (Monday 0) and hour, found by its column's day: the columns run in the reader's week.</summary>
    private static string Cell(AngleSharp.Html.Dom.IHtmlDocument page, int day, int hour)
    {
        var column = page.QuerySelectorAll("table.heat thead th[data-day]").Select(th => th.GetAttribute("data-day")).ToList().IndexOf(day.ToString());
        return page.QuerySelectorAll("table.heat tbody tr")[hour].QuerySelectorAll("td")[column].TextContent.Trim();
    }

    private async Task<string> CallCrewAsync(string cadence)
    {
        var (called, calledPage) = await people["ada"].SubmitAsync("/crews/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Tuesday circle",
            ["Input.Invitees"] = "ben@test.example\ncy@test.example",
            ["Input.Cadence"] = cadence,
            ["Input.Meetings"] = "6",
            ["Input.SlotDay"] = "Monday",
            ["Input.SlotTime"] = "08:00",
            ["Input.TimeZone"] = "Asia/Tokyo",
        });
        Assert.True(called.StatusCode == HttpStatusCode.Redirect, calledPage.QuerySelector("main")?.TextContent);
        var crew = called.Headers.Location!.OriginalString;
        foreach (var name in new[] { "ben", "cy" })
        {
            await people[name].SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = "true" }, "Respond");
        }
        return crew;
    }

    [Fact]
    public async Task Crew_MembersMarkInTheirZones_HeatMapAndBestSlot_ConfirmSetsTheCrewsOwnFortnightlySlot()
    {
        var crew = await CallCrewAsync("Fortnightly");
        var time = $"{crew}/time";
        var crewId = Guid.Parse(crew.Split('/')[2]);

        // Outsiders find nothing there.
        Assert.Equal(HttpStatusCode.NotFound, (await people["dee"].Http.GetAsync(time)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await hub.NewClient().Http.GetAsync(time)).StatusCode);

        // Nobody but Ada (through her profile) has hours yet.
        var (_, first) = await people["ben"].GetAsync(time);
        Assert.Contains("1 of 3 members have given their hours; not yet: Ben, Cy", first.QuerySelector("#overlap")!.ParentElement!.TextContent);
        Assert.Equal("Etc/UTC", first.QuerySelector("#mark-zone")!.GetAttribute("value"));

        // Every problem at once, what was typed kept.
        var (bad, badPage) = await MarkAsync(people["ben"], time, "Mars/Olympus_Mons");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("is not a time zone we know", badPage.QuerySelector("#mark-zone-error")!.TextContent);
        Assert.Contains("Tick at least one hour", badPage.QuerySelector("#free-error")!.TextContent);
        Assert.Equal("Mars/Olympus_Mons", badPage.QuerySelector("#mark-zone")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Redirect, (await MarkAsync(people["ben"], time, "Etc/UTC", 24 + 10, 24 + 11, 24 + 12)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MarkAsync(people["cy"], time, "America/Bogota", 24 + 5, 24 + 6, 2 * 24 + 9)).Response.StatusCode);

        // Ada sees Tokyo hours, Ben sees UTC hours: the same three people free.
        var (_, adaPage) = await people["ada"].GetAsync(time);
        Assert.Equal("3", Cell(adaPage, 1, 19));
        Assert.Equal("3", Cell(adaPage, 1, 20));
        Assert.Equal("1", Cell(adaPage, 1, 21));
        Assert.Contains("Tuesday 19:00–21:00", adaPage.QuerySelector(".proposals li")!.TextContent);
        Assert.Contains("3 of 3 free", adaPage.QuerySelector(".proposals li")!.TextContent);
        var (_, benPage) = await people["ben"].GetAsync(time);
        Assert.Equal("3", Cell(benPage, 1, 10));
        Assert.Contains("for you: Tuesday 10:00 (Etc/UTC)", benPage.QuerySelector(".proposals li")!.TextContent);

        // Confirming makes it the crew's own slot (no series of events beside it: the term's meetings are the crew's calendar).
        var (confirmed, _) = await people["ada"].SubmitAsync(time, new Dictionary<string, string> { ["Slot"] = (24 + 19).ToString() }, "Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(crew, confirmed.Headers.Location!.OriginalString);
        var slot = await WithDbAsync(db => db.Crews.Where(c => c.Id == crewId).Select(c => new { c.SlotDay, c.SlotTime, c.Cadence }).SingleAsync());
        Assert.Equal((DayOfWeek.Tuesday, new TimeOnly(19, 0), Data.Crews.CrewCadence.Fortnightly), (slot.SlotDay, slot.SlotTime, slot.Cadence));
        Assert.Equal((0, 0), (await WithDbAsync(db => db.GatheringEvents.CountAsync()), await WithDbAsync(db => db.FoundTimes.CountAsync())));
        var (_, again) = await people["ben"].GetAsync(time);
        Assert.Contains("The crew meets every two weeks on Tuesdays at 19:00 (Asia/Tokyo).", again.QuerySelector("#crew-time")!.TextContent);
        Assert.Null(again.QuerySelector("#found"));

        // A forged slot outside the week is refused on the page, and the slot stays.
        var (forged, forgedPage) = await people["cy"].SubmitAsync(time, new Dictionary<string, string> { ["Slot"] = "168" }, "Confirm");
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Choose one of the proposed times.", forgedPage.QuerySelector("#slot-error")!.TextContent);
    }

    [Fact]
    public async Task WorkingGroup_MembersMark_StarterConfirms_CongregationSeesTheSeries_OthersCannotConfirmOrSeeThePage()
    {
        var congregation = await Features.Congregations.CongregationTestKit.CreateAsync(people["ada"], "Harbour Commons", "Open");
        foreach (var name in new[] { "ben", "cy", "dee" })
        {
            await people[name].SubmitAsync(congregation, new Dictionary<string, string>(), handler: "Join");
        }
        var (started, _) = await people["ben"].SubmitAsync($"{congregation}/working-groups", new Dictionary<string, string>
        {
            ["Name"] = "Spring gathering team",
            ["Purpose"] = "Find a venue and plan the spring gathering.",
            ["EndsOn"] = DateTime.UtcNow.AddMonths(3).ToString("yyyy-MM-dd"),
        }, "Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var groupId = await WithDbAsync(db => db.WorkingGroups.Where(g => g.Name == "Spring gathering team").Select(g => g.Id).SingleAsync());
        var (_, list) = await people["ben"].GetAsync($"{congregation}/working-groups");
        var time = list.QuerySelector($"a[href$='{groupId}/time']")!.GetAttribute("href")!;
        await people["cy"].SubmitAsync($"{congregation}/working-groups", new Dictionary<string, string> { ["GroupId"] = groupId.ToString() }, "Join");

        // Dee is in the congregation but not the group, and does not host it: nothing to see.
        Assert.Equal(HttpStatusCode.NotFound, (await people["dee"].Http.GetAsync(time)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await people["ben"].Http.GetAsync(time.Replace("harbour-commons", "elsewhere"))).StatusCode);

        await MarkAsync(people["ben"], time, "Etc/UTC", 3 * 24 + 17, 3 * 24 + 18);
        await MarkAsync(people["cy"], time, "America/Bogota", 3 * 24 + 12, 3 * 24 + 13);
        // Cy is a member, not the starter: the best times, without a button to confirm; a forged post is refused.
        var (_, cyPage) = await people["cy"].GetAsync(time);
        Assert.Contains("Thursday 17:00–19:00", cyPage.QuerySelector(".proposals li")!.TextContent);
        Assert.Null(cyPage.QuerySelector(".proposals button"));
        var (forged, forgedPage) = await people["cy"].SubmitAsync(time, new Dictionary<string, string> { ["Slot"] = (3 * 24 + 17).ToString() }, "Confirm");
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Whoever started the working group, or a host of the congregation, confirms its time.", forgedPage.QuerySelector("main")!.TextContent);
        Assert.Equal(0, await WithDbAsync(db => db.FoundTimes.CountAsync()));
        // Ada hosts the congregation: she may open the page and confirm; Ben started the group and confirms.
        var (_, adaPage) = await people["ada"].GetAsync(time);
        Assert.NotNull(adaPage.QuerySelector(".proposals button"));
        Assert.Null(adaPage.QuerySelector("form[action*='handler=Mark']"));
        var (confirmed, _) = await people["ben"].SubmitAsync(time, new Dictionary<string, string> { ["Slot"] = (3 * 24 + 17).ToString(), ["Rhythm"] = "Weekly" }, "Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var eventId = IdFrom(confirmed.Headers.Location!.OriginalString);
        var e = await WithDbAsync(db => db.GatheringEvents.SingleAsync(x => x.Id == eventId));
        Assert.Equal((EventScale.Congregation, EventVisibility.CongregationOnly, "Etc/UTC", "FREQ=WEEKLY"), (e.Scale, e.Visibility, e.TimeZone, e.Recurrence));
        Assert.Equal(HttpStatusCode.OK, (await people["dee"].Http.GetAsync($"/gatherings/{eventId}")).StatusCode); // the congregation sees it
        Assert.Equal(HttpStatusCode.NotFound, (await hub.NewClient().Http.GetAsync($"/gatherings/{eventId}")).StatusCode);
        Assert.Equal(1, await WithDbAsync(db => db.FoundTimes.CountAsync()));

        // Once a month, like crews: the same weekday in the same week of each month (a fifth becomes the last).
        var (_, offered) = await people["ben"].GetAsync(time);
        Assert.Equal(["Weekly", "Fortnightly", "Monthly"], offered.QuerySelectorAll("input[name=Rhythm]").Select(i => i.GetAttribute("value")));
        var (monthly, _) = await people["ben"].SubmitAsync(time, new Dictionary<string, string> { ["Slot"] = (3 * 24 + 17).ToString(), ["Rhythm"] = "Monthly" }, "Confirm");
        Assert.Equal(HttpStatusCode.Redirect, monthly.StatusCode);
        var series = await WithDbAsync(db => db.GatheringEvents.SingleAsync(x => x.Id == IdFrom(monthly.Headers.Location!.OriginalString) && x.CancelledAt == null));
        Assert.StartsWith("FREQ=MONTHLY;BYDAY=", series.Recurrence);
        var dates = EventSchedule.RuleStarts(series, series.StartsAt.AddMonths(13)).Take(12).ToList();
        Assert.Equal(12, dates.Count);
        var week = (series.StartsAt.Day - 1) / 7;
        foreach (var (date, i) in dates.Select((d, i) => (d, i)))
        {
            Assert.Equal((DayOfWeek.Thursday, 17), (date.DayOfWeek, date.Hour));
            Assert.Equal(series.StartsAt.AddMonths(i).Month, date.Month);
            Assert.True(week == 4 ? date.AddDays(7).Month != date.Month : (date.Day - 1) / 7 == week, $"{date:d MMM} is not in week {week + 1} of its month");
        }
        var (_, confirmedMonthly) = await people["cy"].GetAsync(time);
        Assert.Contains("Confirmed: once a month (the same weekday of the month) on Thursday at 17:00", confirmedMonthly.QuerySelector("#found")!.TextContent);
        Assert.Equal("FREQ=MONTHLY;BYDAY=-1TU", ConfirmFoundTime.RuleOf(FoundRhythm.Monthly, new NodaTime.LocalDate(2026, 12, 29)));
        Assert.Equal("FREQ=MONTHLY;BYDAY=+4TU", ConfirmFoundTime.RuleOf(FoundRhythm.Monthly, new NodaTime.LocalDate(2026, 12, 22)));
        Assert.Equal("FREQ=MONTHLY;BYDAY=+1SU", ConfirmFoundTime.RuleOf(FoundRhythm.Monthly, new NodaTime.LocalDate(2026, 12, 6)));
    }

    [Fact]
    public async Task Overlap_MemberKeepsTheirProfileHoursForOnlyMe_OthersSeeTheSameAsWithoutThem()
    {
        var crew = await CallCrewAsync("Weekly");
        var time = $"{crew}/time";
        async Task<(string CrewPage, string FindATime)> CySeesAsync()
        {
            var (_, crewPage) = await people["cy"].GetAsync(crew);
            var (_, findPage) = await people["cy"].GetAsync(time);
            return (crewPage.QuerySelector("#slot")!.ParentElement!.TextContent, findPage.QuerySelector("#overlap")!.ParentElement!.TextContent);
        }
        var before = await CySeesAsync();
        Assert.Contains("Tuesday 19:00–21:00", before.CrewPage); // Ada's profile hours, shared with her groups
        Assert.Contains("2 of 3 members have not shared their hours", before.CrewPage);

        // Ben ticks Tuesday 10:00 UTC (19:00 in Tokyo) on his profile and keeps it for himself.
        await WithDbAsync(async db =>
        {
            var ben = await db.Profiles.SingleAsync(p => p.UserId == ids["ben"]);
            (ben.Availability, ben.AvailabilityVisibility) = (AvailabilityOverlap.FromHours([24 + 10]), Visibility.OnlyMe);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(before, await CySeesAsync());
        var (_, benPage) = await people["ben"].GetAsync(time);
        Assert.Contains("which you keep to yourself", benPage.QuerySelector("#mine")!.ParentElement!.TextContent);

        // Ticked for this crew on finding a time, the same hour is his to share: now it counts.
        Assert.Equal(HttpStatusCode.Redirect, (await MarkAsync(people["ben"], time, "Etc/UTC", 24 + 10)).Response.StatusCode);
        var shared = await CySeesAsync();
        Assert.Contains("Tuesday 19:00–20:00", shared.CrewPage);
        Assert.Contains("1 of 3 members has not shared their hours", shared.CrewPage);
        Assert.Contains("2 of 3 members have given their hours", shared.FindATime);
    }

    private static Guid IdFrom(string path) => Guid.Parse(path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1].Split('?')[0]);
}
