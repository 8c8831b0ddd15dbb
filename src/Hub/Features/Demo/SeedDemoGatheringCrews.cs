using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// Riverside's midsummer gathering, a few weeks past, for its members: the six who went sat in two temporary crews
/// the hosts published, and two of them have said privately that they would like to go on. Rows written directly
/// (no search runs at first start), as a host's forming and publishing would leave them.
/// </summary>
internal static class SeedDemoGatheringCrews
{
    public static async Task RunAsync(HubDbContext db, DateTime now)
    {
        var people = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Email!, u => u.Id);
        string Id(int index) => people[SeedDemoCommunity.People[index].Email];
        var riverside = await db.Congregations.SingleAsync(c => c.Slug == "riverside");
        var start = now.Date.AddDays(-40).AddHours(9); // 10:00 in Lisbon in summer
        var gathering = new GatheringEvent
        {
            Id = Guid.NewGuid(),
            Title = "Riverside midsummer gathering",
            Description = "A day in the community garden: check-in circle, lunch in small crews, an open space in the afternoon.",
            Kind = EventKind.Gathering,
            Scale = EventScale.Congregation,
            Visibility = EventVisibility.CongregationOnly,
            CongregationId = riverside.Id,
            Address = "Horta comunitária, Lisbon",
            TimeZone = "Europe/Lisbon",
            StartsAt = start,
            EndsAt = start.AddHours(8),
            AttendeeList = AttendeeListVisibility.Attendees,
            CreatedByUserId = Id(0),
            CreatedAt = now.AddDays(-70),
            UpdatedAt = now.AddDays(-70),
        };
        var occurrence = new EventOccurrence { Id = Guid.NewGuid(), EventId = gathering.Id, OriginalStart = start, StartsAt = start, EndsAt = gathering.EndsAt };
        gathering.Occurrences.Add(occurrence);
        db.GatheringEvents.Add(gathering);
        int[] going = [0, 1, 2, 3, 4, 5];
        foreach (var person in going)
        {
            occurrence.GoingCount++;
            occurrence.Arrivals++;
            db.Rsvps.Add(new Rsvp
            {
                Id = Guid.NewGuid(),
                EventId = gathering.Id,
                OccurrenceId = occurrence.Id,
                UserId = Id(person),
                Status = RsvpStatus.Going,
                Arrival = occurrence.Arrivals,
                CreatedAt = now.AddDays(-60 + person),
                UpdatedAt = now.AddDays(-60 + person),
            });
        }
        var set = new GatheringCrewSet
        {
            Id = Guid.NewGuid(),
            EventId = gathering.Id,
            OccurrenceStart = start,
            Size = 3,
            Seed = 20260621,
            Stage = GatheringCrewStage.Published,
            FormedAt = start.AddDays(-2),
            PublishedAt = start.AddDays(-2).AddHours(1),
            MovesSince = start.AddDays(-2),
        };
        // Two tables of three; Wren and Kofi have said, privately, that they would like to go on.
        (int Person, ContinueAnswer Answer)[][] tables =
        [
            [(0, ContinueAnswer.Waiting), (1, ContinueAnswer.Waiting), (5, ContinueAnswer.Yes)],
            [(2, ContinueAnswer.Waiting), (3, ContinueAnswer.Waiting), (4, ContinueAnswer.Yes)],
        ];
        for (var t = 0; t < tables.Length; t++)
        {
            var crew = new TemporaryCrew { Id = Guid.NewGuid(), SetId = set.Id, Number = t + 1, Answers = tables[t].Count(s => s.Answer != ContinueAnswer.Waiting) };
            crew.Members.AddRange(tables[t].Select(s => new TemporaryCrewMember
            {
                Id = Guid.NewGuid(),
                SetId = set.Id,
                TemporaryCrewId = crew.Id,
                UserId = Id(s.Person),
                Continue = s.Answer,
                AnsweredAt = s.Answer == ContinueAnswer.Waiting ? null : start.AddDays(1),
            }));
            set.Crews.Add(crew);
        }
        db.GatheringCrewSets.Add(set);
        await db.SaveChangesAsync();
    }
}
