using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

public sealed class ReminderTests : IAsyncLifetime
{
    private HubFactory hub = null!;

    public async Task InitializeAsync() =>
        hub = await HubFactory.StartAsync(s => (s["Hub:PublicUrl"], s["Gatherings:ReminderCheckInterval"]) = ("http://hub.test", "01:00:00"), smtp: false);

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private static Viewer Person(string id, bool admin = false) => new(id, admin, true, new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>(), null);

    private async Task<int> RunAtAsync(DateTime now)
    {
        // A new scope each time, as after a restart: everything the job knows is in the database.
        using var scope = hub.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SendReminders>().RunAsync(now);
    }

    [Fact]
    public async Task Run_AtEachMomentAndTwiceAtOnce_SendsEachReminderOnceAsEachPersonPrefers()
    {
        DateTime start;
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            foreach (var id in new[] { "host", "ana", "ben", "cy" })
            {
                db.Users.Add(new HubUser { Id = id, UserName = $"{id}@test.example", Email = $"{id}@test.example", DisplayName = id, CreatedAt = DateTime.UtcNow });
            }
            db.ReminderPreferences.Add(new ReminderPreference { UserId = "ben", DayBefore = false, HourBefore = true });
            await db.SaveChangesAsync();
            var create = scope.ServiceProvider.GetRequiredService<CreateEvent>();
            var date = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd");
            EventInput Input(string title, string rule) => new(EventScale.Network, null, null, title, "", EventKind.Gathering, EventVisibility.Public, false, "Town hall",
                "", date, "18:00", "", "20:00", "Europe/Lisbon", rule, null, false, "", AttendeeListVisibility.HostsOnly);
            var (_, single) = await create.RunAsync(Person("host", admin: true), Input("Autumn gathering", ""));
            var (_, weekly) = await create.RunAsync(Person("host", admin: true), Input("Weekly crew", "FREQ=WEEKLY"));
            var answer = scope.ServiceProvider.GetRequiredService<AnswerEvent>();
            Assert.True((await answer.RunAsync(Person("ana"), single!.Value, null, RsvpStatus.Going)).Outcome.Succeeded);
            Assert.True((await answer.RunAsync(Person("ben"), single.Value, null, RsvpStatus.Going)).Outcome.Succeeded);
            Assert.True((await answer.RunAsync(Person("cy"), weekly!.Value, null, RsvpStatus.Going)).Outcome.Succeeded); // the whole series
            start = (await db.GatheringEvents.SingleAsync(e => e.Id == single.Value)).StartsAt;
        }

        Assert.Equal(0, await RunAtAsync(start.AddHours(-25)));
        Assert.Equal(2, await RunAtAsync(start.AddHours(-23))); // ana and cy a day before; ben only wants the hour
        Assert.Equal(0, await RunAtAsync(start.AddHours(-22)));
        // Two nodes at the same moment: each reminder is claimed once.
        var both = await Task.WhenAll(RunAtAsync(start.AddMinutes(-30)), RunAtAsync(start.AddMinutes(-30)));
        Assert.Equal(3, both.Sum());
        Assert.Equal(0, await RunAtAsync(start.AddMinutes(-10)));
        Assert.Equal(0, await RunAtAsync(start.AddMinutes(1)));

        using var check = hub.Services.CreateScope();
        var mail = await check.ServiceProvider.GetRequiredService<HubDbContext>().OutgoingEmails.AsNoTracking()
            .Where(m => m.Subject.StartsWith("Tomorrow") || m.Subject.StartsWith("In an hour")).Select(m => new { m.ToAddress, m.Subject }).ToListAsync();
        Assert.Equal(5, mail.Count);
        Assert.Equal(2, mail.Count(m => m.ToAddress == "ana@test.example"));
        Assert.Equal("In an hour: Autumn gathering", Assert.Single(mail, m => m.ToAddress == "ben@test.example").Subject);
        Assert.Equal(["In an hour: Weekly crew", "Tomorrow: Weekly crew"], mail.Where(m => m.ToAddress == "cy@test.example").Select(m => m.Subject).Order());
    }
}
