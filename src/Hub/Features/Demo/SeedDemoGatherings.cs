using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Platform;
using NodaTime;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// The demo's rhythms: the network's monthly call (members only), Riverside's full-moon and new-moon
/// pulses, and a public autumn gathering with ticket tiers, a scholarship request and a few people going, so
/// /gatherings and /calendar.ics have something real in them.
/// </summary>
public static class SeedDemoGatherings
{
    public static async Task RunAsync(HubDbContext db, DateTime now)
    {
        var people = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Email!, u => u.Id);
        string Id(int index) => people[SeedDemoCommunity.People[index].Email];
        var riverside = await db.Congregations.SingleAsync(c => c.Slug == "riverside");
        var lisbon = DateTimeZoneProviders.Tzdb["Europe/Lisbon"];
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var today = EventTime.ToLocal(now, berlin).Date;

        GatheringEvent Make(string title, string description, EventKind kind, EventScale scale, EventVisibility visibility, DateTimeZone zone,
            LocalDateTime start, Duration length, string recurrence, string createdBy)
        {
            var e = new GatheringEvent
            {
                Id = Guid.NewGuid(),
                Title = title,
                Description = description,
                Kind = kind,
                Scale = scale,
                Visibility = visibility,
                CongregationId = scale == EventScale.Congregation ? riverside.Id : null,
                TimeZone = zone.Id,
                Recurrence = recurrence,
                StartsAt = EventTime.ToUtc(start, zone),
                CreatedByUserId = createdBy,
                CreatedAt = now.AddDays(-20),
                UpdatedAt = now.AddDays(-20),
                AttendeeList = AttendeeListVisibility.Attendees,
            };
            e.EndsAt = e.StartsAt + length.ToTimeSpan();
            db.GatheringEvents.Add(e);
            return e;
        }

        var firstThursday = RecurrenceRule.TryParse("FREQ=MONTHLY;BYDAY=1TH", out var rule, out var problem) ? rule : throw new InvalidOperationException(problem);
        var call = Make("Network call",
            "The monthly call of the network's members: hosts of congregations and crews learning from each other. Check-in, one theme, breakouts of three, check-out.",
            EventKind.NetworkCall, EventScale.Network, EventVisibility.NetworkMembers, berlin,
            firstThursday.Snap(today.PlusDays(-40).At(new LocalTime(19, 30))), Duration.FromMinutes(90), firstThursday.ToString(), Id(0));
        (call.IsOnline, call.CallLink) = (true, "https://call.demo.hub.example/network");

        var firstDay = today.PlusDays(-35).At(new LocalTime(19, 0));
        var full = Make("Full-moon call: outward work",
            "Peer support on the work we do in the world. Open to anyone curious about Riverside.",
            EventKind.Pulse, EventScale.Congregation, EventVisibility.Public, lisbon,
            LunarRhythm.Starts(LunarRhythm.Full, firstDay, lisbon, DateTime.MaxValue.AddYears(-1)).First(), Duration.FromMinutes(75), LunarRhythm.Full, Id(0));
        (full.IsOnline, full.CallLink) = (true, "https://call.demo.hub.example/riverside-full-moon");
        var @new = Make("New-moon call: holding the container",
            "For Partners who hold the congregation: its agreements, its money, its next gathering.",
            EventKind.Pulse, EventScale.Congregation, EventVisibility.CongregationOnly, lisbon,
            LunarRhythm.Starts(LunarRhythm.New, firstDay, lisbon, DateTime.MaxValue.AddYears(-1)).First(), Duration.FromMinutes(75), LunarRhythm.New, Id(1));
        (@new.IsOnline, @new.CallLink) = (true, "https://call.demo.hub.example/riverside-new-moon");

