using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Localization;
using NodaTime;
using NodaTime.TimeZones;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// Writes RFC 5545 iCalendar text: events in their own zone (DTSTART;TZID=...) with a VTIMEZONE for
/// every zone used, listing that zone's real transitions from the tz database over the years the
/// calendar covers, so calendar programs place each occurrence correctly across daylight saving.
/// The few words it adds (a crew meeting's summary, "Host: … Focus: …", "Join the call") are in the current UI
/// language: the caller sets it (a member's own feed and every emailed file: the reader's; a public feed: the request's).
/// </summary>
public sealed class CalendarWriter
{
    private readonly StringBuilder body = new();
    private readonly HashSet<string> zones = [];
    private readonly string hubHost;
    private readonly DateTime now;
    private readonly IStringLocalizer<Strings> strings;
    private DateTime earliest = DateTime.MaxValue;
    private DateTime latest = DateTime.MinValue;

    public CalendarWriter(string hubHost, DateTime nowUtc, IStringLocalizer<Strings> strings) => (this.hubHost, now, this.strings) = (hubHost, nowUtc, strings);

    /// <summary>A whole event: its rule, cancelled dates as EXDATE, changed dates as their own VEVENT with RECURRENCE-ID.</summary>
    public void AddEvent(GatheringEvent e, IReadOnlyList<EventOccurrence> rows, string url, bool showCallLink)
    {
        var zone = EventTime.FindZone(e.TimeZone) ?? DateTimeZone.Utc;
        Track(zone, e.StartsAt, e.EndsAt);
        var uid = $"{e.Id:N}@{hubHost}";
        Begin("VEVENT");
        Common(e, uid, url, showCallLink);
        Line($"DTSTART;TZID={zone.Id}:{Local(e.StartsAt, zone)}");
        Line($"DTEND;TZID={zone.Id}:{Local(e.EndsAt, zone)}");
        if (LunarRhythm.IsLunar(e.Recurrence))
        {
            // Moon phases follow no RRULE: the dates themselves, three years ahead, without the cancelled ones.
            // The first date is listed too although DTSTART already is one (RFC 5545 drops the repeat):
            // ical.js starts an RDATE-only set at its first RDATE and would otherwise lose it.
            var cancelledStarts = rows.Where(r => r.IsCancelled).Select(r => r.OriginalStart).ToHashSet();
            var dates = EventSchedule.RuleStarts(e, (e.StartsAt > now ? e.StartsAt : now).AddYears(3)).Where(d => !cancelledStarts.Contains(d)).ToList();
            Track(zone, e.StartsAt, dates.Count > 0 ? dates[^1] : e.EndsAt);
            if (dates.Count > 0)
            {
                Line($"RDATE;TZID={zone.Id}:{string.Join(",", dates.Select(d => Local(d, zone)))}");
            }
            if (cancelledStarts.Contains(e.StartsAt))
            {
                Line($"EXDATE;TZID={zone.Id}:{Local(e.StartsAt, zone)}");
            }
        }
        else if (EventSchedule.IsRecurring(e))
        {
            Line($"RRULE:{e.Recurrence}");
            var cancelled = rows.Where(r => r.IsCancelled).OrderBy(r => r.OriginalStart).ToList();
            if (cancelled.Count > 0)
            {
                Line($"EXDATE;TZID={zone.Id}:{string.Join(",", cancelled.Select(r => Local(r.OriginalStart, zone)))}");
            }
        }
        if (e.CancelledAt is not null)
        {
            Line("STATUS:CANCELLED");
        }
        End("VEVENT");
        if (!EventSchedule.IsRecurring(e))
        {
            return;
        }
        foreach (var moved in rows.Where(r => !r.IsCancelled && (r.StartsAt != r.OriginalStart || r.EndsAt - r.StartsAt != e.EndsAt - e.StartsAt)).OrderBy(r => r.OriginalStart))
        {
            Track(zone, moved.StartsAt, moved.EndsAt);
            Begin("VEVENT");
            Common(e, uid, url, showCallLink);
            Line($"RECURRENCE-ID;TZID={zone.Id}:{Local(moved.OriginalStart, zone)}");
            Line($"DTSTART;TZID={zone.Id}:{Local(moved.StartsAt, zone)}");
            Line($"DTEND;TZID={zone.Id}:{Local(moved.EndsAt, zone)}");
            End("VEVENT");
        }
    }

    /// <summary>One date of a series as an event of its own (a person's answer to that date only).</summary>
    public void AddOccurrence(GatheringEvent e, Occurrence o, string url, bool showCallLink)
    {
        var zone = EventTime.FindZone(e.TimeZone) ?? DateTimeZone.Utc;
        Track(zone, o.StartsAt, o.EndsAt);
        Begin("VEVENT");
        Common(e, $"{e.Id:N}-{o.Key}@{hubHost}", url, showCallLink);
        Line(DateTimeProperty("DTSTART", o.StartsAt, zone));
        Line(DateTimeProperty("DTEND", o.EndsAt, zone));
        if (o.IsCancelled)
        {
            Line("STATUS:CANCELLED");
        }
        End("VEVENT");
    }

