using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Crews;

/// <summary>The day-before reminder and the "retrospective is open" notice: each once per member, however often the job runs.</summary>
public sealed class CrewReminderTests : IAsyncLifetime
{
    private const string Password = "rain on a tin roof";
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];

    public async Task InitializeAsync()
    {
        // The scheduler stays quiet; the test runs the job itself, twice, to see that nothing goes twice.
        hub = await HubFactory.StartAsync(s => s["Crews:ReminderCheckMinutes"] = "600");
        foreach (var name in new[] { "ona", "pia", "quin" })
        {
            await hub.CreatePersonAsync($"{name}@test.example", Password, name: char.ToUpperInvariant(name[0]) + name[1..]);
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", Password);
        }
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task<int> RunJobAsync()
    {
        using var scope = hub.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SendCrewReminders>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Reminders_GoOncePerMeetingAndMember_InTheirZone_AndTheRetrospectiveIsAnnouncedOnce()
    {
        var (called, _) = await people["ona"].SubmitAsync("/crews/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Harbour crew",
            ["Input.Purpose"] = "",
            ["Input.Invitees"] = "pia@test.example\nquin@test.example",
            ["Input.Cadence"] = "Weekly",
            ["Input.Meetings"] = "6",
            ["Input.SlotDay"] = "Tuesday",
            ["Input.SlotTime"] = "19:00",
            ["Input.TimeZone"] = "Europe/Lisbon",
        });
        var crew = called.Headers.Location!.OriginalString;
        foreach (var p in new[] { "pia", "quin" })
        {
            await people[p].SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Respond");
        }
        var tuesday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        while (tuesday.DayOfWeek != DayOfWeek.Tuesday)
        {
            tuesday = tuesday.AddDays(1);
        }
        var (started, _) = await people["ona"].SubmitAsync(crew, new Dictionary<string, string> { ["FirstDate"] = tuesday.ToString("yyyy-MM-dd") }, handler: "Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        Assert.Equal(0, await RunJobAsync()); // nothing is within a day yet

        // Pia lives in Tokyo; the first meeting moves to 20:00 UTC the day after tomorrow's eve, within 24 hours.
        var startsAt = DateTime.UtcNow.AddHours(20);
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var pia = await db.Users.SingleAsync(u => u.Email == "pia@test.example");
            db.Profiles.Add(new Microsolidarity.Hub.Data.People.Profile { UserId = pia.Id, TimeZone = "Asia/Tokyo" });
            await db.SaveChangesAsync();
            await db.CrewMeetings.Where(m => m.Number == 1).ExecuteUpdateAsync(s => s.SetProperty(m => m.StartsAt, startsAt));
        }
        Assert.Equal(3, await RunJobAsync());
        Assert.Equal(0, await RunJobAsync());

        var tokyo = TimeZoneInfo.ConvertTimeFromUtc(startsAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var toPia = await hub.Smtp!.WaitForAsync("pia@test.example", "Tomorrow: Harbour crew, meeting 1");
        Assert.Contains($"at {tokyo:HH:mm} Asia/Tokyo", toPia.TextBody);
        var toOna = await hub.Smtp.WaitForAsync("ona@test.example", "Tomorrow: Harbour crew, meeting 1");
        Assert.Contains("You host this one.", toOna.TextBody);
        await hub.Smtp.WaitForAsync("quin@test.example", "Tomorrow: Harbour crew, meeting 1");

        // The term runs out: the retrospective opens, and everyone hears it once.
        using (var scope = hub.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<HubDbContext>().CrewMeetings
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.StartsAt, m => m.StartsAt.AddDays(-70)));
        }
        Assert.Equal(3, await RunJobAsync());
        Assert.Equal(0, await RunJobAsync());
        await hub.Smtp.WaitForAsync("quin@test.example", "Harbour crew: time for the retrospective");
        var (_, notices) = await people["quin"].GetAsync("/me/notifications");
        Assert.Contains("Harbour crew: your retrospective is open", notices.QuerySelector(".notices")!.TextContent);
        Assert.Single(hub.Smtp.Messages(), m => m.To.ToString().Contains("pia@test.example") && (m.Subject ?? "").Contains("Tomorrow"));
    }
}
