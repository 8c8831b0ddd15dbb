using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Crews;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>Shows stored UTC instants in the viewer's own zone (from their profile), naming the zone.</summary>
public sealed class ViewerClock(HubDbContext db)
{
    public string Zone { get; private set; } = "UTC";

    public async Task LoadAsync(string? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return;
        }
        var zone = await db.Profiles.Where(p => p.UserId == userId).Select(p => p.TimeZone).SingleOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(zone) && CrewSchedule.TryFindZone(zone, out _))
        {
            Zone = zone;
        }
    }

    public string Date(DateTime utc) => CrewSchedule.ToLocal(utc, Zone).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public string Time(DateTime utc) => $"{CrewSchedule.ToLocal(utc, Zone).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)} ({Zone})";
}
