using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

public enum RecurrenceFrequency
{
    Daily,
    Weekly,
    Monthly,
}

/// <summary>
/// The part of RFC 5545's RRULE that community rhythms need: DAILY, WEEKLY and MONTHLY with INTERVAL,
/// COUNT, UNTIL, BYDAY (with an ordinal for monthly rules: 1TH is the first Thursday, -1FR the last
/// Friday) and BYMONTHDAY. Anything else is refused with a message rather than half understood.
/// The expansion is checked against Mozilla's ical.js in the tests.
/// </summary>
public sealed record RecurrenceRule(
    RecurrenceFrequency Frequency,
    int Interval,
    int? Count,
    DateTime? UntilUtc,
    IReadOnlyList<(int Ordinal, IsoDayOfWeek Day)> ByDay,
    IReadOnlyList<int> ByMonthDay)
{
    private static readonly string[] DayCodes = ["", "MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <param name="words">The page's words for the refusal; without them the refusal is its key, for a programmer's exception.</param>
    public static bool TryParse(string? text, out RecurrenceRule rule, out string error, IStringLocalizer? words = null)
    {
        rule = new RecurrenceRule(RecurrenceFrequency.Weekly, 1, null, null, [], []);
        error = "";
        var value = (text ?? "").Trim();
        if (value.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            value = value[6..];
        }
        RecurrenceFrequency? frequency = null;
        var interval = 1;
        int? count = null;
        DateTime? until = null;
        var byDay = new List<(int, IsoDayOfWeek)>();
        var byMonthDay = new List<int>();
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2)
            {
                error = Say(words, "Gatherings.Rule.Error.NameValue", part);
                return false;
            }
            var (name, v) = (pair[0].ToUpperInvariant(), pair[1].ToUpperInvariant());
            switch (name)
            {
                case "FREQ":
                    frequency = v switch
                    {
                        "DAILY" => RecurrenceFrequency.Daily,
                        "WEEKLY" => RecurrenceFrequency.Weekly,
                        "MONTHLY" => RecurrenceFrequency.Monthly,
                        _ => null,
                    };
                    if (frequency is null)
                    {
                        error = Say(words, "Gatherings.Rule.Error.Freq", v);
                        return false;
                    }
                    break;
                case "INTERVAL":
                    if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out interval) || interval is < 1 or > 52)
                    {
                        error = Say(words, "Gatherings.Rule.Error.Interval");
                        return false;
                    }
                    break;
                case "COUNT":
                    if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c is < 1 or > 1000)
                    {
                        error = Say(words, "Gatherings.Rule.Error.Count");
                        return false;
                    }
                    count = c;
                    break;
                case "UNTIL":
                    if (DateTime.TryParseExact(v, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var u))
                    {
                        until = u;
                    }
                    else
                    {
                        error = Say(words, "Gatherings.Rule.Error.Until");
                        return false;
                    }
                    break;
                case "BYDAY":
                    foreach (var day in v.Split(','))
                    {
                        var code = day.Length >= 2 ? day[^2..] : "";
                        var index = Array.IndexOf(DayCodes, code);
                        var ordinalText = day[..^Math.Min(2, day.Length)];
                        var ordinal = 0;
                        if (index < 1 || (ordinalText.Length > 0 && (!int.TryParse(ordinalText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ordinal) || ordinal == 0 || Math.Abs(ordinal) > 5)))
                        {
                            error = Say(words, "Gatherings.Rule.Error.ByDay", day);
                            return false;
                        }
                        byDay.Add((ordinal, (IsoDayOfWeek)index));
                    }
                    break;
                case "BYMONTHDAY":
                    foreach (var day in v.Split(','))
                    {
                        if (!int.TryParse(day, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) || d == 0 || Math.Abs(d) > 31)
                        {
                            error = Say(words, "Gatherings.Rule.Error.ByMonthDay", day);
                            return false;
                        }
                        byMonthDay.Add(d);
                    }
                    break;
                case "WKST" when v == "MO":
                    break;
                default:
                    error = Say(words, "Gatherings.Rule.Error.Unsupported", name);
                    return false;
            }
        }
        if (frequency is null)
        {
            error = Say(words, "Gatherings.Rule.Error.NoFreq");
            return false;
        }
        if (count is not null && until is not null)
        {
            error = Say(words, "Gatherings.Rule.Error.CountAndUntil");
            return false;
        }
        if (frequency != RecurrenceFrequency.Monthly && byDay.Any(d => d.Item1 != 0))
        {
            error = Say(words, "Gatherings.Rule.Error.NumberedDay");
            return false;
        }
        if (frequency != RecurrenceFrequency.Monthly && byMonthDay.Count > 0)
        {
            error = Say(words, "Gatherings.Rule.Error.MonthDayNotMonthly");
            return false;
        }
        rule = new RecurrenceRule(frequency.Value, interval, count, until, byDay, byMonthDay);
        return true;
    }

    /// <summary>The rule as RRULE text, in a stable order.</summary>
    public override string ToString()
    {
        var parts = new List<string> { $"FREQ={Frequency.ToString().ToUpperInvariant()}" };
        if (Interval != 1)
        {
            parts.Add($"INTERVAL={Interval}");
        }
        if (ByDay.Count > 0)
        {
            parts.Add("BYDAY=" + string.Join(",", ByDay.Select(d => (d.Ordinal == 0 ? "" : d.Ordinal.ToString(CultureInfo.InvariantCulture)) + DayCodes[(int)d.Day])));
        }
        if (ByMonthDay.Count > 0)
        {
            parts.Add("BYMONTHDAY=" + string.Join(",", ByMonthDay.Select(d => d.ToString(CultureInfo.InvariantCulture))));
        }
        if (Count is { } count)
        {
            parts.Add($"COUNT={count}");
        }
        if (UntilUtc is { } until)
        {
            parts.Add($"UNTIL={EventTime.Key(until)}");
        }
        return string.Join(";", parts);
    }

    public RecurrenceRule WithUntil(DateTime untilUtc) => this with { UntilUtc = untilUtc, Count = null };

    /// <summary>In plain words, in the page's language: "every month on the first Thursday".</summary>
    public string Describe(IStringLocalizer words)
    {
        var every = Frequency switch
        {
            RecurrenceFrequency.Daily => Interval == 1 ? words["Gatherings.Rule.Daily"] : words.Plural("Gatherings.Rule.EveryDays", Interval),
            RecurrenceFrequency.Weekly => Interval == 1 ? words["Gatherings.Rule.Weekly"] : Interval == 2 ? words["Gatherings.Rule.Fortnightly"] : words.Plural("Gatherings.Rule.EveryWeeks", Interval),
            _ => Interval == 1 ? words["Gatherings.Rule.Monthly"] : words.Plural("Gatherings.Rule.EveryMonths", Interval),
        };
        var days = ByDay.Select(d => d.Ordinal switch
        {
            0 => words["Gatherings.Rule.Weekday", DayName(d.Day)],
            -1 => words["Gatherings.Rule.Last", DayName(d.Day)],
            > 0 => words["Gatherings.Rule.Nth", words[$"Gatherings.Rule.Ordinal.{d.Ordinal}"], DayName(d.Day)],
            _ => words["Gatherings.Rule.NthFromEnd", words[$"Gatherings.Rule.Ordinal.{-d.Ordinal}"], DayName(d.Day)],
        }).Select(d => d.Value).ToList();
        var and = $" {words["Gatherings.Rule.And"]} ";
        string text = days.Count > 0 ? words["Gatherings.Rule.OnDays", every.Value, string.Join(and, days)] : every;
        if (ByMonthDay.Count > 0)
        {
            text = words["Gatherings.Rule.OnMonthDays", text, string.Join(and, ByMonthDay.Select(d =>
                d == -1 ? words["Gatherings.Rule.LastDay"].Value : words["Gatherings.Rule.MonthDay", d.ToString(CultureInfo.InvariantCulture)].Value))];
        }
        if (Count is { } count)
        {
            text += ", " + words.Plural("Gatherings.Rule.Times", count);
        }
        return text;
    }

    private static string Say(IStringLocalizer? words, string key, params object[] arguments) =>
        words is null ? $"{key} {string.Join(" ", arguments)}".TrimEnd() : words[key, arguments];

    /// <summary>A day's name in the page's language ("Thursday", "jeudi").</summary>
    private static string DayName(IsoDayOfWeek day) => DateFormats.Culture.DateTimeFormat.GetDayName((DayOfWeek)((int)day % 7));

    /// <summary>
    /// The local starts the rule gives, from <paramref name="start"/> (DTSTART, always the first)
    /// onwards, in order. COUNT is applied here; UNTIL is the caller's, because it is an instant.
    /// </summary>
    public IEnumerable<LocalDateTime> Expand(LocalDateTime start)
    {
        var produced = 0;
        var time = start.TimeOfDay;
        var empty = 0;
        yield return start;
        produced++;
        for (var period = 0; ; period++)
        {
            if (Count is { } count && produced >= count)
            {
                yield break;
            }
            var found = false;
            foreach (var date in DatesInPeriod(start.Date, period))
            {
                if (date <= start.Date)
                {
                    continue;
                }
                found = true;
                yield return date + time;
                produced++;
                if (Count is { } c && produced >= c)
                {
                    yield break;
                }
            }
            // A rule that matches nothing (BYMONTHDAY=31 with BYDAY=MO in a short month...) must end.
            empty = found ? 0 : empty + 1;
            if (empty > 1200)
            {
                yield break;
            }
        }
    }

    /// <summary>The first start on or after <paramref name="start"/> that the rule itself gives, so DTSTART matches the rule.</summary>
    public LocalDateTime Snap(LocalDateTime start)
    {
        for (var period = 0; period < 1200; period++)
        {
            foreach (var date in DatesInPeriod(start.Date, period))
            {
                if (date >= start.Date)
                {
                    return date + start.TimeOfDay;
                }
            }
        }
        return start;
    }

    private IEnumerable<LocalDate> DatesInPeriod(LocalDate start, int period)
    {
        switch (Frequency)
        {
            case RecurrenceFrequency.Daily:
                {
                    var date = start.PlusDays(period * Interval);
                    if (ByDay.Count == 0 || ByDay.Any(d => d.Day == date.DayOfWeek))
                    {
                        yield return date;
                    }
                    break;
                }
            case RecurrenceFrequency.Weekly:
                {
                    var monday = start.PlusDays(-((int)start.DayOfWeek - 1)).PlusWeeks(period * Interval);
                    var days = ByDay.Count == 0 ? [start.DayOfWeek] : ByDay.Select(d => d.Day).Distinct().Order().ToList();
                    foreach (var day in days)
                    {
                        yield return monday.PlusDays((int)day - 1);
                    }
                    break;
                }
            default:
                {
                    var first = new LocalDate(start.Year, start.Month, 1).PlusMonths(period * Interval);
                    var length = first.Calendar.GetDaysInMonth(first.Year, first.Month);
                    var candidates = new SortedSet<int>();
                    if (ByDay.Count > 0)
                    {
                        foreach (var (ordinal, day) in ByDay)
                        {
                            var firstOfDay = 1 + (((int)day - (int)first.DayOfWeek) + 7) % 7;
                            var all = Enumerable.Range(0, 5).Select(n => firstOfDay + 7 * n).Where(d => d <= length).ToList();
                            if (ordinal == 0)
                            {
                                candidates.UnionWith(all);
                            }
                            else if (ordinal > 0 && ordinal <= all.Count)
                            {
                                candidates.Add(all[ordinal - 1]);
                            }
                            else if (ordinal < 0 && -ordinal <= all.Count)
                            {
                                candidates.Add(all[all.Count + ordinal]);
                            }
                        }
                        if (ByMonthDay.Count > 0)
                        {
                            candidates.IntersectWith(ByMonthDay.Select(d => d > 0 ? d : length + 1 + d));
                        }
                    }
                    else if (ByMonthDay.Count > 0)
                    {
                        candidates.UnionWith(ByMonthDay.Select(d => d > 0 ? d : length + 1 + d).Where(d => d >= 1 && d <= length));
                    }
                    else if (start.Day <= length)
                    {
                        candidates.Add(start.Day);
                    }
                    foreach (var day in candidates)
                    {
                        yield return first.PlusDays(day - 1);
                    }
                    break;
                }
        }
    }
}