        var gatheringDay = today.PlusDays(45);
        var gathering = Make("Riverside autumn gathering",
            "Two days by the river: check-in circles, a crew formation round, open space, shared meals. Choose the ticket that fits you; scholarships for anyone who asks.",
            EventKind.Gathering, EventScale.Congregation, EventVisibility.Public, lisbon,
            gatheringDay.At(new LocalTime(10, 0)), Duration.FromHours(31), "", Id(1));
        (gathering.Address, gathering.Capacity, gathering.Questions) = ("Armazém 16, Rua da Cintura do Porto, Lisbon", 40, "What do you hope to find at the gathering?\nAny needs we should know about (food, access)?");
        // Placed by its hosts on the river front, so its page shows the pin where people go.
        (gathering.Latitude, gathering.Longitude) = (38.70, -9.17);
        await db.SaveChangesAsync();

        var occurrence = new EventOccurrence
        {
            Id = Guid.NewGuid(),
            EventId = gathering.Id,
            OriginalStart = gathering.StartsAt,
            StartsAt = gathering.StartsAt,
            EndsAt = gathering.EndsAt,
        };
        db.EventOccurrences.Add(occurrence);
        string[] hopes = ["A crew for the winter.", "To meet the people behind the newsletter.", "Time by the river, and honest conversations."];
        for (var i = 2; i < 5; i++)
        {
            occurrence.GoingCount++;
            occurrence.Arrivals++;
            db.Rsvps.Add(new Rsvp
            {
                Id = Guid.NewGuid(),
                EventId = gathering.Id,
                OccurrenceId = occurrence.Id,
                UserId = Id(i),
                Status = RsvpStatus.Going,
                Arrival = occurrence.Arrivals,
                Answers = hopes[i - 2],
                CreatedAt = now.AddDays(-10 + i),
                UpdatedAt = now.AddDays(-10 + i),
            });
        }
        var tiers = new[] { ("Solidarity", 40m), ("Standard", 80m), ("Supporter", 140m) }
            .Select((t, i) => new TicketTier { Id = Guid.NewGuid(), EventId = gathering.Id, Name = t.Item1, Price = t.Item2, Order = i }).ToList();
        tiers.Add(new TicketTier { Id = Guid.NewGuid(), EventId = gathering.Id, Name = "Pay what you can", PayWhatYouCan = true, Minimum = 10, Order = 3 });
        db.TicketTiers.AddRange(tiers);
        db.DiscountCodes.Add(new DiscountCode { Id = Guid.NewGuid(), EventId = gathering.Id, Code = "CREWMATE", PercentOff = 10 });
        db.Tickets.Add(new Ticket { Id = Guid.NewGuid(), PaymentReference = PaymentReference.New(), EventId = gathering.Id, UserId = Id(2), TierId = tiers[2].Id, Amount = 140, Paid = true, PaidAt = now.AddDays(-5), MarkedPaidByUserId = Id(1), CreatedAt = now.AddDays(-8) });
        db.Tickets.Add(new Ticket { Id = Guid.NewGuid(), PaymentReference = PaymentReference.New(), EventId = gathering.Id, UserId = Id(3), TierId = tiers[1].Id, Amount = 80, CreatedAt = now.AddDays(-7) });
        db.Tickets.Add(new Ticket
        {
            Id = Guid.NewGuid(),
            PaymentReference = PaymentReference.New(),
            EventId = gathering.Id,
            UserId = Id(4),
            TierId = tiers[0].Id,
            Amount = 40,
            Scholarship = ScholarshipStatus.Requested,
            CreatedAt = now.AddDays(-6),
            ScholarshipRequest = "I moved here in spring and have no work yet. I would love to come and can help in the kitchen.",
        });
        db.BudgetLines.Add(new BudgetLine { Id = Guid.NewGuid(), EventId = gathering.Id, Label = "Venue, two days", Amount = 600 });
        db.BudgetLines.Add(new BudgetLine { Id = Guid.NewGuid(), EventId = gathering.Id, Label = "Food", Amount = 420 });
        db.Rsvps.Add(new Rsvp { Id = Guid.NewGuid(), EventId = full.Id, UserId = Id(3), Status = RsvpStatus.Going, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
    }
}
