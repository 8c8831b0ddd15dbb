using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>One's answers to events, free hours marked for groups, and one's private calendar address. Events one created stay with their owners.</summary>
[PersonalDataOf(typeof(Rsvp), typeof(AvailabilityMark), typeof(MemberCalendar), typeof(ReminderPreference), typeof(SentReminder),
    typeof(Ticket), typeof(GatheringEvent), typeof(FoundTime))]
internal sealed class GatheringPersonalData(HubDbContext db, Places places, AnswersMoved moved) : IPersonalData
{
    public string Section => "Gatherings";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var answers = await db.Rsvps.CountAsync(r => r.UserId == user.Id, cancellationToken);
        var marks = await db.AvailabilityMarks.CountAsync(m => m.UserId == user.Id, cancellationToken);
        return [$"Your {answers} answer(s) to events, with what you wrote to the hosts, the free hours you marked for {marks} crew(s) or working group(s), and your private calendar address. Places you held go to the next person waiting."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        Answers = await db.Rsvps.Where(r => r.UserId == user.Id)
            .Join(db.GatheringEvents, r => r.EventId, e => e.Id, (r, e) => new { Event = e.Title, Date = r.Occurrence == null ? (DateTime?)null : r.Occurrence.StartsAt, Status = r.Status.ToString(), r.Answers, r.CreatedAt })
            .ToListAsync(cancellationToken),
        FreeHours = await db.AvailabilityMarks.Where(m => m.UserId == user.Id)
            .Select(m => new { Group = m.GroupKind.ToString(), m.GroupId, Grid = m.Grid, m.TimeZone, m.UpdatedAt }).ToListAsync(cancellationToken),
        HasPrivateCalendar = await db.MemberCalendars.AnyAsync(c => c.UserId == user.Id, cancellationToken),
        Reminders = await db.ReminderPreferences.Where(p => p.UserId == user.Id)
            .Select(p => new { p.DayBefore, p.HourBefore }).SingleOrDefaultAsync(cancellationToken),
        RemindersSent = await db.SentReminders.Where(r => r.UserId == user.Id)
            .Join(db.GatheringEvents, r => r.EventId, e => e.Id, (r, e) => new { Event = e.Title, Date = r.OccurrenceStart, r.MinutesBefore, r.SentAt })
            .ToListAsync(cancellationToken),
        Tickets = await db.Tickets.Where(t => t.UserId == user.Id)
            .Join(db.GatheringEvents, t => t.EventId, e => e.Id, (t, e) => new
            {
                Event = e.Title,
                e.Currency,
                t.Amount,
                t.DiscountCode,
                t.ScholarshipRequest,
                Scholarship = t.Scholarship.ToString(),
                t.Granted,
                t.Paid,
                t.PaidAt,
                t.CreatedAt,
            })
            .ToListAsync(cancellationToken),
        EventsCreated = await db.GatheringEvents.Where(e => e.CreatedByUserId == user.Id)
            .Select(e => new { e.Title, e.StartsAt, e.CreatedAt }).ToListAsync(cancellationToken),
    };

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        // Marked hours have no foreign key to the account: removed here, in the same transaction.
        await db.AvailabilityMarks.Where(m => m.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        // Events, times found and payments marked stay the group's; they no longer name who made them.
        await db.GatheringEvents.Where(e => e.CreatedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.CreatedByUserId, ""), cancellationToken);
        await db.FoundTimes.Where(f => f.ConfirmedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.ConfirmedByUserId, ""), cancellationToken);
        await db.Tickets.Where(t => t.MarkedPaidByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.MarkedPaidByUserId, ""), cancellationToken);
        // Answers, tickets and reminders go with the account (cascade); the places they held open for the waitlist first.
        var held = await db.Rsvps.Where(r => r.UserId == user.Id && r.Status == RsvpStatus.Going && r.OccurrenceId != null).ToListAsync(cancellationToken);
        foreach (var rsvp in held)
        {
            rsvp.Status = RsvpStatus.CantGo;
            await db.SaveChangesAsync(cancellationToken);
            await places.ReleaseAsync(rsvp.OccurrenceId!.Value, cancellationToken);
            var occurrence = await db.EventOccurrences.SingleAsync(o => o.Id == rsvp.OccurrenceId, cancellationToken);
            var e = await db.GatheringEvents.AsNoTracking().SingleAsync(x => x.Id == rsvp.EventId, cancellationToken);
            await places.PromoteAsync(e, occurrence, cancellationToken);
        }
    }

    /// <summary>The people the waitlist moved up into the places they held: a cohort tied to the gathering takes them in.</summary>
    public Task AfterDeletedAsync(CancellationToken cancellationToken) => moved.RaiseAsync(cancellationToken);
}