    /// <summary>
    /// One meeting of a crew's term, written the same way in every member's calendar feed and in the file
    /// emailed when the crew moves its time: one UID per meeting and a SEQUENCE that grows with each move,
    /// so a calendar program replaces the old time instead of keeping both.
    /// </summary>
    public void AddCrewMeeting(Guid meetingId, string crewName, int number, DateTime startUtc, DateTime endUtc, string zoneId, int sequence,
        string host, string focus, string url)
    {
        var zone = EventTime.FindZone(zoneId) ?? DateTimeZone.Utc;
        Track(zone, startUtc, endUtc);
        Begin("VEVENT");
        Line($"UID:crew-meeting-{meetingId:N}@{hubHost}");
        Line($"DTSTAMP:{EventTime.Key(now)}");
        Line($"SEQUENCE:{sequence}");
        Line($"SUMMARY:{Escape(strings["Gatherings.Calendar.CrewMeeting", crewName, number])}");
        Line($"DESCRIPTION:{Escape($"{strings["Gatherings.Calendar.HostAndFocus", host, focus]}\n\n{url}")}");
        Line($"URL:{url}");
        Line(DateTimeProperty("DTSTART", startUtc, zone));
        Line(DateTimeProperty("DTEND", endUtc, zone));
        End("VEVENT");
    }

    /// <summary>One meeting of a monthly crew's series: where the rule puts it, where it is, and who hosts and brings a case.</summary>
    public sealed record SeriesMeeting(int Number, DateTime StartUtc, DateTime EndUtc, int Sequence, string Host, string Focus);

    /// <summary>
    /// A monthly crew's term as one series: RRULE:FREQ=MONTHLY;BYDAY=+2TU (<see cref="MonthlyWeekday"/>) from the first
    /// meeting, COUNT the term's meetings, so a calendar shows "every second Tuesday" rather than loose dates. Each meeting
    /// is also written as an instance of the series (RECURRENCE-ID: the date the rule gives it), carrying its host and
    /// focus person and its actual time, so a meeting the crew moved is where the crew page says.
    /// </summary>
    public void AddCrewSeries(Guid crewId, int term, string crewName, string zoneId, IReadOnlyList<SeriesMeeting> meetings, string url)
    {
        var zone = EventTime.FindZone(zoneId) ?? DateTimeZone.Utc;
        var ordered = meetings.OrderBy(m => m.Number).ToList();
        var first = ordered[0];
        var firstLocal = EventTime.ToLocal(first.StartUtc, zone);
        var length = first.EndUtc - first.StartUtc;
        var count = ordered[^1].Number - first.Number + 1;
        var uid = $"crew-{crewId:N}-term-{term}@{hubHost}";
        var sequence = ordered.Max(m => m.Sequence);
        LocalDateTime RuleStart(int number) => MonthlyWeekday.DateOf(firstLocal.Date, number - first.Number).At(firstLocal.TimeOfDay);
        string Wall(LocalDateTime local) => local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        Track(zone, first.StartUtc, ordered.Max(m => m.EndUtc));
        Track(zone, first.StartUtc, EventTime.ToUtc(RuleStart(ordered[^1].Number), zone) + length);
        Begin("VEVENT");
        Line($"UID:{uid}");
        Line($"DTSTAMP:{EventTime.Key(now)}");
        Line($"SEQUENCE:{sequence}");
        Line($"SUMMARY:{Escape(strings["Gatherings.Calendar.CrewMonthly", crewName])}");
        Line($"DESCRIPTION:{Escape(url)}");
        Line($"URL:{url}");
        Line($"DTSTART;TZID={zone.Id}:{Wall(firstLocal)}");
        Line($"DTEND;TZID={zone.Id}:{Wall(firstLocal.PlusTicks(length.Ticks))}");
        Line($"RRULE:{MonthlyWeekday.Rule(firstLocal.Date)};COUNT={count}");
        End("VEVENT");
        foreach (var m in ordered)
        {
            Begin("VEVENT");
            Line($"UID:{uid}");
            Line($"DTSTAMP:{EventTime.Key(now)}");
            Line($"SEQUENCE:{sequence}");
            Line($"SUMMARY:{Escape(strings["Gatherings.Calendar.CrewMeeting", crewName, m.Number])}");
            Line($"DESCRIPTION:{Escape($"{strings["Gatherings.Calendar.HostAndFocus", m.Host, m.Focus]}\n\n{url}")}");
            Line($"URL:{url}");
            Line($"RECURRENCE-ID;TZID={zone.Id}:{Wall(RuleStart(m.Number))}");
            Line(DateTimeProperty("DTSTART", m.StartUtc, zone));
            Line(DateTimeProperty("DTEND", m.EndUtc, zone));
            End("VEVENT");
        }
    }

