using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// A working group's host confirms one slot: the first time, a recurring event is made through
/// <see cref="CreateEvent"/> (weekly, fortnightly or monthly on the same weekday of the month, visible to the congregation, in the group's zone);
/// later, a new slot moves the series from its next date on ("this and the following"), so past dates
/// stay as they were. A crew has no series: its time is its own slot and its term's meetings
/// (Crews' ChooseSlot), so that the crew page, calendars and reminders cannot disagree.
/// </summary>
public sealed class ConfirmFoundTime(HubDbContext db, CreateEvent create, EditEvent edit, ChangeOccurrence change, TimeProvider time,
    IStringLocalizer<Strings> strings)
{
    public async Task<(Outcome Outcome, Guid? EventId)> RunAsync(TimeFindingView view, int slotIndex, FoundRhythm rhythm, CancellationToken cancellationToken = default)
    {
        if (view.Kind != TimeFindingGroup.WorkingGroup)
        {
            return (Outcome.Refused(strings["Gatherings.Refused.CrewSlot"]), null);
        }
        if (!view.CanConfirm)
        {
            return (Outcome.Refused(strings["Gatherings.Refused.WhoConfirms"]), null);
        }
        if (slotIndex is < 0 or >= 168)
        {
            return (Outcome.Refused(strings["Gatherings.Refused.ChooseSlot"], "Slot"), null);
        }
        var now = time.GetUtcNow();
        var day = (IsoDayOfWeek)(slotIndex / 24 + 1);
        var hour = slotIndex % 24;
        var today = Instant.FromDateTimeOffset(now).InZone(view.Zone).Date;
        var existing = view.Found is { } f ? await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == f.EventId && e.CancelledAt == null, cancellationToken) : null;
        var next = existing is null ? null : EventSchedule.Between(existing, await db.EventOccurrences.AsNoTracking().Where(o => o.EventId == existing.Id).ToListAsync(cancellationToken),
            now.UtcDateTime, now.UtcDateTime.AddDays(60)).FirstOrDefault(o => o.StartsAt > now.UtcDateTime);
        var first = today.Next(day);
        // A new rhythm or hour confirmed on the day of a meeting still to come, on that same weekday: that meeting keeps
        // its day (at the new hour) rather than giving way to next week's, which would drop it from everyone's calendar.
        if (next is not null && day == today.DayOfWeek && TimeZones.ToLocal(next.StartsAt, view.Zone).Date == today
            && TimeZones.ToUtc(today.At(new LocalTime(hour, 0)), view.Zone) > now.UtcDateTime)
        {
            first = today;
        }
        var start = first.At(new LocalTime(hour, 0));
        var end = start.PlusMinutes(view.Minutes);
        var input = new EventInput(
            EventScale.Congregation,
            view.CongregationId,
            null,
            $"{view.Name} (working group)",
            $"The regular time the {view.KindLabel} found together on the hub. Hosts can add a call link or a place.",
            EventKind.Gathering,
            EventVisibility.CongregationOnly,
            IsOnline: true, Address: "", CallLink: "",
            StartDate: Date(start.Date), StartTime: Time(start.TimeOfDay), EndDate: end.Date == start.Date ? "" : Date(end.Date), EndTime: Time(end.TimeOfDay),
            TimeZone: view.Zone.Id,
            Recurrence: RuleOf(rhythm, first),
            Capacity: null, RequiresApproval: false, Questions: "", AttendeeList: AttendeeListVisibility.EveryoneWhoSeesTheEvent);

        Guid eventId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (existing is null)
        {
            var (outcome, id) = await create.RunAsync(view.Viewer, input, hostChecked: true, cancellationToken: cancellationToken);
            if (!outcome.Succeeded)
            {
                return (outcome, null);
            }
            eventId = id!.Value;
        }
        else
        {
            if (next is null || next.OriginalStart == existing.StartsAt)
            {
                // Nothing has happened yet: the series itself takes the new slot.
                var outcome = await edit.RunAsync(view.Viewer, existing.Id, input with
                {
                    Title = existing.Title,
                    Description = existing.Description,
                    IsOnline = existing.IsOnline,
                    Address = existing.Address,
                    CallLink = existing.CallLink,
                    Capacity = existing.Capacity,
                    RequiresApproval = existing.RequiresApproval,
                    Questions = existing.Questions,
                    AttendeeList = existing.AttendeeList,
                }, hostChecked: true, cancellationToken: cancellationToken);
                if (!outcome.Succeeded)
                {
                    return (outcome, null);
                }
                eventId = existing.Id;
            }
            else
            {
                var (outcome, id) = await change.RunAsync(view.Viewer, existing.Id, next.Key, OccurrenceChange.MoveThisAndFollowing,
                    input.StartDate, input.StartTime, input.EndTime, hostChecked: true, cancellationToken: cancellationToken, newEndDate: input.EndDate);
                if (!outcome.Succeeded)
                {
                    return (outcome, null);
                }
                eventId = id;
                // The part that goes on kept the old rhythm; a new one (or a monthly rule, whose weekday is in the rule) is
                // given to it whole, as nothing of it has happened yet.
                var continued = await db.GatheringEvents.AsNoTracking().SingleAsync(e => e.Id == id, cancellationToken);
                if (continued.Recurrence != input.Recurrence)
                {
                    var edited = await edit.RunAsync(view.Viewer, id, input with
                    {
                        Title = continued.Title,
                        Description = continued.Description,
                        IsOnline = continued.IsOnline,
                        Address = continued.Address,
                        CallLink = continued.CallLink,
                        Capacity = continued.Capacity,
                        RequiresApproval = continued.RequiresApproval,
                        Questions = continued.Questions,
                        AttendeeList = continued.AttendeeList,
                    }, hostChecked: true, cancellationToken: cancellationToken);
                    if (!edited.Succeeded)
                    {
                        return (edited, null);
                    }
                }
            }
        }
        var found = await db.FoundTimes.SingleOrDefaultAsync(x => x.GroupKind == view.Kind && x.GroupId == view.GroupId, cancellationToken);
        if (found is null)
        {
            found = new FoundTime { Id = Guid.NewGuid(), GroupKind = view.Kind, GroupId = view.GroupId };
            db.FoundTimes.Add(found);
        }
        (found.EventId, found.Day, found.Hour, found.TimeZone, found.ConfirmedByUserId, found.ConfirmedAt) =
            (eventId, (DayOfWeek)((int)day % 7), hour, view.Zone.Id, view.UserId, now.UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return (Outcome.Refused(strings["Gatherings.Refused.ConfirmedMeanwhile"]), null);
        }
        await transaction.CommitAsync(cancellationToken);
        return (Outcome.Done, eventId);
    }

    /// <summary>
    /// The series' rule from its first date: every week, every two, or monthly on the same weekday in the same week of
    /// the month (the second Tuesday stays the second; a fifth is each month's last), as crews meet monthly.
    /// </summary>
    public static string RuleOf(FoundRhythm rhythm, LocalDate first)
    {
        return rhythm switch
        {
            FoundRhythm.Fortnightly => "FREQ=WEEKLY;INTERVAL=2",
            FoundRhythm.Monthly => MonthlyWeekday.Rule(first),
            _ => "FREQ=WEEKLY",
        };
    }

    /// <summary>How the group's time comes round, in the reader's words.</summary>
    public static string RhythmText(IStringLocalizer words, string recurrence) =>
        words[recurrence.Contains("FREQ=MONTHLY", StringComparison.Ordinal) ? "Gatherings.FindTime.Rhythm.MonthlyWeekday"
            : recurrence.Contains("INTERVAL=2", StringComparison.Ordinal) ? "Gatherings.FindTime.Rhythm.Fortnightly" : "Gatherings.FindTime.Rhythm.Weekly"];

    private static string Date(LocalDate d) => d.ToString("yyyy-MM-dd", null);
    private static string Time(LocalTime t) => t.ToString("HH:mm", null);
}

/// <summary>How often a working group meets at the time it found.</summary>
public enum FoundRhythm { Weekly = 0, Fortnightly = 1, Monthly = 2 }
