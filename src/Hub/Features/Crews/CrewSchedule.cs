using Microsolidarity.Hub.Data.Crews;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// Meeting times and the hosting rotation. Times are computed in the crew's own time zone, so a
/// 19:00 meeting stays at 19:00 across a daylight-saving change; they are stored in UTC.
/// </summary>
public static class CrewSchedule
{
    public static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        var found = Platform.Web.ViewerClock.Find(id?.Trim());
        zone = found ?? TimeZoneInfo.Utc;
        return found is not null;
    }

    /// <summary>The meetings of a term: host and focus person both rotate, one step apart, so nobody hosts their own case.</summary>
    public static IReadOnlyList<CrewMeeting> Plan(Crew crew, DateOnly firstDate, IReadOnlyList<string> rotation, TimeZoneInfo zone)
    {
        var step = crew.Cadence == CrewCadence.Weekly ? 7 : 14;
        var meetings = new List<CrewMeeting>();
        for (var n = 0; n < crew.MeetingsPerTerm; n++)
        {
            var local = firstDate.AddDays(n * step).ToDateTime(crew.SlotTime, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(local))
            {
                local = local.AddHours(1); // the clock skipped this hour: meet just after it
            }
            meetings.Add(new CrewMeeting
            {
                Id = Guid.NewGuid(),
                CrewId = crew.Id,
                Term = crew.Term,
                Number = n + 1,
                StartsAt = TimeZoneInfo.ConvertTimeToUtc(local, zone),
                HostUserId = rotation[n % rotation.Count],
                FocusUserId = rotation[(n + 1) % rotation.Count],
            });
        }
        return meetings;
    }

    public static DateTime ToLocal(DateTime utc, string zoneId) =>
        TryFindZone(zoneId, out var zone) ? TimeZoneInfo.ConvertTimeFromUtc(utc, zone) : utc;
}
