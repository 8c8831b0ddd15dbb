using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>Once at least three have joined, the term is scheduled from a first date, with a hosting rotation.</summary>
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
        if (!CrewSchedule.TryFindZone(view.Crew.TimeZone, out var zone))
        {
            return Outcome.Refused($"The crew's time zone '{view.Crew.TimeZone}' is unknown on this server.");
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, zone));
        if (firstDate is null || firstDate < today)
        {
            return Outcome.Refused("Choose the date of the first meeting, today or later.", "FirstDate");
        }
        if (firstDate.Value.DayOfWeek != view.Crew.SlotDay)
        {
            return Outcome.Refused($"The crew meets on {view.Crew.SlotDay}s; choose a {view.Crew.SlotDay}.", "FirstDate");
        }
        var crew = await db.Crews.SingleAsync(c => c.Id == view.Crew.Id, cancellationToken);
        var rotation = view.Joined.Select(m => m.UserId).ToList();
        db.CrewMeetings.AddRange(CrewSchedule.Plan(crew, firstDate.Value, rotation, zone));
        crew.Stage = CrewStage.Meeting;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
