using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

/// <summary>
/// The care view on a congregation seeded with every case it names: members in and out of crews, a newcomer past
/// four weeks and one still within them, a crew ending its term, a crew gone quiet, someone seen at a gathering;
/// and the kind note sent from its rows.
/// </summary>
/// <remarks>
/// One hub for the class: each test makes its own host, members and congregation (with addresses no other
/// test uses), so the tests do not see each other.
/// </remarks>
public sealed class CareViewTests(SharedHub shared) : IClassFixture<SharedHub>, IAsyncLifetime
{
    private const string Password = "keeper of the fire";
    private const string Secret = "PRIVATE-WORDS-NOBODY-ELSE-READS";
    private readonly HubFactory hub = shared.Hub;
    private readonly Dictionary<string, string> emails = [];
    private FormClient host = null!;
    private string slug = "";
    private readonly Dictionary<string, string> ids = [];
    private DateTime now;

    public async Task InitializeAsync()
    {
        now = DateTime.UtcNow;
        emails["hana"] = Unique.Email("hana");
        var hana = await hub.CreatePersonAsync(emails["hana"], Password, name: "Hana Host");
        ids["hana"] = hana.Id;
        host = await hub.SignedInClientAsync(emails["hana"], Password);
        slug = SlugOf(await CreateAsync(host, "Careful Commons"));

        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var congregationId = await db.Congregations.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
        foreach (var (name, days) in new[] { ("ana", 200), ("ben", 300), ("cai", 100), ("dee", 40), ("eli", 10), ("fay", 400) })
        {
            emails[name] = Unique.Email(name);
            var person = await hub.CreatePersonAsync(emails[name], Password, name: $"{char.ToUpperInvariant(name[0])}{name[1..]} Care");
            ids[name] = person.Id;
            await JoinCongregation.AddMemberAsync(db, congregationId, person.Id, now.AddDays(-days), default);
        }
        await db.SaveChangesAsync();

        Crew Crew(string name, int createdDaysAgo, params string[] members)
        {
            var crew = new Crew
            {
                Id = Guid.NewGuid(),
                Name = name,
                Purpose = "Peer coaching.",
                CongregationId = congregationId,
                CallerUserId = ids[members[0]],
                Stage = CrewStage.Meeting,
                JoinedCount = members.Length,
                CreatedAt = now.AddDays(-createdDaysAgo)
            };
            for (var i = 0; i < members.Length; i++)
            {
                crew.Members.Add(new CrewMember
                {
                    Id = Guid.NewGuid(),
                    UserId = ids[members[i]],
                    Status = CrewMemberStatus.Joined,
                    Position = i,
                    InvitedAt = crew.CreatedAt,
                    JoinedAt = crew.CreatedAt
                });
            }
            db.Crews.Add(crew);
            return crew;
        }
        void Meetings(Crew crew, int firstDaysAgo)
        {
            for (var n = 0; n < crew.MeetingsPerTerm; n++)
            {
                crew.Meetings.Add(new CrewMeeting
                {
                    Id = Guid.NewGuid(),
                    Term = 1,
                    Number = n + 1,
                    StartsAt = now.AddDays(-firstDaysAgo + 7 * n),
                    HostUserId = crew.CallerUserId,
                    FocusUserId = crew.CallerUserId,
                    Notes = n == 0 ? $"{Secret} in the notes" : ""
                });
            }
        }
        Meetings(Crew("Steady crew", 20, "hana", "ana"), 14);      // met a week ago, term ends in three weeks
        Meetings(Crew("Ending crew", 35, "ben"), 30);               // the term's last meeting in five days
        Meetings(Crew("Quiet crew", 80, "cai"), 75);                // the last meeting forty days ago
        // Fay was in a crew from 200 to 100 days ago, and stepped out at its retrospective.
        var past = Crew("Old crew", 200, "fay");
        past.CongregationId = null; // a crew that stands on its own counts as much
        past.Members[0].Status = CrewMemberStatus.Left;
        past.Members[0].LeftAt = now.AddDays(-100);
        db.RetrospectiveAnswers.Add(new RetrospectiveAnswer
        {
            Id = Guid.NewGuid(),
            CrewId = past.Id,
            Term = 1,
            UserId = ids["fay"],
            WhatWorked = Secret,
            WhatDidNot = Secret,
            Choice = RetrospectiveChoice.Leave,
            AnsweredAt = now.AddDays(-100)
        });
        db.JournalEntries.Add(new JournalEntry { Id = Guid.NewGuid(), UserId = ids["dee"], Text = $"{Secret} in a journal", WrittenAt = now });

        // Ana said she was going to a gathering of the congregation held earlier this year.
        var yearStart = new DateTime(now.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var held = yearStart + (now - yearStart) / 2;
        var gathering = new GatheringEvent
        {
            Id = Guid.NewGuid(),
            Title = "Spring gathering",
            Kind = EventKind.Gathering,
            Scale = EventScale.Congregation,
            CongregationId = congregationId,
            StartsAt = held,
            EndsAt = held.AddHours(3),
            TimeZone = "Etc/UTC",
            CreatedByUserId = ids["hana"],
            CreatedAt = held.AddDays(-30),
            UpdatedAt = held.AddDays(-30)
        };
        db.GatheringEvents.Add(gathering);
        db.Rsvps.Add(new Rsvp
        {
            Id = Guid.NewGuid(),
            EventId = gathering.Id,
            UserId = ids["ana"],
            Status = RsvpStatus.Going,
            Answers = $"{Secret} in an answer",
            CreatedAt = held.AddDays(-3),
            UpdatedAt = held.AddDays(-3)
        });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static List<string> Names(IHtmlDocument page, string section) =>
        [.. page.QuerySelectorAll($"section[aria-labelledby={section}] tbody tr td:first-child").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task CareView_SeededCongregation_ShowsEachFigure()
    {
        var (response, page) = await host.GetAsync($"/congregations/{slug}/care");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Hana, Ana, Ben and Cai are in a crew; Dee, Eli and Fay are not.
        Assert.Equal("57%", page.QuerySelector(".big-share strong")!.TextContent);
        Assert.Contains("4 of 7", page.QuerySelector(".big-share")!.TextContent);
        Assert.Equal(["Fay Care", "Dee Care", "Eli Care"], Names(page, "without"));
        Assert.Equal(["Dee Care"], Names(page, "newcomers")); // Eli joined ten days ago: not yet four weeks
        Assert.Equal(["Ending crew"], Names(page, "ending"));
        Assert.Equal(["Quiet crew"], Names(page, "quiet"));
        Assert.Equal(["Fay Care", "Ben Care", "Cai Care", "Dee Care", "Eli Care", "Hana Host"], Names(page, "not-seen"));

        // The trend: at the end of the month 150 days ago, Fay was in her old crew; Ana, Ben and Fay were members.
        var month = now.AddDays(-150);
        var row = page.QuerySelectorAll(".care-share details tbody tr")
            .Single(tr => tr.Children[0].TextContent == month.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["1", "3", "33%"], row.Children.Skip(1).Select(td => td.TextContent).ToArray());
        var rows = page.QuerySelectorAll(".care-share details tbody tr");
        Assert.Equal(12, rows.Length);
        Assert.Equal(["4", "7", "57%"], rows[^1].Children.Skip(1).Select(td => td.TextContent).ToArray());

        // Counts and names only: no note, retrospective, journal or answer anyone wrote.
        Assert.DoesNotContain(Secret, host.LastHtml);
    }

    [Fact]
    public async Task Nudge_FromARow_ArrivesAsNoticeAndEmail_AndNotTwiceInAWeek()
    {
        var (_, care) = await host.GetAsync($"/congregations/{slug}/care");
        var link = care.QuerySelectorAll("section[aria-labelledby=newcomers] a").Single(a => a.TextContent == "Write to Dee Care").GetAttribute("href")!;
        var (_, form) = await host.GetAsync(link);
        var prepared = form.QuerySelector("#message")!.TextContent;
        Assert.Contains("It's Hana Host, one of the hosts of Careful Commons", prepared);
        Assert.DoesNotContain(Secret, host.LastHtml);

        var (empty, emptyPage) = await host.SubmitAsync(link, new Dictionary<string, string> { ["Message"] = "   " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Write a few words", emptyPage.QuerySelector("#message-error")!.TextContent);

        var note = "Dee, a few of us are calling a crew about freelance work.\n\nYou would be very welcome; no need to answer.";
        var (sent, _) = await host.SubmitAsync(link, new Dictionary<string, string> { ["Message"] = note });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/congregations/{slug}/care", sent.Headers.Location!.OriginalString);
        var (_, after) = await host.GetAsync($"/congregations/{slug}/care");
        Assert.Contains("Sent.", after.QuerySelector(".notice.ok")!.TextContent);
        Assert.Contains("had a note on", after.QuerySelector("section[aria-labelledby=newcomers] tbody")!.TextContent);

        var email = await hub.Smtp!.WaitForAsync(emails["dee"], "A note from Hana Host");
        Assert.Contains("a few of us are calling a crew about freelance work", email.TextBody);
        Assert.Contains("/me/pathway", email.TextBody);
        var dee = await hub.SignedInClientAsync(emails["dee"], Password);
        var (_, notices) = await dee.GetAsync("/me/notifications");
        Assert.Contains("A note from Hana Host, a host of Careful Commons", notices.QuerySelector("main")!.TextContent);

        // Again within the week: the page says when the host may write again, and a note posted anyway is refused.
        var (_, waiting) = await host.GetAsync(link);
        Assert.Null(waiting.QuerySelector("#message"));
        Assert.Contains("in the last seven days", waiting.QuerySelector(".notice.warn")!.TextContent);
        var (again, againPage) = await host.PostAsync(link, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = waiting.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Why"] = "newcomer",
            ["Person"] = ids["dee"],
            ["Message"] = "Another note.",
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("in the last seven days", againPage.QuerySelector(".notice.error")!.TextContent);
        await hub.DrainOutboxAsync();
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.UserId == ids["dee"] && n.Kind == "congregation.nudge"));
        Assert.Single(hub.Smtp!.Messages(), m => m.To.ToString().Contains(emails["dee"]) && (m.Subject ?? "").Contains("A note from"));
    }

    [Fact]
    public async Task Nudge_ToAQuietCrew_ReachesItsMembers()
    {
        var (_, care) = await host.GetAsync($"/congregations/{slug}/care");
        var link = care.QuerySelectorAll("section[aria-labelledby=quiet] a").Single(a => a.TextContent == "Write to Quiet crew").GetAttribute("href")!;
        var (_, form) = await host.GetAsync(link);
        Assert.Contains("Quiet crew hasn't met for a month", form.QuerySelector("#message")!.TextContent);
        var (sent, _) = await host.SubmitAsync(link, new Dictionary<string, string> { ["Message"] = form.QuerySelector("#message")!.TextContent });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var email = await hub.Smtp!.WaitForAsync(emails["cai"], "A note from Hana Host");
        Assert.Contains("/crews/", email.TextBody);
        var (_, after) = await host.GetAsync($"/congregations/{slug}/care");
        Assert.Contains("everyone had a note this week", after.QuerySelector("section[aria-labelledby=quiet]")!.TextContent);
    }

    [Fact]
    public async Task Pathway_WithoutACrew_OffersTheWaysIn_AndWithOne_TheNextStep()
    {
        var dee = await hub.SignedInClientAsync(emails["dee"], Password);
        var (_, page) = await dee.GetAsync("/me/pathway");
        var step = page.QuerySelector(".next-step")!;
        Assert.Contains("Your next step: a crew", step.TextContent);
        Assert.Contains($"/crews/new?congregation={slug}", step.InnerHtml);
        Assert.DoesNotContain(Secret, dee.LastHtml); // not even her own journal: the pathway is about experiences, not words

        var ana = await hub.SignedInClientAsync(emails["ana"], Password);
        var (_, hers) = await ana.GetAsync("/me/pathway");
        Assert.Contains("Your next step: host a meeting", hers.QuerySelector(".next-step")!.TextContent);
        Assert.Contains("Steady crew", hers.QuerySelector(".next-step")!.TextContent);
    }

    [Fact]
    public async Task CarePages_WithEverySectionFilled_AreValidHtml()
    {
        var pages = new Dictionary<string, string>();
        var (_, care) = await host.GetAsync($"/congregations/{slug}/care");
        pages["care"] = host.LastHtml;
        var person = care.QuerySelectorAll("section[aria-labelledby=without] a").Single(a => a.TextContent == "Write to Eli Care").GetAttribute("href")!;
        var crew = care.QuerySelectorAll("section[aria-labelledby=ending] a").Single(a => a.TextContent == "Write to Ending crew").GetAttribute("href")!;
        await host.GetAsync(person);
        pages["nudge a person"] = host.LastHtml;
        await host.GetAsync(crew);
        pages["nudge a crew"] = host.LastHtml;
        await host.SubmitAsync(person, new Dictionary<string, string> { ["Message"] = "" });
        pages["nudge with errors"] = host.LastHtml;
        await host.SubmitAsync(person, new Dictionary<string, string> { ["Message"] = "Eli, come along to the next gathering?" });
        await host.GetAsync(person);
        pages["nudge sent this week"] = host.LastHtml;
        await host.GetAsync($"/congregations/{slug}/care");
        pages["care after a note"] = host.LastHtml;
        var eli = await hub.SignedInClientAsync(emails["eli"], Password);
        await eli.GetAsync("/me/pathway");
        pages["pathway without a crew"] = eli.LastHtml;

        pages["control"] = "<!DOCTYPE html><html lang=en><title>x</title><p><div></p>";
        var errors = await NuHtmlChecker.ErrorsAsync(pages);
        Assert.Contains(errors, e => e.StartsWith("control:", StringComparison.Ordinal));
        var real = errors.Where(e => !e.StartsWith("control:", StringComparison.Ordinal)).ToList();
        Assert.True(real.Count == 0, string.Join("\n", real));
    }
}
