using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Features.Dyads;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Home;

/// <summary>
/// For a visitor, the newcomer's page: the practice in a few lines, three ways to start, what is coming up
/// and what is new (events come from whichever features provide them; none is fine). For a signed-in
/// person, at "/" and "/me", their own home (<see cref="PersonalHome"/>), where invitations can be answered
/// at once with the same operations as on each group's page.
/// </summary>
public sealed class HomeModel(HubDbContext db, IEnumerable<IUpcomingEvents> calendars, ViewerClock times, ILogger<HomeModel> logger,
    PersonalHome personal, CrewAccess crews, RespondToCrewInvitation respondToCrew, DyadAccess dyads, TendDyad tendDyad, AcceptInvitation acceptInvitation,
    IStringLocalizer<Strings> strings)
    : HubPageModel
{
    public sealed record EventRow(string Title, string Url, string When, string? OwnZone, string Owner, bool IsOnline);
    public sealed record UpdateRow(string Title, string Url, string When, string Kind, DateTime At);

    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    public IReadOnlyList<UpdateRow> Issues { get; private set; } = [];
    public IReadOnlyList<UpdateRow> Episodes { get; private set; } = [];

    /// <summary>The signed-in person's home; null for a visitor.</summary>
    public PersonalHome.View? Mine { get; private set; }

    /// <summary>Whether to read the hub in the browser's language, asked once on each browser when it differs from the account's.</summary>
    public LanguageOffer.Offer? AskLanguage { get; private set; }
    public ViewerClock Clock => times;

    [BindProperty] public Guid Id { get; set; }
    [BindProperty] public bool Accept { get; set; }

    private string? Me => User.Identity?.IsAuthenticated == true ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Me is null)
        {
            if (Request.Path.StartsWithSegments("/me"))
            {
                return Challenge(); // to sign in, and back here after
            }
            await LoadNewcomerAsync(cancellationToken);
            return Page();
        }
        return await ShowMineAsync();
    }

    public async Task<IActionResult> OnPostCrewAsync() =>
        Me is null ? Challenge()
        : await crews.LoadAsync(Id, User, HttpContext.RequestAborted) is not { } view ? NotFound()
        : await AfterAsync(await respondToCrew.RunAsync(view, Accept, HttpContext.RequestAborted),
            Accept ? strings["Home.Mine.Notice.CrewJoined", view.Crew.Name] : strings["Home.Mine.Notice.CrewDeclined", view.Crew.Name], ShowMineAsync, Back);

    public async Task<IActionResult> OnPostDyadAsync() =>
        Me is null ? Challenge()
        : await dyads.LoadAsync(Id, User, HttpContext.RequestAborted) is not { } view ? NotFound()
        : await AfterAsync(await tendDyad.RespondAsync(view, Accept, HttpContext.RequestAborted),
            Accept ? strings["Home.Mine.Notice.DyadStarted", view.OtherName] : strings["Home.Mine.Notice.DyadDeclined"], ShowMineAsync, Back);

    public async Task<IActionResult> OnPostCongregationAsync()
    {
        if (Me is not { } me)
        {
            return Challenge();
        }
        var (outcome, slug) = await acceptInvitation.RunForAsync(Id, me, HttpContext.RequestAborted);
        return await AfterAsync(outcome, strings["Home.Mine.Notice.Member"], ShowMineAsync, outcome.Succeeded ? $"/congregations/{slug}" : Back);
    }

    /// <summary>Answers from the home page come back to it, at the address it was opened at.</summary>
    private string Back => Request.Path.StartsWithSegments("/me") ? "/me" : "/";

    private async Task<IActionResult> ShowMineAsync()
    {
        await times.ZoneAsync();
        Mine = await personal.LoadAsync(Me!, HttpContext.RequestAborted);
        AskLanguage = LanguageOffer.AskOnce(HttpContext, Mine.Language);
        // Made for one person: no shared cache or proxy may keep it, and nobody else may be shown it.
        NotKept.Say(Response);
        return Page();
    }

    private async Task LoadNewcomerAsync(CancellationToken cancellationToken)
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
        // One time per event: in the visitor's own zone when known (the event's own in a hover), else in the event's.
        var mine = times.OwnZone is not null;
        if (!mine)
        {
            times.FallBackTo(null, "each event's own zone");
        }
        Events = [.. events.OrderBy(e => e.StartsAtUtc).Take(5).Select(e =>
        {
            var eventZone = TimeZones.FindOrUtc(e.TimeZoneId);
            var shown = mine ? zone : eventZone;
            var own = eventZone.Id != shown.Id
                ? strings["Gatherings.TimeInEventZone", TimeZones.ToLocal(e.StartsAtUtc, eventZone).ToDateTimeUnspecified().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), eventZone.Id].Value : null;
            return new EventRow(e.Title, e.Url, ViewerClock.FormatIn(e.StartsAtUtc, shown), own, e.OwnerName, e.IsOnline);
        })];
        var issues = await db.NewsletterIssues.AsNoTracking().OrderByDescending(i => i.SentAt).Take(3)
            .Select(i => new { i.Id, i.Subject, i.SentAt }).ToListAsync(cancellationToken);
        Issues = [.. issues.Select(i => new UpdateRow(i.Subject, $"/newsletter/{i.Id}", ViewerClock.DateIn(i.SentAt, zone), "Newsletter", i.SentAt))];
        var episodes = await db.Episodes.AsNoTracking().OrderByDescending(e => e.PublishedAt).Take(3)
            .Select(e => new { e.Slug, e.Title, e.PublishedAt }).ToListAsync(cancellationToken);
        Episodes = [.. episodes.Select(e => new UpdateRow(e.Title, $"/podcast/{e.Slug}", ViewerClock.DateIn(e.PublishedAt, zone), "Episode", e.PublishedAt))];
    }
}
