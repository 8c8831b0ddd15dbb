using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Features.Congregations.Map;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Maps;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>What hosts tend: requests to answer, invitations still open, the page's cover and the congregation's place on the map.</summary>
[UploadLimit(CoverImages.MaxUploadBytes)]
public sealed class HostModel(CongregationAccess access, HubDbContext db, SharedReadCache reads, DecideJoinRequest decide, RevokeInvitation revoke, SetCongregationCover cover, PlaceCongregation place, TimeProvider time, SetMembersEvents membersEvents,
    ViewerClock clock, IStringLocalizer<Strings> t)
    : CongregationPageModel(access)
{
    /// <summary>One line of what the hosts did, newest first: who, what, and their reason when they gave one.</summary>
    public sealed record Action(string Name, string What, string Reason, DateTime At);

    /// <summary>What hosts did here lately (levels, hosting, network membership), so that every host knows.</summary>
    public IReadOnlyList<Action> Actions { get; private set; } = [];

    public NodaTime.DateTimeZone Zone { get; private set; } = NodaTime.DateTimeZone.Utc;

    public sealed record PendingRequest(Guid Id, string Name, string Answers, DateTime CreatedAt);
    public sealed record OpenInvitation(Guid Id, string Email, string InvitedBy, DateTime ExpiresAt);

    public IReadOnlyList<PendingRequest> Requests { get; private set; } = [];
    public IReadOnlyList<OpenInvitation> Invitations { get; private set; } = [];
    public sealed record ProposedEvent(Guid Id, string Title, string ProposedBy, DateTime StartsAt);

    /// <summary>Events members proposed, waiting for a host's yes.</summary>
    public IReadOnlyList<ProposedEvent> Proposals { get; private set; } = [];

    /// <summary>The care contacts' names: a congregation without two is warned (Concerns).</summary>
    public IReadOnlyList<string> CareContacts { get; private set; } = [];

    [BindProperty] public bool MembersEventsAtOnce { get; set; }

    [BindProperty] public Guid RequestId { get; set; }
    [BindProperty] public bool Accept { get; set; }
    [BindProperty] public Guid InvitationId { get; set; }
    [BindProperty] public IFormFile? Cover { get; set; }

    // Strings, so that what a host typed comes back beside its error exactly as typed.
    [BindProperty] public string? City { get; set; }
    [BindProperty] public string? Latitude { get; set; }
    [BindProperty] public string? Longitude { get; set; }

    /// <summary>The map with this congregation on it, when it is placed.</summary>
    public string? PlacedSvg { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug, v => v.IsHost) ?? await ShowAsync();

    public async Task<IActionResult> OnPostDecideAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await decide.RunAsync(View, RequestId, Accept),
            t[Accept ? "Congregations.Host.Notice.Welcomed" : "Congregations.Host.Notice.Declined"], ShowAsync);

    public async Task<IActionResult> OnPostMembersEventsAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await membersEvents.RunAsync(View, MembersEventsAtOnce),
            t[MembersEventsAtOnce ? "Congregations.Host.Notice.AtOnce" : "Congregations.Host.Notice.Waits"], ShowAsync);

    public async Task<IActionResult> OnPostRevokeAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await revoke.RunAsync(View, InvitationId), t["Congregations.Host.Notice.Withdrawn"], ShowAsync);

    public async Task<IActionResult> OnPostCoverAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsHost) is { } refused)
        {
            return refused;
        }
        await using var stream = Cover?.OpenReadStream();
        return await AfterAsync(await cover.RunAsync(View, stream, Cover?.Length ?? 0, HttpContext.RequestAborted),
            t["Congregations.Host.Notice.Cover"], ShowAsync);
    }

    public async Task<IActionResult> OnPostRemoveCoverAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await cover.RemoveAsync(View, HttpContext.RequestAborted), t["Congregations.Host.Notice.CoverRemoved"], ShowAsync);

    public async Task<IActionResult> OnPostPlaceAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await place.RunAsync(View, new MapPlace.Input(City, Latitude, Longitude)),
            t["Congregations.Host.Notice.Placed"], ShowAsync);

    public async Task<IActionResult> OnPostUnplaceAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await place.RemoveAsync(View), t["Congregations.Host.Notice.Unplaced"], ShowAsync);

    private async Task<IActionResult> ShowAsync()
    {
        var c = View.Congregation;
        if (c is { Latitude: { } lat, Longitude: { } lon })
        {
            PlacedSvg = WorldMap.Svg([new WorldMap.Point(c.Slug, c.Name, c.Place, 1, lat, lon)], "placed-title", t["Congregations.Host.MapTitle", c.Name], n => t.Plural("Congregations.Members", n), highlight: c.Slug);
        }
        if (Request.Method == "GET")
        {
            // A congregation not placed yet starts from the city its place names, when the list has it.
            Latitude = c.Latitude?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Longitude = c.Longitude?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            City = c.Latitude is null ? Cities.ForPlace(c.Place)?.Label : null;
        }
        // The same for every host of the congregation: read once per few seconds, and read again at once after any
        // saved change to what it shows (SharedReadCache.Hosting). Names of people who left are worded here, in the
        // viewer's language.
        var id = View.Congregation.Id;
        var kept = await reads.GetOrLoadAsync(SharedReadCache.Hosting, id.ToString(), () => ReadAsync(id));
        string formerMember = t["Congregations.Host.FormerMember"], someoneLeft = t["Congregations.Host.SomeoneLeft"];
        Requests = kept.Requests;
        Invitations = [.. kept.Invitations.Select(i => new OpenInvitation(i.Id, i.Email, i.InvitedBy ?? formerMember, i.ExpiresAt))];
        Proposals = [.. kept.Proposals.Select(p => new ProposedEvent(p.Id, p.Title, p.ProposedBy ?? someoneLeft, p.StartsAt))];
        Actions = [.. kept.Actions.Select(a => new Action(a.By ?? t["Congregations.Host.SomeoneLeftName"], HostActions.Words(t, a.What, a.About), a.Reason, a.At))];
        CareContacts = kept.CareContacts;
        Zone = await clock.ZoneAsync();
        return Page();
    }

    /// <summary>What the dashboard shows, as read; a null name is someone who has left. Shared between requests: never changed.</summary>
    private sealed record Kept(IReadOnlyList<PendingRequest> Requests, IReadOnlyList<KeptInvitation> Invitations, IReadOnlyList<KeptProposal> Proposals,
        IReadOnlyList<KeptAction> Actions, IReadOnlyList<string> CareContacts);

    private sealed record KeptInvitation(Guid Id, string Email, string? InvitedBy, DateTime ExpiresAt);

    private sealed record KeptProposal(Guid Id, string Title, string? ProposedBy, DateTime StartsAt);

    private sealed record KeptAction(string? By, string? About, string What, string Reason, DateTime At);

    private async Task<Kept> ReadAsync(Guid id)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var requests = await db.JoinRequests.AsNoTracking().Where(r => r.CongregationId == id && r.Status == JoinRequestStatus.Pending)
            .OrderBy(r => r.CreatedAt).Select(r => new PendingRequest(r.Id, r.User.DisplayName, r.Answers, r.CreatedAt)).ToListAsync();
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.CongregationId == id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.ExpiresAt)
            .Select(i => new KeptInvitation(i.Id, i.Email, db.Users.Where(u => u.Id == i.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault(), i.ExpiresAt))
            .ToListAsync();
        var proposals = await db.GatheringEvents.AsNoTracking()
            .Where(e => e.CongregationId == id && e.Approval == Data.Gatherings.EventApproval.Proposed && e.CancelledAt == null)
            .OrderBy(e => e.StartsAt)
            .Select(e => new KeptProposal(e.Id, e.Title, db.Users.Where(u => u.Id == e.CreatedByUserId).Select(u => u.DisplayName).FirstOrDefault(), e.StartsAt))
            .ToListAsync();
        var actions = await db.CongregationHostActions.AsNoTracking().Where(a => a.CongregationId == id).OrderByDescending(a => a.At).Take(50)
            .Select(a => new KeptAction(
                db.Users.Where(u => u.Id == a.ByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Where(u => u.Id == a.AboutUserId).Select(u => u.DisplayName).FirstOrDefault(),
                a.What,
                a.Reason,
                a.At))
            .ToListAsync();
        var careContacts = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == id && m.IsCareContact).OrderBy(m => m.JoinedAt)
            .Select(m => m.User.DisplayName).ToListAsync();
        return new Kept(requests, invitations, proposals, actions, careContacts);
    }
}
