using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Handbook;

namespace Microsolidarity.Hub.Tests.Features.Demo;

public sealed class DemoCommunityTests
{
    [Fact]
    public async Task FirstStart_WithDemo_SeedsInventedPeopleAndCongregationsNeverHostedAlone()
    {
        await using var hub = await HubFactory.StartAsync(s => s["Hub:SeedDemo"] = "true", smtp: false);
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        Assert.Equal(10, await db.Users.CountAsync(u => u.IsDemo));
        Assert.All(await db.Users.Where(u => u.IsDemo).Select(u => u.Email!).ToListAsync(), e => Assert.EndsWith(".example", e));
        var congregations = await db.Congregations.Select(c => new { c.Slug, Hosts = db.Memberships.Count(m => m.CongregationId == c.Id && m.IsHost) }).ToListAsync();
        Assert.Equal(2, congregations.Count);
        Assert.All(congregations, c => Assert.True(c.Hosts >= 2, $"{c.Slug} is hosted by {c.Hosts}"));
        Assert.Equal(1, await db.JoinRequests.CountAsync());
        Assert.Equal(2, await db.Crews.CountAsync());
        Assert.Equal(18, await db.CrewMeetings.CountAsync()); // the running crew's two terms, and the six the closed crew held
        // Riverside's care view has people in a crew and people still without one, and a trend with more than today in it.
        var riverside = await db.Congregations.Where(c => c.Slug == "riverside").Select(c => c.Id).SingleAsync();
        var care = await scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Features.Congregations.Care.ReadCare>().RunAsync(riverside, default);
        Assert.True(care.InACrew > 0 && care.WithoutCrew.Count > 0 && care.Newcomers.Count > 0, $"{care.InACrew} in a crew, {care.WithoutCrew.Count} without");
        Assert.Contains(care.Trend.SkipLast(2), m => m.InACrew > 0);
        // Every scale is in use: selves with profiles and free hours, a running dyad, a working group.
        Assert.Equal(10, await db.Profiles.CountAsync());
#pragma warning disable CA1847 // a query the database answers: a one-letter string translates everywhere
        Assert.True(await db.Profiles.CountAsync(p => p.Availability.Contains("1")) >= 8);
#pragma warning restore CA1847
        Assert.Equal(1, await db.Dyads.CountAsync(d => d.Status == Microsolidarity.Hub.Data.Dyads.DyadStatus.Active));
        Assert.Equal(1, await db.WorkingGroups.CountAsync());
        Assert.Equal(0, await db.JournalEntries.CountAsync());
        // Two open calls in Riverside, one with a request waiting for its caller's answer.
        var now = DateTime.UtcNow;
        var calls = await db.CrewCalls.Where(c => c.State == Microsolidarity.Hub.Data.Crews.CrewCallState.Open && c.ClosesAt > now)
            .Select(c => new { Slug = db.Congregations.Single(g => g.Id == c.CongregationId).Slug, Waiting = c.Requests.Count(r => r.State == Microsolidarity.Hub.Data.Crews.CrewCallRequestState.Waiting) })
            .ToListAsync();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal("riverside", c.Slug));
        Assert.Equal([0, 1], calls.Select(c => c.Waiting).Order());
        // Riverside's hosts invite rather than assign: Noor to host with them, Pilar to be a Partner, both waiting for an answer.
        var offers = await db.MembershipOffers.Where(o => o.Status == Microsolidarity.Hub.Data.Congregations.OfferStatus.Waiting)
            .OrderBy(o => o.User.Email).Select(o => new { o.User.Email, o.Kind, Level = o.LevelId == null ? null : db.MembershipLevels.Single(l => l.Id == o.LevelId).Name }).ToListAsync();
        Assert.Equal([("noor@demo.hub.example", "Host", null), ("pilar@demo.hub.example", "Level", "Partner")],
            offers.Select(o => (o.Email!, o.Kind.ToString(), o.Level)));

        var (_, directory) = await hub.NewClient().GetAsync("/congregations");
        Assert.Equal(2, directory.QuerySelectorAll(".card-list > li").Length);

        // A first start shows a handbook: the demo's own, in GitBook format, imported like any other, with no problem.
        var import = await db.HandbookImports.SingleAsync();
        Assert.True(import.Succeeded && import.ProblemCount == 0, import.Problems);
        Assert.Equal("first start", import.Trigger);
        var pages = await db.HandbookPages.ToListAsync();
        Assert.True(pages.Count >= 12, $"{pages.Count} pages");
        Assert.True(pages.Count(p => p.Author is { Length: > 0 }) >= 12);
        var reader = hub.NewClient();
        var (_, scales) = await reader.GetAsync("/handbook/scales");
        var diagram = scales.QuerySelector(".prose img[src$='nested-scales.svg']");
        Assert.NotNull(diagram);
        Assert.Contains("nested circles", diagram.GetAttribute("alt"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("image/svg+xml", (await reader.Http.GetAsync(diagram.GetAttribute("src"))).Content.Headers.ContentType?.MediaType);
        Assert.Contains("Text by Tomas Brightwater,", scales.QuerySelector(".page-footer")?.TextContent);
        var (_, crews) = await reader.GetAsync("/handbook/crews");
        Assert.NotNull(crews.QuerySelector(".prose .callout-info[role=note]"));
        var (_, about) = await reader.GetAsync("/handbook/about");
        Assert.NotNull(about.QuerySelector(".prose figure.embed-video[data-embed-src]"));
        Assert.Contains("Text by The hosts of the demo community,", about.QuerySelector(".page-footer")?.TextContent);

        // The admin page offers the practice's full handbook from git: a link fills in the form; nothing is imported until asked.
        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
        var (_, adminPage) = await admin.GetAsync("/admin/handbook");
        var offer = adminPage.QuerySelector("section.suggestion a[href*='suggested=']")?.GetAttribute("href");
        Assert.NotNull(offer);
        var (_, filled) = await admin.GetAsync(offer);
        Assert.Equal("https://github.com/microsolidarity/handbook.git", filled.QuerySelector("#Input_Source")?.GetAttribute("value"));
        Assert.Equal("Microsolidarity", filled.QuerySelector("#Input_Title")?.GetAttribute("value"));
        Assert.Null(filled.QuerySelector("section.suggestion"));
        Assert.Equal(1, await db.HandbookImports.CountAsync());

        // The demo's handbook is replaced without a second question (another handbook's removals would need one).
        var sample = Handbook.SampleHandbook.Write();
        var replaced = await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(sample);
        Directory.Delete(sample, recursive: true);
        Assert.True(replaced.Succeeded, replaced.Problems);
        Assert.Equal(pages.Count - 1, replaced.PagesRemoved); // all but README.md, which both have
    }
}
