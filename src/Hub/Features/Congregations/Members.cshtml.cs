using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.People;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>The member directory: for members only; hosts change levels and hosts, and remove with a reason.</summary>
public sealed class MembersModel(CongregationAccess access, HubDbContext db, ChangeMembership change, RemoveMember remove, GrantNetworkMembership network)
    : CongregationPageModel(access)
{
    public sealed record Member(Guid Id, string UserId, string Name, string Level, bool IsHost, DateTime JoinedAt, bool InNetwork, string? PhotoFile);

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
        // Photos follow each person's own choice: members share this congregation with everyone listed, so
        // "people in my groups" photos show to them; an administrator who is not a member sees "everyone" photos only.
        var viewer = View.UserId;
        var sharesGroup = View.IsMember;
        Members = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == View.Congregation.Id)
            .OrderByDescending(m => m.IsHost).ThenBy(m => m.User.DisplayName)
            .Select(m => new Member(m.Id, m.UserId, m.User.DisplayName, m.Level.Name, m.IsHost, m.JoinedAt, m.User.NetworkMemberSince != null,
                db.Profiles.Where(p => p.UserId == m.UserId && p.PhotoFile != ""
                        && (p.PhotoVisibility == Visibility.Everyone || (sharesGroup && p.PhotoVisibility == Visibility.MyGroups) || p.UserId == viewer))
                    .Select(p => p.PhotoFile).FirstOrDefault()))
            .ToListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