    /// <summary>
    /// A date-time property of a VEVENT that stands alone (no rule is expanded from it): in the event's zone, or in
    /// UTC when that wall-clock time happens twice, which calendar programs read differently (ical.js takes the
    /// second of the two); in UTC every program reads the instant the hub stored.
    /// </summary>
    private static string DateTimeProperty(string name, DateTime utc, DateTimeZone zone) =>
        Platform.Web.TimeZones.IsRepeated(EventTime.ToLocal(utc, zone), zone)
            ? $"{name}:{EventTime.Key(utc)}"
            : $"{name};TZID={zone.Id}:{Local(utc, zone)}";

    public string ToText(string calendarName)
    {
        var text = new StringBuilder();
        void L(string line) => Fold(text, line);
        L("BEGIN:VCALENDAR");
        L("VERSION:2.0");
        L($"PRODID:-//Microsolidarity Hub//Gatherings//EN");
        L("CALSCALE:GREGORIAN");
        L("METHOD:PUBLISH");
        L($"X-WR-CALNAME:{Escape(calendarName)}");
        foreach (var id in zones.Order(StringComparer.Ordinal))
        {
            foreach (var line in TimeZoneLines(DateTimeZoneProviders.Tzdb[id]))
            {
                L(line);
            }
        }
        text.Append(body);
        L("END:VCALENDAR");
        return text.ToString();
    }

    private void Common(GatheringEvent e, string uid, string url, bool showCallLink)
    {
        Line($"UID:{uid}");
        Line($"DTSTAMP:{EventTime.Key(now)}");
        Line($"SEQUENCE:{e.Sequence}");
        Line($"SUMMARY:{Escape(e.Title)}");
        var description = e.Description;
        if (e.IsOnline && showCallLink && !string.IsNullOrEmpty(e.CallLink))
        {
            description = $"{strings["Gatherings.Calendar.JoinTheCall", e.CallLink]}\n\n{description}";
        }
        Line($"DESCRIPTION:{Escape($"{description}\n\n{url}".Trim())}");
        Line($"LOCATION:{Escape(e.IsOnline ? (showCallLink && e.CallLink != "" ? e.CallLink : strings["Gatherings.Calendar.Online"]) : e.Address)}");
        Line($"URL:{url}");
    }

    private void Track(DateTimeZone zone, DateTime start, DateTime end)
    {
        zones.Add(zone.Id);
        earliest = start < earliest ? start : earliest;
        latest = end > latest ? end : latest;
    }

    /// <summary>
    /// Every transition of the zone from a year before the first event to ten years after the later of
    /// now and the last event: recurring events without an end stay right for a decade.
    /// </summary>
    private IEnumerable<string> TimeZoneLines(DateTimeZone zone)
    {
        var from = Instant.FromDateTimeUtc(earliest.AddYears(-1));
        var to = Instant.FromDateTimeUtc((latest > now ? latest : now).AddYears(10));
        yield return "BEGIN:VTIMEZONE";
        yield return $"TZID:{zone.Id}";
        ZoneInterval? previous = null;
        foreach (var interval in zone.GetZoneIntervals(from, to))
        {
            var kind = interval.Savings != Offset.Zero ? "DAYLIGHT" : "STANDARD";
            var offsetFrom = previous?.WallOffset ?? interval.WallOffset;
            // The first interval began before the range: it is stated from the range's start.
            var start = previous is null || !interval.HasStart ? from : interval.Start;
            yield return $"BEGIN:{kind}";
            yield return $"DTSTART:{start.WithOffset(offsetFrom).LocalDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}";
            yield return $"TZOFFSETFROM:{OffsetText(offsetFrom)}";
            yield return $"TZOFFSETTO:{OffsetText(interval.WallOffset)}";
            yield return $"TZNAME:{interval.Name}";
            yield return $"END:{kind}";
            previous = interval;
        }
        yield return "END:VTIMEZONE";
    }

    private static string OffsetText(Offset offset)
    {
        var seconds = offset.Seconds;
        var sign = seconds < 0 ? "-" : "+";
        seconds = Math.Abs(seconds);
        return $"{sign}{seconds / 3600:00}{seconds % 3600 / 60:00}";
    }

    private static string Local(DateTime utc, DateTimeZone zone) =>
        EventTime.ToLocal(utc, zone).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private void Begin(string name) => Line($"BEGIN:{name}");
    private void End(string name) => Line($"END:{name}");
    private void Line(string line) => Fold(body, line);

    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1), never inside a character.</summary>
    private static void Fold(StringBuilder to, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                to.Append("\r\n ");
                octets = 1;
            }
            to.Append(rune.ToString());
            octets += size;
        }
        to.Append("\r\n");
    }
}
