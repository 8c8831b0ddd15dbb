using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// Shows instants in the viewer's own time zone (from their profile; UTC for visitors and for
/// people who have not set one), so nobody converts times in their head. One lookup per request.
/// </summary>
public sealed class ViewerClock(HubDbContext db, IHttpContextAccessor http)
{
    private TimeZoneInfo? zone;

    public async Task<TimeZoneInfo> ZoneAsync()
    {
        if (zone is not null)
        {
            return zone;
        }
        var id = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var zoneId = id is null ? null
            : await db.Profiles.AsNoTracking().Where(p => p.UserId == id).Select(p => p.TimeZone).FirstOrDefaultAsync();
        return zone = Find(zoneId) ?? TimeZoneInfo.Utc;
    }

    /// <summary>The zone this request has loaded; call <see cref="ZoneAsync"/> once in the page handler first.</summary>
    public TimeZoneInfo Zone => zone ?? TimeZoneInfo.Utc;

    /// <summary>"3 March 2027, 19:30 Europe/Lisbon": the zone is always named, so a time is never ambiguous.</summary>
    public string Format(DateTime utc, string pattern = "d MMMM yyyy, HH:mm") =>
        $"{TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString(pattern, System.Globalization.CultureInfo.InvariantCulture)} {ZoneName(Zone)}";

    /// <summary>"3 Mar 2027, 19:30 (Europe/Lisbon)", for lists where the zone is loaded once for many rows.</summary>
    public static string FormatIn(DateTime utc, TimeZoneInfo zone) =>
        $"{TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone):d MMM yyyy, HH:mm} ({ZoneName(zone)})";

    /// <summary>"3 March 2027": the day in the given zone.</summary>
    public static string DateIn(DateTime utc, TimeZoneInfo zone) =>
        $"{TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone):d MMMM yyyy}";

    public static string ZoneName(TimeZoneInfo zone) => zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;

    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
