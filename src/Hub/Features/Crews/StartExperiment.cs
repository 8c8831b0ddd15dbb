using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using NodaTime;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// Once at least three have joined, the term is scheduled on the crew's slot from a first date (the page
/// proposes the slot's next one), with a hosting rotation.
/// </summary>
public sealed class StartExperiment(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> RunAsync(CrewView view, DateOnly? firstDate, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused("Only members of the crew can start its term.");
        }
        if (view.Crew.Stage != CrewStage.Forming)
        {
            return Outcome.Refused("This term is scheduled already.");
        }
        if (view.Joined.Count < CrewsFeature.MinSize)
        {
            return Outcome.Refused($"A crew starts with at least {CrewsFeature.MinSize} people; {view.Joined.Count} have joined so far.");
        }
        if (CrewSchedule.FindZone(view.Crew.TimeZone) is not { } zone)
        {
            return Outcome.Refused($"The crew's time zone '{view.Crew.TimeZone}' is unknown on this server.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (firstDate is null)
        {
            return Outcome.Refused("Choose the date of the first meeting.", "FirstDate");
        }
        var first = LocalDate.FromDateOnly(firstDate.Value);
        if (first.DayOfWeek != CrewSchedule.IsoDay(view.Crew.SlotDay))
        {
            return Outcome.Refused($"The crew meets on {view.Crew.SlotDay}s; choose a {view.Crew.SlotDay}.", "FirstDate");
        }
        if (CrewSchedule.StartOn(view.Crew, first, zone) <= now)
        {
            var next = CrewSchedule.NextDate(view.Crew, zone, now);
            return Outcome.Refused($"That meeting would have begun already; the next {view.Crew.SlotDay} is {next.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.", "FirstDate");
        }
        var crew = await db.Crews.SingleAsync(c => c.Id == view.Crew.Id, cancellationToken);
        var rotation = view.Joined.Select(m => m.UserId).ToList();
        db.CrewMeetings.AddRange(CrewSchedule.Plan(crew, first, rotation, zone));
        crew.Stage = CrewStage.Meeting;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
