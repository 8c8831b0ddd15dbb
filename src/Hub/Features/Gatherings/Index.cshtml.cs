using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>Coming events across the network that the viewer may see: a list, or a month as a calendar.</summary>
public sealed class GatheringsIndexModel(ViewerLoader viewers, UpcomingOccurrences upcoming, TimeProvider time) : HubPageModel
{
    public Viewer Viewer { get; private set; } = Viewer.Anonymous;
    public IReadOnlyList<EventDate> Dates { get; private set; } = [];
    public bool MonthView { get; private set; }
    public LocalDate Month { get; private set; }
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;

    public async Task OnGetAsync(string? view, string? month, CancellationToken cancellationToken)
    {
        Viewer = await viewers.LoadAsync(User, cancellationToken);
        Zone = Viewer.ProfileZone ?? DateTimeZone.Utc;
        var now = time.GetUtcNow().UtcDateTime;
        MonthView = view == "month";
        if (MonthView)
        {
            var today = EventTime.ToLocal(now, Zone).Date;
            // A month outside the gatherings' years (9999-12, 0001-01) shows this month, as an unreadable one does.
            Month = DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && EventTime.IsInRange(new LocalDate(m.Year, m.Month, 1))
                ? new LocalDate(m.Year, m.Month, 1) : new LocalDate(today.Year, today.Month, 1);
            var from = EventTime.ToUtc(Month.AtMidnight(), Zone);
            var to = EventTime.ToUtc(Month.PlusMonths(1).AtMidnight(), Zone);
            Dates = await upcoming.ListAsync(Viewer, from, to, 500, cancellationToken);
        }
        else
        {
            Dates = await upcoming.ListAsync(Viewer, now, now.AddDays(120), 60, cancellationToken);
        }
    }

    public string Range(EventDate d) => EventTime.Range(d.Occurrence.StartsAt, d.Occurrence.EndsAt, Viewer.ZoneFor(d.Event), EventTime.FindZone(d.Event.TimeZone) ?? DateTimeZone.Utc);

    public LocalDate LocalDay(EventDate d) => EventTime.ToLocal(d.Occurrence.StartsAt, Zone).Date;
}
