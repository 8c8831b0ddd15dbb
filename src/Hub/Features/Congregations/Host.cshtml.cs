using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>What hosts tend: requests to answer, invitations still open, and the page's cover.</summary>
[UploadLimit(CoverImages.MaxUploadBytes)]
public sealed class HostModel(CongregationAccess access, HubDbContext db, DecideJoinRequest decide, RevokeInvitation revoke, SetCongregationCover cover, TimeProvider time)
    : CongregationPageModel(access)
{
    public sealed record PendingRequest(Guid Id, string Name, string Answers, DateTime CreatedAt);
    public sealed record OpenInvitation(Guid Id, string Email, string InvitedBy, DateTime ExpiresAt);

    public IReadOnlyList<PendingRequest> Requests { get; private set; } = [];
    public IReadOnlyList<OpenInvitation> Invitations { get; private set; } = [];

    [BindProperty] public Guid RequestId { get; set; }
    [BindProperty] public bool Accept { get; set; }
    [BindProperty] public Guid InvitationId { get; set; }
    [BindProperty] public IFormFile? Cover { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug, v => v.IsHost) ?? await ShowAsync();

    public async Task<IActionResult> OnPostDecideAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await decide.RunAsync(View, RequestId, Accept),
            Accept ? "Welcomed: they are a member now, and have been told." : "Declined: they have been told kindly.", ShowAsync);

    public async Task<IActionResult> OnPostRevokeAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await revoke.RunAsync(View, InvitationId), "The invitation was withdrawn; its link no longer works.", ShowAsync);

    public async Task<IActionResult> OnPostCoverAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsHost) is { } refused)
        {
            return refused;
        }
        await using var stream = Cover?.OpenReadStream();
        return await AfterAsync(await cover.RunAsync(View, stream, Cover?.Length ?? 0, HttpContext.RequestAborted),
            "The new cover is on the congregation's page.", ShowAsync);
    }

    public async Task<IActionResult> OnPostRemoveCoverAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await cover.RemoveAsync(View, HttpContext.RequestAborted), "The cover is taken away.", ShowAsync);

    private async Task<IActionResult> ShowAsync()
    {
        var id = View.Congregation.Id;
        var now = time.GetUtcNow().UtcDateTime;
        Requests = await db.JoinRequests.AsNoTracking().Where(r => r.CongregationId == id && r.Status == JoinRequestStatus.Pending)
            .OrderBy(r => r.CreatedAt).Select(r => new PendingRequest(r.Id, r.User.DisplayName, r.Answers, r.CreatedAt)).ToListAsync();
        Invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.CongregationId == id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.ExpiresAt)
            .Select(i => new OpenInvitation(i.Id, i.Email, db.Users.Where(u => u.Id == i.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "a former member", i.ExpiresAt))
            .ToListAsync();
        return Page();
    }
}
