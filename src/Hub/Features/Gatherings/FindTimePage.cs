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

/// <summary>
/// The finding-a-time page, shared by crews and working groups: each member ticks their free hours
/// in their own zone, everyone sees the overlap in theirs, a host confirms one of the best slots.
/// The crew and working-group pages only say which group it is and where it lives.
/// </summary>
[Authorize]
public abstract class FindTimePage(HubDbContext db, ViewerLoader viewers, TimeFindingAccess access, LoadOverlap overlap,
    MarkAvailability mark, ConfirmFoundTime confirm, TimeProvider time) : HubPageModel
{
    protected HubDbContext Db => db;

    /// <summary>The page's words, from the request's services so that the crew and working-group pages keep their constructors.</summary>
    private IStringLocalizer<Strings> Words => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();

    public TimeFindingView Group { get; private set; } = null!;
    public Overlap Overlap { get; private set; } = null!;

    /// <summary>The series the group confirmed, if it did.</summary>
    public GatheringEvent? Series { get; private set; }

    [BindProperty] public List<int> Free { get; set; } = [];
    [BindProperty] public string? MarkZone { get; set; }
    [BindProperty] public int Slot { get; set; }
    [BindProperty] public FoundRhythm Rhythm { get; set; }

    protected abstract TimeFindingGroup Kind { get; }

    /// <summary>Where the group's own page is, for the way back.</summary>
    public abstract string BackUrl { get; }

    /// <summary>The hours shown ticked: what was just posted when it had a problem, else the saved grid.</summary>
    public string ShownGrid => ModelState.IsValid || Free.Count == 0 && MarkZone is null ? Overlap.MyGrid : AvailabilityOverlap.FromHours(Free);
    public string ShownZone => ModelState.IsValid || MarkZone is null ? Overlap.MyZone : MarkZone;

    protected async Task<IActionResult?> LoadGroupAsync(Guid groupId)
    {
        var viewer = await viewers.LoadAsync(User, HttpContext.RequestAborted);
        var group = await access.LoadAsync(Kind, groupId, viewer, HttpContext.RequestAborted);
        if (group is null)
        {
            return NotFound();
        }
        Group = group;
        return null;
    }

    protected async Task<IActionResult> ShowAsync()
    {
        Overlap = await overlap.RunAsync(Group, HttpContext.RequestAborted);
        if (Group.Found is { } found)
        {
            Series = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == found.EventId, HttpContext.RequestAborted);
        }
        return Page();
    }

    protected async Task<IActionResult> MarkAsync() =>
        await AfterAsync(await mark.RunAsync(Group, Free, MarkZone ?? "", HttpContext.RequestAborted),
            Words["Gatherings.Notice.HoursSaved"], ShowAsync);

    protected async Task<IActionResult> ConfirmAsync(Func<TimeFindingView, int, Task>? then = null)
    {
        var moving = Group.Found is not null;
        var (outcome, eventId) = await confirm.RunAsync(Group, Slot, Rhythm, HttpContext.RequestAborted);
        if (outcome.Succeeded && then is not null)
        {
            await then(Group, Slot);
        }
        return await AfterAsync(outcome,
            Words[moving ? "Gatherings.Notice.TimeMoved" : "Gatherings.Notice.TimeSet"],
            ShowAsync, outcome.Succeeded ? $"/gatherings/{eventId}" : null);
    }

    /// <summary>A proposal's start, in the viewer's own zone, for the week the series would start.</summary>
    public string InViewerZone(AvailabilityOverlap.Proposal p)
    {
        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(Group.Zone).Date;
        var local = AvailabilityOverlap.NextMonday(today).PlusDays((int)p.Day - 1).At(new LocalTime(p.StartHour, 0));
        var instant = TimeZones.At(local, Group.Zone).ToInstant();
        var mine = instant.InZone(Overlap.ViewerZone);
        return $"{DayName(mine.DayOfWeek)} {mine.Hour:00}:{mine.Minute:00}";
    }

    public static string ZoneName(DateTimeZone zone) => zone.Id;

    /// <summary>A day's name in the page's language.</summary>
    public static string DayName(IsoDayOfWeek day) => DateFormats.Culture.DateTimeFormat.GetDayName((DayOfWeek)((int)day % 7));

    /// <summary>A proposal in the page's language: "Thursday 17:00–19:00".</summary>
    public static string Label(AvailabilityOverlap.Proposal p) => $"{DayName(p.Day)} {p.StartHour:00}:00–{(p.StartHour + p.Hours) % 24:00}:00";
}
