using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>For hosts: who answered a date, the waitlist in its order, and the answers waiting for approval.</summary>
[Authorize]
public sealed class EventAnswersModel(ViewerLoader viewers, HubDbContext db, DecideAnswer decide, TimeProvider time, IStringLocalizer<Strings> words) : HubPageModel
{
    public sealed record Line(Guid Id, string Name, RsvpStatus Status, int Arrival, string Answers, bool Series);

    public GatheringEvent Event { get; private set; } = null!;
    public Occurrence? Selected { get; private set; }
    public IReadOnlyList<Line> Lines { get; private set; } = [];
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;

    [BindProperty] public Guid RsvpId { get; set; }
    [BindProperty] public bool Approve { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? date, CancellationToken cancellationToken) =>
        await LoadAsync(id, date, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostDecideAsync(Guid id, string? date, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, date, cancellationToken) is { } missing)
        {
            return missing;
        }
        var viewer = await viewers.LoadAsync(User, cancellationToken);
        return await AfterAsync(await decide.RunAsync(viewer, RsvpId, Approve, cancellationToken), words[Approve ? "Gatherings.Notice.Approved" : "Gatherings.Notice.Declined"],
            async () => await LoadAsync(id, date, cancellationToken) ?? Page(), Request.Path + (date is null ? "" : $"?date={date}"));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string? date, CancellationToken cancellationToken)
    {
        var e = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        var viewer = await viewers.LoadAsync(User, cancellationToken);
        if (e is null || !viewer.CanHost(e))
        {
            return NotFound();
        }
        Event = e;
        Zone = viewers.ZoneForPage(viewer, e);
        var rows = await db.EventOccurrences.AsNoTracking().Where(o => o.EventId == id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        Selected = EventTime.TryParseKey(date, out var key)
            ? EventSchedule.Between(e, rows, key.AddDays(-1), key.AddDays(40), 50).FirstOrDefault(o => o.OriginalStart == key)
            : EventSchedule.Between(e, rows, EventSchedule.IsRecurring(e) ? now : DateTime.MinValue.AddYears(1), now.AddYears(2), 1) is [var first, ..] ? first : null;
        var rowId = Selected?.Row?.Id;
        Lines = await db.Rsvps.AsNoTracking().Where(r => r.EventId == id && (r.OccurrenceId == null || r.OccurrenceId == rowId))
            .OrderBy(r => r.Status).ThenBy(r => r.Arrival)
            .Select(r => new Line(r.Id, r.User.DisplayName, r.Status, r.Arrival, r.Answers, r.OccurrenceId == null))
            .ToListAsync(cancellationToken);
        return null;
    }
}
