using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>A member marks the hours they are free for one group, in their own zone.</summary>
public sealed class MarkAvailability(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> RunAsync(TimeFindingView view, IEnumerable<int> freeHours, string zoneId, CancellationToken cancellationToken = default)
    {
        if (!view.IsMember)
        {
            return Outcome.Refused($"Only members of the {view.KindLabel} mark their hours for it.");
        }
        var grid = AvailabilityOverlap.FromHours(freeHours);
        List<(string, string)> problems = [];
        var zone = EventTime.FindZone(zoneId);
        if (zone is null)
        {
            problems.Add(("MarkZone", Platform.Web.TimeZones.Refusal(zoneId)));
        }
        if (!grid.Contains('1'))
        {
            problems.Add(("Free", "Tick at least one hour when you are free; if no hour suits you, say so to the others."));
        }
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return refused;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var mark = await db.AvailabilityMarks.SingleOrDefaultAsync(m => m.GroupKind == view.Kind && m.GroupId == view.GroupId && m.UserId == view.UserId, cancellationToken);
        if (mark is null)
        {
            mark = new AvailabilityMark { Id = Guid.NewGuid(), GroupKind = view.Kind, GroupId = view.GroupId, UserId = view.UserId };
            db.AvailabilityMarks.Add(mark);
        }
        (mark.Grid, mark.TimeZone, mark.UpdatedAt) = (grid, zone!.Id, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome.Refused("You saved your hours a moment ago in another window; reload the page.");
        }
        return Outcome.Done;
    }
}
