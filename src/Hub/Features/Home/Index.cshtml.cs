using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Home;

/// <summary>
/// The first page a newcomer sees: the practice in a few lines, three ways to start, what is
/// coming up and what is new. Events come from whichever features provide them (none is fine).
/// </summary>
public sealed class HomeModel(HubDbContext db, IEnumerable<IUpcomingEvents> calendars, ViewerClock times, ILogger<HomeModel> logger) : PageModel
{
    public sealed record EventRow(string Title, string Url, string When, string? OwnZone, string Owner, bool IsOnline);
    public sealed record UpdateRow(string Title, string Url, string When, string Kind, DateTime At);

    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    public IReadOnlyList<UpdateRow> Issues { get; private set; } = [];
    public IReadOnlyList<UpdateRow> Episodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var zone = await times.ZoneAsync();
        var events = new List<UpcomingEvent>();
        foreach (var calendar in calendars)
        {
            try
            {
                events.AddRange(await calendar.NextAsync(5, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The home page must open even when one source of events fails.
                logger.LogWarning(e, "Upcoming events from {Source} could not be read.", calendar.GetType().Name);
            }
        }
        Events = [.. events.OrderBy(e => e.StartsAtUtc).Take(5).Select(e =>
        {
            var own = Crews.CrewSchedule.TryFindZone(e.TimeZoneId, out var eventZone) && eventZone.Id != zone.Id
                ? $"{TimeZoneInfo.ConvertTimeFromUtc(e.StartsAtUtc, eventZone):HH:mm} in {eventZone.Id}" : null;
            return new EventRow(e.Title, e.Url, ViewerClock.FormatIn(e.StartsAtUtc, zone), own, e.OwnerName, e.IsOnline);
        })];
        var issues = await db.NewsletterIssues.AsNoTracking().OrderByDescending(i => i.SentAt).Take(3)
            .Select(i => new { i.Id, i.Subject, i.SentAt }).ToListAsync(cancellationToken);
        Issues = [.. issues.Select(i => new UpdateRow(i.Subject, $"/newsletter/{i.Id}", ViewerClock.DateIn(i.SentAt, zone), "Newsletter", i.SentAt))];
        var episodes = await db.Episodes.AsNoTracking().OrderByDescending(e => e.PublishedAt).Take(3)
            .Select(e => new { e.Slug, e.Title, e.PublishedAt }).ToListAsync(cancellationToken);
        Episodes = [.. episodes.Select(e => new UpdateRow(e.Title, $"/podcast/{e.Slug}", ViewerClock.DateIn(e.PublishedAt, zone), "Episode", e.PublishedAt))];
    }
}
