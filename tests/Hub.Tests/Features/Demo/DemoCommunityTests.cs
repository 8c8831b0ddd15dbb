using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;

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
        Assert.Equal(6, await db.CrewMeetings.CountAsync());
        // Every scale is in use: selves with profiles and free hours, a running dyad, a working group.
        Assert.Equal(10, await db.Profiles.CountAsync());
        Assert.True(await db.Profiles.CountAsync(p => p.Availability.Contains("1")) >= 8);
        Assert.Equal(1, await db.Dyads.CountAsync(d => d.Status == Microsolidarity.Hub.Data.Dyads.DyadStatus.Active));
        Assert.Equal(1, await db.WorkingGroups.CountAsync());
        Assert.Equal(0, await db.JournalEntries.CountAsync());

        var (_, directory) = await hub.NewClient().GetAsync("/congregations");
        Assert.Equal(2, directory.QuerySelectorAll(".card-list > li").Length);
    }
}
