using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Platform.Localization;
using NodaTime;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// A crew's time is one slot: a weekday and a wall-clock time in the crew's IANA zone, every week,
/// every two or once a month (<see cref="Crew.SlotDay"/>, <see cref="Crew.SlotTime"/>, <see cref="Crew.TimeZone"/>,
/// <see cref="Crew.Cadence"/>). The term's meetings are that slot's dates, computed here with NodaTime
/// and stored in UTC, so 19:00 stays 19:00 in the crew's zone across daylight saving. Wall-clock times
/// become instants by the hub's one rule (<see cref="Platform.Web.TimeZones.At"/>): a time the clocks skip
/// moves on by the gap (02:30 on a spring-forward night is 03:30); a time that happens twice is the first
/// of the two, as RFC 5545 asks of calendar programs, so the hub and every calendar agree.
/// </summary>
public static class CrewSchedule
{
    /// <summary>The crew's zone from the tz database that ships with the hub, so every server agrees.</summary>
    public static DateTimeZone? FindZone(string? id) => EventTime.FindZone(id);

    public static IsoDayOfWeek IsoDay(DayOfWeek day) => day == DayOfWeek.Sunday ? IsoDayOfWeek.Sunday : (IsoDayOfWeek)(int)day;

    public static int StepDays(CrewCadence cadence) => cadence == CrewCadence.Weekly ? 7 : 14;

    /// <summary>
    /// The date of the meeting <paramref name="n"/> steps after <paramref name="first"/>: a week or two later, or for a
    /// monthly crew the same weekday in the same week of the month (the second Tuesday stays the second Tuesday; a
    /// fifth Tuesday becomes each month's last, since most months have none).
    /// </summary>
    public static LocalDate DateOf(CrewCadence cadence, LocalDate first, int n)
    {
        return cadence == CrewCadence.Monthly ? MonthlyWeekday.DateOf(first, n) : first.PlusDays(n * StepDays(cadence));
    }

    /// <summary>"every week", "every two weeks", "once a month".</summary>
    public static string CadenceText(CrewCadence cadence) => cadence switch
    {
        CrewCadence.Weekly => "every week",
        CrewCadence.Fortnightly => "every two weeks",
        _ => "once a month",
    };

    /// <summary>"Weekly", "Every two weeks", "Monthly": the crew page's summary line.</summary>
    public static string CadenceTitle(CrewCadence cadence) => cadence switch
    {
        CrewCadence.Weekly => "Weekly",
        CrewCadence.Fortnightly => "Every two weeks",
        _ => "Monthly",
    };

    /// <summary>The instant the crew's slot begins on a local date.</summary>
    public static DateTime StartOn(Crew crew, LocalDate date, DateTimeZone zone) =>
        EventTime.ToUtc(date.At(LocalTime.FromTimeOnly(crew.SlotTime)), zone);

