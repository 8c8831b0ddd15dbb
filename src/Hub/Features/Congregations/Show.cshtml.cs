using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>A congregation's page: what it is, its size, and what the viewer can do here.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Platform.Web.PublicPageCache.Policy)]
public sealed class ShowCongregationModel(CongregationAccess access, HubDbContext db, SharedReadCache reads, JoinCongregation join, RequestToJoin request,
    LeaveCongregation leave, InviteByEmail invite) : CongregationPageModel(access)
{
    public SizeGuidance Guidance { get; private set; } = SizeGuidance.For(0, 0);
    public bool PendingRequest { get; private set; }

    [BindProperty] public string? Answers { get; set; }
    [BindProperty] public string? InviteEmail { get; set; }
    [BindProperty] public string? InviteMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug) ?? await ShowAsync();

    public async Task<IActionResult> OnPostJoinAsync(string slug) =>
        await LoadAsync(slug, v => v.IsSignedIn) ?? await AfterAsync(await join.RunAsync(View), $"Welcome to {View.Congregation.Name}.", ShowAsync);

    public async Task<IActionResult> OnPostRequestAsync(string slug) =>
        await LoadAsync(slug, v => v.IsSignedIn) ?? await AfterAsync(await request.RunAsync(View, Answers ?? ""), "Your request is on its way to the hosts.", ShowAsync);

    public async Task<IActionResult> OnPostLeaveAsync(string slug) =>
        await LoadAsync(slug, v => v.IsMember) ?? await AfterAsync(await leave.RunAsync(View), $"You left {View.Congregation.Name}.", ShowAsync);

    public async Task<IActionResult> OnPostInviteAsync(string slug) =>
        await LoadAsync(slug, v => v.CanInvite) ?? await AfterAsync(await invite.RunAsync(View, InviteEmail ?? "", InviteMessage ?? ""),
            $"Invitation sent to {InviteEmail?.Trim()}.", ShowAsync);

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
        PendingRequest = View.UserId is not null && !View.IsMember && await db.JoinRequests.AnyAsync(r => r.CongregationId == id
            && r.UserId == View.UserId && r.Status == JoinRequestStatus.Pending);
        return Page();
    }
}
