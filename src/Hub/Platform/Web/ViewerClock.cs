using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Localization;
using NodaTime;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>Where the zone a page shows its times in came from, so the page can say so.</summary>
public enum ZoneSource
{
    /// <summary>Nothing known: UTC, and the page invites the person to choose.</summary>
    None,

    /// <summary>The zone saved in the person's profile.</summary>
    Profile,

    /// <summary>A zone a visitor chose on /time-zone (a cookie).</summary>
    Chosen,

    /// <summary>The zone the browser reports (a cookie the site's script sets).</summary>
    Browser,

    /// <summary>Nobody's own zone is known: the zone of what the page shows (an event, a crew).</summary>
    Place,
}

/// <summary>
/// Shows instants in the viewer's own time zone, so nobody converts times in their head: the zone in
/// their profile; else one they chose as a visitor; else the one their browser reports; else the zone
/// of what the page shows (an event's, a crew's), which the page names with <see cref="FallBackTo"/>;
/// UTC only when nothing else is known. The layout says once, under every page that used the clock,
/// which zone that was and how to change it, so single times carry no zone name of their own.
/// One lookup per request, and none while the person's saved zone is kept (<see cref="SavedZones"/>).
/// </summary>
public sealed class ViewerClock(HubDbContext db, IHttpContextAccessor http, SavedZones savedZones)
{
    /// <summary>The zone the browser reports, written by wwwroot/js/zone.js on every page.</summary>
    public const string BrowserCookie = "hub-browser-zone";

    /// <summary>A zone a visitor chose on /time-zone.</summary>
    public const string ChosenCookie = "hub-zone";

    /// <summary>The browser zone a signed-in person said to keep their saved zone against (the banner stays away until it changes).</summary>
    public const string KeptCookie = "hub-zone-kept";

    private DateTimeZone? zone;
    private bool loaded;

    /// <summary>True once a page asked for the zone: the layout names the zone only on pages that show times.</summary>
    public bool IsUsed => loaded;

    public ZoneSource Source { get; private set; } = ZoneSource.None;

    /// <summary>The zone saved in the profile of the person signed in, if any.</summary>
    public string? ProfileZoneId { get; private set; }

    /// <summary>What <see cref="ZoneSource.Place"/> stands for: "this event's zone", "each event's own zone".</summary>
    public string? PlaceName { get; private set; }

    /// <summary>The zone this request shows times in (see <see cref="Zone"/>), loaded once.</summary>
    public async Task<DateTimeZone> ZoneAsync()
    {
        if (!loaded)
        {
            var id = UserId;
            Use(id is null ? null
                : await savedZones.ReadAsync(id, () => db.Profiles.AsNoTracking().Where(p => p.UserId == id).Select(p => p.TimeZone).FirstOrDefaultAsync()));
        }
        return Zone;
    }

    /// <summary>For a page that read the person's saved zone already (one query, not two).</summary>
    public void Use(string? savedZone)
    {
        loaded = true;
        ProfileZoneId = TimeZones.Normalize(savedZone);
        var (id, source) = ProfileZoneId is { } saved ? (saved, ZoneSource.Profile)
            : ChosenZoneId is { } chosen ? (chosen, ZoneSource.Chosen)
            : BrowserZoneId is { } browser ? (browser, ZoneSource.Browser)
            : (null, ZoneSource.None);
        zone = TimeZones.Find(id);
        Source = zone is null ? ZoneSource.None : source;
        if (Source == ZoneSource.None && PlaceName is not null)
        {
            zone = TimeZones.Find(placeZoneId);
            Source = ZoneSource.Place;
        }
    }

    private string? placeZoneId;

    /// <summary>
    /// When nobody's own zone is known, show times in the zone of what the page is about, and say so
    /// ("this event's zone"). A null zone means each item is shown in its own zone (a list of events).
    /// Call it before or after <see cref="ZoneAsync"/>.
    /// </summary>
    public void FallBackTo(string? zoneId, string whose)
    {
        (placeZoneId, PlaceName) = (zoneId, whose);
        if (loaded && Source is ZoneSource.None or ZoneSource.Place)
        {
            zone = TimeZones.Find(zoneId);
            Source = ZoneSource.Place;
        }
    }

    /// <summary>False when times are shown in UTC for want of a zone, or each in its own place's zone.</summary>
    public bool HasZone => zone is not null;

    /// <summary>The viewer's own zone (profile, chosen or browser), or null when only a place's zone or nothing is known.</summary>
    public DateTimeZone? OwnZone => Source is ZoneSource.Profile or ZoneSource.Chosen or ZoneSource.Browser ? zone : null;

    /// <summary>
    /// The zone this request has loaded (tz database, NodaTime), UTC when none is known; call
    /// <see cref="ZoneAsync"/> once in the page handler first.
    /// </summary>
    public DateTimeZone Zone => zone ?? DateTimeZone.Utc;

    /// <summary>The browser's zone from the script's cookie, when it names a real zone.</summary>
    public string? BrowserZoneId => TimeZones.Normalize(http.HttpContext?.Request.Cookies[BrowserCookie]);

    public string? ChosenZoneId => TimeZones.Normalize(http.HttpContext?.Request.Cookies[ChosenCookie]);

    /// <summary>
    /// A signed-in person whose browser reports another zone than the one they saved (or who saved
    /// none), and who has not said to keep theirs against this browser zone: the layout offers to update it.
    /// </summary>
    public string? ZoneToOffer =>
        loaded && UserId is not null && BrowserZoneId is { } browser && browser != ProfileZoneId
        && http.HttpContext?.Request.Cookies[KeptCookie] != browser ? browser : null;

    /// <summary>"3 March 2027, 19:30": the page names the zone once, under its content.</summary>
    public string Format(DateTime utc, string pattern = "d MMMM yyyy, HH:mm") =>
        DateFormats.Format(Local(utc), pattern); // in the reader's language


    /// <summary>"3 Mar 2027".</summary>
    public string Date(DateTime utc) => Format(utc, "d MMM yyyy");

    /// <summary>"3 Mar 2027, 19:30".</summary>
    public string Time(DateTime utc) => Format(utc, "d MMM yyyy, HH:mm");

    /// <summary>The wall-clock time of an instant in this request's zone.</summary>
    public DateTime Local(DateTime utc) => TimeZones.ToLocal(utc, Zone).ToDateTimeUnspecified();

    /// <summary>"3 Mar 2027, 19:30", for lists where the zone is loaded once for many rows.</summary>
    public static string FormatIn(DateTime utc, DateTimeZone zone) =>
        DateFormats.Format(TimeZones.ToLocal(utc, zone).ToDateTimeUnspecified(), "d MMM yyyy, HH:mm");

    /// <summary>"3 March 2027": the day in the given zone.</summary>
    public static string DateIn(DateTime utc, DateTimeZone zone) =>
        DateFormats.Format(TimeZones.ToLocal(utc, zone).ToDateTimeUnspecified(), "d MMMM yyyy");

    private string? UserId => http.HttpContext?.User.Identity?.IsAuthenticated == true
        ? http.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
