using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

/// <summary>Places hold under a crowd, on whichever database the suite runs on (it runs on both).</summary>
public sealed class ConcurrentAnswerTests : IAsyncLifetime
{
    private HubFactory hub = null!;

    public async Task InitializeAsync() =>
        hub = await HubFactory.StartAsync(s =>
        {
            s["Hub:PublicUrl"] = "http://hub.test";
            // 200 answers queue for 50 connections: enough contention, and room for the suite's other classes.
            if (s.TryGetValue("ConnectionStrings:Hub", out var pg) && !string.IsNullOrEmpty(pg))
            {
                s["ConnectionStrings:Hub"] = pg + ";Maximum Pool Size=50";
            }
        }, smtp: false);

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task Answer_200PeopleAtOnceFor50Places_Exactly50GoAndTheRestWaitInArrivalOrder()
    {
        var ids = Enumerable.Range(0, 200).Select(i => $"crowd-{i:000}").ToList();
        Guid eventId;
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            db.Users.AddRange(ids.Select(id => new HubUser
            {
                Id = id,
                UserName = $"{id}@test.example",
                NormalizedUserName = $"{id}@TEST.EXAMPLE",
                Email = $"{id}@test.example",
                NormalizedEmail = $"{id}@TEST.EXAMPLE",
                EmailConfirmed = true,
                DisplayName = id,
                CreatedAt = DateTime.UtcNow,
                SecurityStamp = Guid.NewGuid().ToString(),
            }));
            db.Users.Add(new HubUser { Id = "host", UserName = "host@test.example", Email = "host@test.example", DisplayName = "Host", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            var date = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd");
            var admin = new Viewer("host", true, true, new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>(), null);
            var (outcome, id) = await scope.ServiceProvider.GetRequiredService<CreateEvent>().RunAsync(admin, new EventInput(
                EventScale.Network, null, null, "Summer camp", "", EventKind.Camp, EventVisibility.Public, false, "Camp ground, Lake Vänern", "",
                date, "10:00", "", "18:00", "Europe/Stockholm", "", 50, false, "", AttendeeListVisibility.HostsOnly));
            Assert.True(outcome.Succeeded, outcome.Message);
            eventId = id!.Value;
        }

        var gate = new TaskCompletionSource();
        var answers = ids.Select(async userId =>
        {
            await gate.Task;
            using var scope = hub.Services.CreateScope();
            var person = new Viewer(userId, false, false, new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>(), null);
            var result = await scope.ServiceProvider.GetRequiredService<AnswerEvent>().RunAsync(person, eventId, null, RsvpStatus.Going);
            Assert.True(result.Outcome.Succeeded, result.Outcome.Message);
            return result.Status;
        }).ToList();
        gate.SetResult();
        var statuses = await Task.WhenAll(answers);

        Assert.Equal(50, statuses.Count(s => s == RsvpStatus.Going));
        Assert.Equal(150, statuses.Count(s => s == RsvpStatus.Waitlisted));
        using var check = hub.Services.CreateScope();
        var db2 = check.ServiceProvider.GetRequiredService<HubDbContext>();
        var occurrence = await db2.EventOccurrences.SingleAsync(o => o.EventId == eventId);
        Assert.Equal(50, occurrence.GoingCount);
        Assert.Equal(200, occurrence.Arrivals);
        var rsvps = await db2.Rsvps.Where(r => r.EventId == eventId).ToListAsync();
        Assert.Equal(200, rsvps.Count);
        // Arrival numbers are 1..200 without gaps or repeats; the first 50 arrivals hold the places.
        Assert.Equal(Enumerable.Range(1, 200), rsvps.Select(r => r.Arrival).Order());
        Assert.Equal(Enumerable.Range(1, 50), rsvps.Where(r => r.Status == RsvpStatus.Going).Select(r => r.Arrival).Order());
        Assert.Equal(Enumerable.Range(51, 150), rsvps.Where(r => r.Status == RsvpStatus.Waitlisted).Select(r => r.Arrival).Order());
        Assert.Equal(50, await db2.OutgoingEmails.CountAsync(m => m.Subject.StartsWith("You are going")));

        // One leaves: arrival 51 takes the place, and only that one.
        var leaving = rsvps.First(r => r.Status == RsvpStatus.Going).UserId;
        var result = await check.ServiceProvider.GetRequiredService<AnswerEvent>().RunAsync(
            new Viewer(leaving, false, false, new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>(), null), eventId, null, RsvpStatus.CantGo);
        Assert.True(result.Outcome.Succeeded);
        var after = await db2.Rsvps.AsNoTracking().Where(r => r.EventId == eventId && r.Status == RsvpStatus.Going).Select(r => r.Arrival).ToListAsync();
        Assert.Equal(50, after.Count);
        Assert.Contains(51, after);
        Assert.Equal(1, await db2.OutgoingEmails.CountAsync(m => m.Subject.StartsWith("A place opened")));
    }
}
