using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// Coming events across the network that the viewer may see: a list, or a month as a calendar. The list
/// shows each event once, at its next date (a series' further dates fold under it), grouped by day, and
/// can be narrowed by kind and scale with a plain GET form.
/// </summary>
/// <remarks>
/// Both views show a date in the same zone, so they agree: the viewer's own (profile, chosen or
/// device), else each event's own zone, which the layout's zone line then says.
/// </remarks>
public sealed class GatheringsIndexModel(ViewerLoader viewers, UpcomingOccurrences upcoming, ViewerClock clock, HubDbContext db, TimeProvider time,
    IStringLocalizer<Strings> words) : HubPageModel
{
    /// <summary>One event in the list: its next date and the dates after it in the window.</summary>
    public sealed record Entry(EventDate Next, IReadOnlyList<EventDate> Later);

    public Viewer Viewer { get; private set; } = Viewer.Anonymous;
    public IReadOnlyList<EventDate> Dates { get; private set; } = [];
    public bool MonthView { get; private set; }
    public LocalDate Month { get; private set; }
    /// <summary>The viewer's own zone; null when each event is shown in its own.</summary>
    public DateTimeZone? Zone { get; private set; }

    /// <summary>The filters as understood; null is "all". An unknown value is ignored (and said so).</summary>
    public EventKind? Kind { get; private set; }
    public EventScale? Scale { get; private set; }
    public bool UnknownFilter { get; private set; }
    public bool Filtered => Kind is not null || Scale is not null;

    /// <summary>Each day that has a next date, with the events on it, soonest first.</summary>
    public IReadOnlyList<(LocalDate Day, IReadOnlyList<Entry> Entries)> Days { get; private set; } = [];

    /// <summary>The viewer's answers: whole series (by event) and single dates (by occurrence row).</summary>
    private HashSet<Guid> goingSeries = [];
    private Dictionary<Guid, RsvpStatus> dateAnswers = [];

    public async Task OnGetAsync(string? view, string? month, string? kind, string? scale, CancellationToken cancellationToken)
    {
        Viewer = await viewers.LoadAsync(User, cancellationToken);
        Kind = Parse<EventKind>(kind);
        Scale = Parse<EventScale>(scale);
        Zone = Viewer.ProfileZone;
        if (Zone is null)
        {
            clock.FallBackTo(null, words["Gatherings.EachEventsZone"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        MonthView = view == "month";
        if (MonthView)
        {
            var today = EventTime.ToLocal(now, Zone ?? DateTimeZone.Utc).Date;
            // A month outside the gatherings' years (9999-12, 0001-01) shows this month, as an unreadable one does.
            Month = DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && EventTime.IsInRange(new LocalDate(m.Year, m.Month, 1))
                ? new LocalDate(m.Year, m.Month, 1) : new LocalDate(today.Year, today.Month, 1);
            // Without the viewer's zone, each event's day is its own: take every zone's month (UTC−12 to
            // UTC+14) and keep the dates that fall in it where they happen.
            var from = Zone is null ? EventTime.ToUtc(Month.AtMidnight(), DateTimeZone.Utc).AddHours(-14) : EventTime.ToUtc(Month.AtMidnight(), Zone);
            var to = Zone is null ? EventTime.ToUtc(Month.PlusMonths(1).AtMidnight(), DateTimeZone.Utc).AddHours(12) : EventTime.ToUtc(Month.PlusMonths(1).AtMidnight(), Zone);
            var dates = await upcoming.ListAsync(Viewer, from, to, 500, cancellationToken);
            Dates = [.. dates.Where(d => LocalDay(d) is var day && day.Year == Month.Year && day.Month == Month.Month)];
        }
        else
        {
            // A wider net than the page shows: series fold to one entry each, so their later dates must not crowd others out.
            Dates = await upcoming.ListAsync(Viewer, now, now.AddDays(120), 200, cancellationToken);
        }
        Dates = [.. Dates.Where(d => (Kind is null || d.Event.Kind == Kind) && (Scale is null || d.Event.Scale == Scale))];
        if (!MonthView)
        {
            var entries = Dates.GroupBy(d => d.Event.Id)
                .Select(g => new Entry(g.First(), [.. g.Skip(1).Take(12)]))
                .Take(60).ToList();
            Days = [.. entries.GroupBy(e => LocalDay(e.Next)).OrderBy(g => g.Key).Select(g => (g.Key, (IReadOnlyList<Entry>)[.. g]))];
        }
        await LoadAnswersAsync(cancellationToken);
    }

    private T? Parse<T>(string? value) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }
        UnknownFilter = true;
        return null;
    }

    private async Task LoadAnswersAsync(CancellationToken cancellationToken)
    {
        if (Viewer.UserId is not { } me || Dates.Count == 0)
        {
            return;
        }
        var ids = Dates.Select(d => d.Event.Id).Distinct().ToList();
        var answers = await db.Rsvps.AsNoTracking().Where(r => r.UserId == me && ids.Contains(r.EventId))
            .Select(r => new { r.EventId, r.OccurrenceId, r.Status }).ToListAsync(cancellationToken);
        goingSeries = [.. answers.Where(a => a.OccurrenceId == null && a.Status == RsvpStatus.Going).Select(a => a.EventId)];
        dateAnswers = answers.Where(a => a.OccurrenceId is not null).GroupBy(a => a.OccurrenceId!.Value).ToDictionary(g => g.Key, g => g.First().Status);
    }

    /// <summary>One time per date, in the viewer's zone (else the event's).</summary>
    public string Range(EventDate d) => EventTime.RangeIn(d.Occurrence.StartsAt, d.Occurrence.EndsAt, Viewer.ZoneFor(d.Event));

    /// <summary>The same date in the event's own zone, for a hover; null when that is the zone shown.</summary>
    public string? Elsewhere(EventDate d) => EventTime.InEventZone(d.Occurrence.StartsAt, d.Occurrence.EndsAt, Viewer.ZoneFor(d.Event), EventTime.FindZone(d.Event.TimeZone) ?? DateTimeZone.Utc, words);

    public string Start(EventDate d) => EventTime.FormatTime(d.Occurrence.StartsAt, Viewer.ZoneFor(d.Event));

    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>What the viewer said about this date: their answer to the date itself, else to the whole series.</summary>
    public RsvpStatus? AnswerFor(EventDate d) =>
        d.Occurrence.Row is { } row && dateAnswers.TryGetValue(row.Id, out var status) ? status
        : goingSeries.Contains(d.Event.Id) ? RsvpStatus.Going : null;

    /// <summary>The day a date falls on in the zone it is shown in.</summary>
    public LocalDate LocalDay(EventDate d) => EventTime.ToLocal(d.Occurrence.StartsAt, Viewer.ZoneFor(d.Event)).Date;
}
