using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Data.Gatherings;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// A finished cohort: "Practice calls, Tuesdays and Thursdays" (two weeks online, now past), with eight invented
/// people going, a practice program tied to it whose rooms climbed from pairs to the full circle, a facilitator
/// team of two (Ilse, and Sami who accepted), and the cohort's formation round open, three people in it already.
/// Rows written directly, as saving the program and opening the round would leave them (no search at first start).
/// </summary>
internal static class SeedDemoCohort
{
    /// <summary>No pair meets twice in the breakout rooms: 01 23 45 67, 02 13 46 57, 035 147 26, then everyone.</summary>
    private static readonly int[][][] Rooms =
    [
        [[0, 1], [2, 3], [4, 5], [6, 7]],
        [[0, 2], [1, 3], [4, 6], [5, 7]],
        [[0, 3, 5], [1, 4, 7], [2, 6]],
        [[0, 1, 2, 3, 4, 5, 6, 7]],
    ];

    /// <summary>Hanna, Dario and Mele have joined the cohort's round.</summary>
    private static readonly int[] InRound = [7, 8, 9];

    public static async Task RunAsync(HubDbContext db, DateTime now)
    {
        var people = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Email!, u => u.Id);
        string Id(int index) => people[SeedDemoCommunity.People[index].Email];
        // Four calls over two weeks, the last one five days ago: 18:00 UTC is 18:00 in Lisbon in winter.
        var first = now.Date.AddDays(-16);
        while (first.DayOfWeek != DayOfWeek.Tuesday)
        {
            first = first.AddDays(-1);
        }
        var start = first.AddHours(18);
        var gathering = new GatheringEvent
        {
            Id = Guid.NewGuid(),
            Title = "Practice calls, Tuesdays and Thursdays",
            Description = "Four online calls over two weeks to practise the basics together: listening in pairs, then threes, then the full circle. At the end, crews form from the cohort.",
            Kind = EventKind.Gathering,
            Scale = EventScale.Network,
            Visibility = EventVisibility.Public,
            IsOnline = true,
            CallLink = "https://meet.example/practice-calls",
            TimeZone = "Europe/Lisbon",
            StartsAt = start,
            EndsAt = start.AddMinutes(90),
            Recurrence = "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4",
            AttendeeList = AttendeeListVisibility.Attendees,
            CreatedByUserId = Id(0),
            CreatedAt = now.AddDays(-40),
            UpdatedAt = now.AddDays(-40),
        };
        db.GatheringEvents.Add(gathering);
        int[] cohort = [1, 2, 3, 4, 5, 7, 8, 9];
        var program = new PracticeProgram
        {
            Id = Guid.NewGuid(),
            FacilitatorUserId = Id(0),
            Name = "First steps: a practice cohort",
            CallSizes = "2, 2, 3, all",
            Seed = 20261117,
            GatheringId = gathering.Id,
            Rooms = JsonSerializer.Serialize(Rooms),
            RepeatedPairs = 0,
            CreatedAt = now.AddDays(-30),
            ComputedAt = now.AddDays(-17),
        };
        db.PracticePrograms.Add(program);
        foreach (var (person, position) in cohort.Select((p, i) => (p, i)))
        {
            db.Rsvps.Add(new Rsvp
            {
                Id = Guid.NewGuid(),
                EventId = gathering.Id,
                UserId = Id(person),
                Status = RsvpStatus.Going,
                Arrival = position + 1,
                CreatedAt = now.AddDays(-25 + position),
                UpdatedAt = now.AddDays(-25 + position),
            });
            db.PracticeParticipants.Add(new PracticeParticipant
            {
                Id = Guid.NewGuid(),
                ProgramId = program.Id,
                Position = position,
                Name = SeedDemoCommunity.People[person].Name,
                Email = SeedDemoCommunity.People[person].Email,
                Secret = Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant(),
                UserId = Id(person),
                FromGathering = true,
            });
        }
        db.ProgramFacilitators.Add(new ProgramFacilitator
        {
            Id = Guid.NewGuid(),
            ProgramId = program.Id,
            UserId = Id(6),
            InvitedByUserId = Id(0),
            InvitedAt = now.AddDays(-29),
            AcceptedAt = now.AddDays(-28),
        });
        var round = new FormationRound
        {
            Id = Guid.NewGuid(),
            ProgramId = program.Id,
            Title = "Crews from the first-steps cohort",
            PreferencesDueAt = now.Date.AddDays(4).AddHours(20),
            MinSize = 3,
            MaxSize = 5,
            Seed = 20261128,
            Stage = FormationStage.Open,
            OpenedByUserId = Id(0),
            CreatedAt = now.AddDays(-4),
        };
        db.FormationRounds.Add(round);
        foreach (var (person, order) in InRound.Select((p, i) => (p, i)))
        {
            var userId = Id(person);
            var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId);
            db.FormationParticipants.Add(new FormationParticipant
            {
                Id = Guid.NewGuid(),
                RoundId = round.Id,
                UserId = userId,
                Interests = profile?.Interests ?? "",
                Availability = profile?.Availability ?? new string('0', 168),
                TimeZone = profile?.TimeZone ?? "Europe/Lisbon",
                JoinedAt = now.AddDays(-3).AddHours(order),
                UpdatedAt = now.AddDays(-3).AddHours(order),
            });
        }
        await db.SaveChangesAsync();
    }
}
