using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>A member marks the hours they are free for one group, in their own zone.</summary>
public sealed class MarkAvailability(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(TimeFindingView view, IEnumerable<int> freeHours, string zoneId, CancellationToken cancellationToken = default)
    {
        if (!view.IsMember)
        {
            return Outcome.Refused(strings[view.Kind == TimeFindingGroup.Crew ? "Gatherings.Refused.MarkCrewOnly" : "Gatherings.Refused.MarkGroupOnly"]);
        }
        var grid = AvailabilityOverlap.FromHours(freeHours);
        List<(string, string)> problems = [];
        var zone = EventTime.FindZone(zoneId);
        if (zone is null)
        {
            problems.Add(("MarkZone", Platform.Web.TimeZones.Refusal(strings, zoneId)));
        }
        if (!grid.Contains('1'))
        {
            problems.Add(("Free", strings["Gatherings.Refused.TickAnHour"]));
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
            return Outcome.Refused(strings["Gatherings.Refused.SavedElsewhere"]);
        }
        return Outcome.Done;
    }
}
