using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.People;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>A congregation's page: what it is, its size, and what the viewer can do here.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Platform.Web.PublicPageCache.Policy)]
public sealed class ShowCongregationModel(CongregationAccess access, HubDbContext db, SharedReadCache reads, JoinCongregation join, RequestToJoin request,
    LeaveCongregation leave, InviteByEmail invite, PeopleToPick people, CongregationLife life, ViewerClock clock, IStringLocalizer<Strings> t) : CongregationPageModel(access)
{
    public SizeGuidance Guidance { get; private set; } = SizeGuidance.For(0, 0);
    public CongregationLife.Life Life { get; private set; } = null!;
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;

    /// <summary>False when the viewer's zone is unknown: each event is then shown in its own zone.</summary>
    public bool HasZone { get; private set; }

    /// <summary>Members, and administrators who tend every congregation, see what is for members.</summary>
    public bool SeesMembersView => View.IsMember || View.IsAdmin;

    public string When(DateTime utc) => ViewerClock.FormatIn(utc, Zone);
    public bool PendingRequest { get; private set; }

    [BindProperty] public string? Answers { get; set; }
    [BindProperty] public string? InviteEmail { get; set; }
    [BindProperty] public string? InviteMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug) ?? await ShowAsync();

    public async Task<IActionResult> OnPostJoinAsync(string slug) =>
        await LoadAsync(slug, v => v.IsSignedIn) ?? await AfterAsync(await join.RunAsync(View), t["Congregations.Notice.Welcome", View.Congregation.Name], ShowAsync);

    public async Task<IActionResult> OnPostRequestAsync(string slug) =>
        await LoadAsync(slug, v => v.IsSignedIn) ?? await AfterAsync(await request.RunAsync(View, Answers ?? ""), t["Congregations.Notice.RequestSent"], ShowAsync);

    public async Task<IActionResult> OnPostLeaveAsync(string slug) =>
        await LoadAsync(slug, v => v.IsMember) ?? await AfterAsync(await leave.RunAsync(View), t["Congregations.Notice.Left", View.Congregation.Name], ShowAsync);

    public async Task<IActionResult> OnPostInviteAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, v => v.CanInvite) is { } refused)
        {
            return refused;
        }
        // A name picked from the inviter's fellow members (in other congregations), or an address typed.
        var choice = await people.ResolveAsync(View.UserId!, InviteEmail, cancellationToken);
        var email = choice is null ? null : await people.EmailOfAsync(choice, cancellationToken);
        var outcome = choice is null || email is null ? Outcome.Refused(PeopleToPick.Refusal(t, InviteEmail), "Email")
            : await invite.RunAsync(View, email, InviteMessage ?? "", choice.UserId is null ? null : choice.Shown, cancellationToken);
        return await AfterAsync(outcome, t["Congregations.Notice.InvitationSent", choice?.Shown ?? ""], ShowAsync);
    }

    private async Task<IActionResult> ShowAsync()
    {
        var id = View.Congregation.Id;
        // The same counts for every viewer: read once per few seconds, not once per member's visit.
        Guidance = await reads.GetOrLoadAsync(SharedReadCache.Congregations, $"size:{id}", async () =>
        {
            var counts = await db.Memberships.Where(m => m.CongregationId == id)
                .GroupBy(m => 1).Select(g => new { Members = g.Count(), Hosts = g.Count(m => m.IsHost) }).SingleOrDefaultAsync();
            return SizeGuidance.For(counts?.Members ?? 0, counts?.Hosts ?? 0);
        });
        Life = await life.LoadAsync(id, SeesMembersView, HttpContext.RequestAborted);
        Zone = await clock.ZoneAsync();
        HasZone = clock.HasZone;
        PendingRequest = View.UserId is not null && !View.IsMember && await db.JoinRequests.AnyAsync(r => r.CongregationId == id
            && r.UserId == View.UserId && r.Status == JoinRequestStatus.Pending);
        return Page();
    }
}