    /// <summary>The first date of the slot whose meeting begins after <paramref name="nowUtc"/>: what "start the experiment" proposes.</summary>
    public static LocalDate NextDate(Crew crew, DateTimeZone zone, DateTime nowUtc)
    {
        var today = Instant.FromDateTimeUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)).InZone(zone).Date;
        var day = today.DayOfWeek == IsoDay(crew.SlotDay) ? today : today.Next(IsoDay(crew.SlotDay));
        return StartOn(crew, day, zone) > nowUtc ? day : day.PlusWeeks(1);
    }

    /// <summary>The meetings of a term: host and focus person both rotate, one step apart, so nobody hosts their own case.</summary>
    public static IReadOnlyList<CrewMeeting> Plan(Crew crew, LocalDate firstDate, IReadOnlyList<string> rotation, DateTimeZone zone)
    {
        var meetings = new List<CrewMeeting>();
        for (var n = 0; n < crew.MeetingsPerTerm; n++)
        {
            meetings.Add(new CrewMeeting
            {
                Id = Guid.NewGuid(),
                CrewId = crew.Id,
                Term = crew.Term,
                Number = n + 1,
                StartsAt = StartOn(crew, DateOf(crew.Cadence, firstDate, n), zone),
                HostUserId = rotation[n % rotation.Count],
                FocusUserId = rotation[(n + 1) % rotation.Count],
            });
        }
        return meetings;
    }

    /// <summary>
    /// Puts the meetings not yet begun on the crew's slot: the first on the slot's next date, each
    /// following one a step later. Each meeting keeps its number, host and focus person, so the rotation
    /// goes on in its order; a moved meeting counts one more revision and will be reminded of again.
    /// Returns the meetings whose time changed.
    /// </summary>
    public static IReadOnlyList<CrewMeeting> MoveRemaining(Crew crew, IEnumerable<CrewMeeting> meetings, DateTimeZone zone, DateTime nowUtc)
    {
        var remaining = meetings.Where(m => m.StartsAt > nowUtc).OrderBy(m => m.Number).ToList();
        if (remaining.Count == 0)
        {
            return [];
        }
        var first = NextDate(crew, zone, nowUtc);
        var moved = new List<CrewMeeting>();
        for (var i = 0; i < remaining.Count; i++)
        {
            var start = StartOn(crew, DateOf(crew.Cadence, first, i), zone);
            if (start != remaining[i].StartsAt)
            {
                remaining[i].StartsAt = start;
                remaining[i].Sequence++;
                remaining[i].ReminderSentAt = null;
                moved.Add(remaining[i]);
            }
        }
        return moved;
    }

    /// <summary>"every week on Wednesdays at 19:00 (Europe/Lisbon)".</summary>
    public static string SlotText(Crew crew) =>
        $"{CadenceText(crew.Cadence)} on {crew.SlotDay}s at {crew.SlotTime.ToString("HH:mm", CultureInfo.InvariantCulture)} ({crew.TimeZone})";

    /// <summary><see cref="SlotText"/> in the current language ("chaque semaine, le mardi à 19:00 (Europe/Paris)"), for what is said to one person.</summary>
    public static string SlotInWords(IStringLocalizer strings, Crew crew) =>
        strings[$"Email.Crew.Slot.{crew.Cadence}", DateFormats.Culture.DateTimeFormat.GetDayName(crew.SlotDay),
            crew.SlotTime.ToString("HH:mm", CultureInfo.InvariantCulture), crew.TimeZone];

    /// <summary>"Tuesday 3 March at 19:30 Europe/Lisbon": in the member's zone, the crew's when they set none.</summary>
    public static string When(DateTime utc, string memberZone, string crewZone)
    {
        var zone = FindZone(memberZone) ?? FindZone(crewZone) ?? DateTimeZone.Utc;
        var local = EventTime.ToLocal(utc, zone);
        return $"{local.ToString("dddd d MMMM", CultureInfo.InvariantCulture)} at {local.ToString("HH:mm", CultureInfo.InvariantCulture)} {zone.Id}";
    }

    /// <summary>
    /// <see cref="When"/> in the current language ("martes 3 de marzo a las 19:30 Europe/Lisbon"), for what is said to
    /// one person inside their <see cref="Platform.Localization.RecipientLanguage"/>: in their zone, the crew's when they set none.
    /// </summary>
    public static string WhenInWords(IStringLocalizer strings, DateTime utc, string memberZone, string crewZone)
    {
        var zone = FindZone(memberZone) ?? FindZone(crewZone) ?? DateTimeZone.Utc;
        var local = EventTime.ToLocal(utc, zone).ToDateTimeUnspecified();
        return strings["Email.DayAt", DateFormats.Format(local, "dddd d MMMM"), local.ToString("HH:mm", CultureInfo.InvariantCulture), zone.Id];
    }

    /// <summary>The wall-clock time of an instant in the crew's zone (UTC if the zone is unknown).</summary>
    public static LocalDateTime ToLocal(DateTime utc, string zoneId) => EventTime.ToLocal(utc, FindZone(zoneId) ?? DateTimeZone.Utc);
}
