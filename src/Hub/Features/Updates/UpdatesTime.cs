using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Crews;

namespace Microsolidarity.Hub.Features.Updates;

/// <summary>Instants shown in the viewer's zone (from their profile; UTC for visitors), with the zone named.</summary>
public sealed class UpdatesTime(HubDbContext db)
{
    public async Task<TimeZoneInfo> ZoneOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = UpdatesAccess.UserId(user);
        if (id is null)
        {
            return TimeZoneInfo.Utc;
        }
        var zone = await db.Profiles.Where(p => p.UserId == id).Select(p => p.TimeZone).FirstOrDefaultAsync(cancellationToken);
        return !string.IsNullOrEmpty(zone) && CrewSchedule.TryFindZone(zone, out var found) ? found : TimeZoneInfo.Utc;
    }

    public static string Format(DateTime utc, TimeZoneInfo zone) =>
        $"{TimeZoneInfo.ConvertTimeFromUtc(utc, zone):d MMM yyyy, HH:mm} ({(zone == TimeZoneInfo.Utc ? "UTC" : zone.Id)})";

    public static string Date(DateTime utc, TimeZoneInfo zone) => $"{TimeZoneInfo.ConvertTimeFromUtc(utc, zone):d MMMM yyyy}";
}
