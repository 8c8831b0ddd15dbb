using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// Hosting together in Riverside: Noor co-hosts the autumn gathering with Tomas (with a few lines of what each did),
/// Pilar is invited to co-host the full-moon call and has not answered yet, Kofi has proposed an event that waits for
/// a host's yes, Noor is invited to host the congregation and Pilar to be a Partner (both waiting for their answer), and Riverside's levels say what they mean. Rows written directly, as the operations would leave them.
/// </summary>
internal static class SeedDemoHostingTogether
{
    public static async Task RunAsync(HubDbContext db, DateTime now)
    {
        var people = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Email!, u => u.Id);
        string Id(int index) => people[SeedDemoCommunity.People[index].Email];
        var riverside = await db.Congregations.Include(c => c.Levels).SingleAsync(c => c.Slug == "riverside");
        // Riverside says what its levels mean in its own words; its Partners put on events without waiting.
        var friend = riverside.Levels.Single(l => l.Name == "Friend");
        friend.Description = "Comes to our gatherings and full-moon calls, joins crews, brings friends. Everyone starts here, and many stay: that is welcome.";
        var partner = riverside.Levels.Single(l => l.Name == "Partner");
        (partner.Description, partner.CanHostEvents) = ("Holds the container with the hosts: comes to the new-moon calls, helps decide whom to invite, and takes a turn hosting. Friends are invited at a gathering.", true);
        var autumn = await db.GatheringEvents.SingleAsync(e => e.Title == "Riverside autumn gathering");
        var fullMoon = await db.GatheringEvents.SingleAsync(e => e.Title == "Full-moon call: outward work");

        db.EventCoHosts.Add(new EventCoHost { Id = Guid.NewGuid(), EventId = autumn.Id, UserId = Id(2), InvitedByUserId = Id(1), Status = CoHostStatus.Accepted, InvitedAt = now.AddDays(-18), AnsweredAt = now.AddDays(-17) });
        db.EventCoHosts.Add(new EventCoHost { Id = Guid.NewGuid(), EventId = fullMoon.Id, UserId = Id(3), InvitedByUserId = Id(0), Status = CoHostStatus.Invited, InvitedAt = now.AddDays(-2) });
        (int Person, string What, int DaysAgo)[] log =
        [
            (1, StoredWords.Of("Log.Event.CoHostInvited", "Noor Haddad-Lind"), 18),
            (2, StoredWords.Of("Log.Event.CoHostAccepted"), 17),
            (1, StoredWords.Of("Log.Event.TicketTier", "Pay what you can"), 12),
            (2, StoredWords.Of("Log.Event.DiscountCode", "CREWMATE", "10"), 11),
            (2, StoredWords.Of("Log.Event.ChangedDetails"), 6),
            (1, StoredWords.Of("Log.Event.TicketPaid"), 5),
        ];
        db.EventHostActions.AddRange(log.Select(l => new EventHostAction { Id = Guid.NewGuid(), EventId = autumn.Id, ByUserId = Id(l.Person), What = l.What, At = now.AddDays(-l.DaysAgo) }));
        db.EventHostActions.Add(new EventHostAction { Id = Guid.NewGuid(), EventId = fullMoon.Id, ByUserId = Id(0), What = StoredWords.Of("Log.Event.CoHostInvited", "Pilar Vance"), At = now.AddDays(-2) });

        var start = now.Date.AddDays(24).AddHours(17); // 18:00 in Lisbon in winter
        db.GatheringEvents.Add(new GatheringEvent
        {
            Id = Guid.NewGuid(),
            Title = "Repair café by the river",
            Description = "Bring something broken and a friend; we fix what we can over tea, and talk about what else we could share.",
            Kind = EventKind.Gathering,
            Scale = EventScale.Congregation,
            Visibility = EventVisibility.CongregationOnly,
            CongregationId = riverside.Id,
            Address = "Horta comunitária, Lisbon",
            TimeZone = "Europe/Lisbon",
            StartsAt = start,
            EndsAt = start.AddHours(3),
            AttendeeList = AttendeeListVisibility.Attendees,
            CreatedByUserId = Id(4),
            CreatedAt = now.AddDays(-1),
            UpdatedAt = now.AddDays(-1),
            Approval = EventApproval.Proposed,
        });

        db.MembershipOffers.Add(new MembershipOffer
        {
            Id = Guid.NewGuid(),
            CongregationId = riverside.Id,
            UserId = Id(2),
            OfferedByUserId = Id(0),
            Kind = OfferKind.Host,
            Message = "You have held so many of our circles this year. Would you host Riverside with Tomas and me?",
            Status = OfferStatus.Waiting,
            CreatedAt = now.AddDays(-3),
        });
        db.MembershipOffers.Add(new MembershipOffer
        {
            Id = Guid.NewGuid(),
            CongregationId = riverside.Id,
            UserId = Id(3),
            OfferedByUserId = Id(1),
            Kind = OfferKind.Level,
            LevelId = partner.Id,
            Message = "You have come to every new-moon call since spring. Would you hold the container with us as a Partner?",
            Status = OfferStatus.Waiting,
            CreatedAt = now.AddDays(-1),
        });
        await db.SaveChangesAsync();
    }
}
