using System.Globalization;
using Microsolidarity.Hub.Data.Crews;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using NodaTime;
using NodaTime.Extensions;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// A call's times: its end date is a day in the call's zone (it takes requests until that day ends there),
/// and its usual hour is a weekday and a wall-clock time in that zone, shown to each viewer in their own.
/// </summary>
public static class CallTimes
{
    /// <summary>Long enough to gather people, short enough that a call does not linger.</summary>
    public const int MaxWeeks = 12;

    public static bool IsOpen(CrewCall call, DateTime nowUtc) => call.State == CrewCallState.Open && call.ClosesAt > nowUtc;

    /// <summary>The end of <paramref name="endsOn"/> in the zone, in UTC.</summary>
    public static DateTime ClosesAt(DateOnly endsOn, DateTimeZone zone) =>
        zone.AtStartOfDay(LocalDate.FromDateOnly(endsOn).PlusDays(1)).ToDateTimeUtc();

    public static DateOnly Today(DateTimeZone zone, DateTime nowUtc) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)).InZone(zone).Date.ToDateOnly();

    /// <summary>
    /// "Tuesdays at 20:00 your time (Tuesdays at 19:00 in Europe/Lisbon)": in the viewer's own zone with the call's
    /// beside it; the call's alone when the viewer's zone is unknown (null) or shows the same wall-clock time.
    /// "We'll find a time together" when the caller left the hour open.
    /// </summary>
    public static string UsualHour(CrewCall call, DateTimeZone? viewer, DateTime nowUtc, IStringLocalizer strings)
    {
        if (call.UsualDay is not { } day || call.UsualTime is not { } at)
        {
            return strings["Crews.Call.TimeTogether"];
        }
        var zone = CrewSchedule.FindZone(call.TimeZone) ?? DateTimeZone.Utc;
        var own = strings["Crews.Call.DayAt", DateFormats.Culture.DateTimeFormat.GetDayName(day), at.ToString("HH:mm", CultureInfo.InvariantCulture)].Value;
        if (viewer is null || viewer.Id == zone.Id)
        {
            return $"{own} ({zone.Id})";
        }
        // The next such hour in the call's zone, so the weekday and the offsets are those of this season.
        var today = Instant.FromDateTimeUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)).InZone(zone).Date;
        var date = today.DayOfWeek == CrewSchedule.IsoDay(day) ? today : today.Next(CrewSchedule.IsoDay(day));
        var local = Platform.Web.TimeZones.At(date.At(LocalTime.FromTimeOnly(at)), zone).ToInstant().InZone(viewer).LocalDateTime;
        var shown = strings["Crews.Call.DayAt", DateFormats.Culture.DateTimeFormat.GetDayName(local.DayOfWeek.ToDayOfWeek()),
            local.ToString("HH:mm", CultureInfo.InvariantCulture)].Value;
        return shown == own ? $"{own} ({zone.Id})" : strings["Crews.Call.YourTime", shown, own, zone.Id];
    }

    public static string KindText(CrewCallKind kind, IStringLocalizer strings) =>
        strings[$"Crews.Call.Kind.{(Kinds.Contains(kind) ? kind : CrewCallKind.Other)}"];

    public static string KindHint(CrewCallKind kind, IStringLocalizer strings) =>
        strings[$"Crews.Call.KindHint.{(Kinds.Contains(kind) ? kind : CrewCallKind.Other)}"];

    public static readonly IReadOnlyList<CrewCallKind> Kinds =
        [CrewCallKind.PeerSupport, CrewCallKind.Commitments, CrewCallKind.Learning, CrewCallKind.Project, CrewCallKind.Other];
}
