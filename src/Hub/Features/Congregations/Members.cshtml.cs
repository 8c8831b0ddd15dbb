using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// The member directory: for members only. Hosts invite members to host, to a level or into the network (the member
/// accepts or declines), withdraw an invitation, stop someone hosting or step down themselves, end network membership (each
/// with a reason if they give one), and remove with a reason.
/// </summary>
public sealed class MembersModel(CongregationAccess access, HubDbContext db, ChangeMembership change, RemoveMember remove, EndNetworkMembership network,
    OfferMembership offer, AnswerMembershipOffer answer, IStringLocalizer<Strings> t)
    : CongregationPageModel(access)
{
    public sealed record Member(Guid Id, string UserId, string Name, string Level, bool IsHost, DateTime JoinedAt, bool InNetwork, string? PhotoFile);

    public IReadOnlyList<Member> Members { get; private set; } = [];

    [BindProperty] public Guid MembershipId { get; set; }
    [BindProperty] public Guid LevelId { get; set; }
    [BindProperty] public bool MakeHost { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Grant { get; set; }
    [BindProperty] public string? Message { get; set; }
    [BindProperty] public Guid OfferId { get; set; }

    /// <summary>Find members by a skill on their profile (as each chose to show it).</summary>
    [BindProperty(SupportsGet = true)] public string? Skill { get; set; }

    /// <summary>Each member's skills as the viewer may see them, by account id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Skills { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>For hosts: invitations waiting for a member's answer, with the member's account id.</summary>
    public IReadOnlyList<(Guid Id, string UserId, string What)> WaitingOffers { get; private set; } = [];

    private string Sent => t["Congregations.Members.Notice.Sent"];

    public async Task<IActionResult> OnPostNetworkAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(Grant
                ? await offer.RunAsync(View, MembershipId, OfferKind.NetworkMembership, null, Message)
                : await network.RunAsync(View, MembershipId, Reason),
            Grant ? Sent : t["Congregations.Members.Notice.NetworkEnded"], ListAsync);

    public async Task<IActionResult> OnPostWithdrawAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await answer.WithdrawAsync(View, OfferId), t["Congregations.Members.Notice.Withdrawn"], ListAsync);

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug, v => v.CanSeeMembers) ?? await ListAsync();

    public async Task<IActionResult> OnPostLevelAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await offer.RunAsync(View, MembershipId, OfferKind.Level, LevelId, Message), Sent, ListAsync);

    public async Task<IActionResult> OnPostHostAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(MakeHost
                ? await offer.RunAsync(View, MembershipId, OfferKind.Host, null, Message)
                : await change.EndHostingAsync(View, MembershipId, Reason),
            MakeHost ? Sent : t["Congregations.Members.Notice.NoLongerHost"], ListAsync);

    public async Task<IActionResult> OnPostStepDownAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await change.EndHostingAsync(View, MembershipId, Reason),
            t["Congregations.Members.Notice.SteppedDown"], ListAsync);

    public async Task<IActionResult> OnPostRemoveAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await remove.RunAsync(View, MembershipId, Reason ?? ""),
            t["Congregations.Members.Notice.Removed"], ListAsync);

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
        var congregationId = View.Congregation.Id;
        var skills = await db.Profiles.AsNoTracking()
            .Where(p => p.Skills != "" && db.Memberships.Any(m => m.CongregationId == congregationId && m.UserId == p.UserId)
                && (p.UserId == viewer || p.SkillsVisibility == Visibility.Everyone || (sharesGroup && p.SkillsVisibility == Visibility.MyGroups)))
            .Select(p => new { p.UserId, p.Skills }).ToListAsync(HttpContext.RequestAborted);
        Skills = skills.ToDictionary(p => p.UserId,
            p => Tags.Split(p.Skills));
        if (!string.IsNullOrWhiteSpace(Skill))
        {
            var wanted = Skill.Trim();
            Members = [.. Members.Where(m => Skills.TryGetValue(m.UserId, out var tags) && tags.Any(t => t.Contains(wanted, StringComparison.OrdinalIgnoreCase)))];
        }
        if (View.IsHost)
        {
            var c = View.Congregation;
            var offers = await db.MembershipOffers.AsNoTracking().Where(o => o.CongregationId == c.Id && o.Status == OfferStatus.Waiting)
                .OrderBy(o => o.CreatedAt).ToListAsync(HttpContext.RequestAborted);
            WaitingOffers = [.. offers.Select(o => (o.Id, o.UserId, AnswerMembershipOffer.Describe(t, c, o)))];
        }
        return Page();
    }
}
