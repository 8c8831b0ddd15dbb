using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using NodaTime;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// Once at least three have joined, the term is scheduled on the crew's slot from a first date (the page
/// proposes the slot's next one), with a hosting rotation.
/// </summary>
public sealed class StartExperiment(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CrewView view, DateOnly? firstDate, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused(strings["Crews.Ops.StartMembersOnly"]);
        }
        if (view.Crew.Stage != CrewStage.Forming)
        {
            return Outcome.Refused(strings["Crews.Ops.Scheduled"]);
        }
        if (view.Joined.Count < CrewsFeature.MinSize)
        {
            return Outcome.Refused(strings["Crews.Ops.TooFewToStart", CrewsFeature.MinSize, view.Joined.Count]);
        }
        if (CrewSchedule.FindZone(view.Crew.TimeZone) is not { } zone)
        {
            return Outcome.Refused(strings["Crews.Ops.UnknownZone", view.Crew.TimeZone]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (firstDate is null)
        {
            return Outcome.Refused(strings["Crews.Ops.ChooseFirstDate"], "FirstDate");
        }
        var first = LocalDate.FromDateOnly(firstDate.Value);
        if (first.DayOfWeek != CrewSchedule.IsoDay(view.Crew.SlotDay))
        {
            return Outcome.Refused(strings["Crews.Ops.WrongDay", DateFormats.Culture.DateTimeFormat.GetDayName(view.Crew.SlotDay)], "FirstDate");
        }
        if (CrewSchedule.StartOn(view.Crew, first, zone) <= now)
        {
            var next = CrewSchedule.NextDate(view.Crew, zone, now);
            return Outcome.Refused(strings["Crews.Ops.BegunAlready", DateFormats.Culture.DateTimeFormat.GetDayName(view.Crew.SlotDay), DateFormats.Format(next.ToDateTimeUnspecified(), "d MMMM yyyy")], "FirstDate");
        }
        var crew = await db.Crews.SingleAsync(c => c.Id == view.Crew.Id, cancellationToken);
        var rotation = view.Joined.Select(m => m.UserId).ToList();
        db.CrewMeetings.AddRange(CrewSchedule.Plan(crew, first, rotation, zone));
        crew.Stage = CrewStage.Meeting;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
