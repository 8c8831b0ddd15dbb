using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>The member directory: for members only; hosts change levels and hosts, and remove with a reason.</summary>
public sealed class MembersModel(CongregationAccess access, HubDbContext db, ChangeMembership change, RemoveMember remove, GrantNetworkMembership network)
    : CongregationPageModel(access)
{
    public sealed record Member(Guid Id, string UserId, string Name, string Level, bool IsHost, DateTime JoinedAt, bool InNetwork);

    public IReadOnlyList<Member> Members { get; private set; } = [];

    [BindProperty] public Guid MembershipId { get; set; }
    [BindProperty] public Guid LevelId { get; set; }
    [BindProperty] public bool MakeHost { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Grant { get; set; }

    public async Task<IActionResult> OnPostNetworkAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await network.RunAsync(View, MembershipId, Grant),
            Grant ? "They are a network member now." : "Their network membership has ended.", ListAsync);

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug, v => v.CanSeeMembers) ?? await ListAsync();

    public async Task<IActionResult> OnPostLevelAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await change.SetLevelAsync(View, MembershipId, LevelId), "Level saved.", ListAsync);

    public async Task<IActionResult> OnPostHostAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await change.SetHostAsync(View, MembershipId, MakeHost),
            MakeHost ? "They host with you now." : "They no longer host.", ListAsync);

    public async Task<IActionResult> OnPostRemoveAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await remove.RunAsync(View, MembershipId, Reason ?? ""),
            "The member was removed and told why.", ListAsync);

    private async Task<IActionResult> ListAsync()
    {
        Members = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == View.Congregation.Id)
            .OrderByDescending(m => m.IsHost).ThenBy(m => m.User.DisplayName)
            .Select(m => new Member(m.Id, m.UserId, m.User.DisplayName, m.Level.Name, m.IsHost, m.JoinedAt, m.User.NetworkMemberSince != null))
            .ToListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
