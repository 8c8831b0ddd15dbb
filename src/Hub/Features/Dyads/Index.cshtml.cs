using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Dyads;

[Authorize]
public sealed class MyDyadsModel(HubDbContext db, TimeProvider time) : HubPageModel
{
    /// <summary>One dyad; <see cref="Id"/> is null while the proposer waits for an answer, whether or not the address has an account.</summary>
    /// <remarks><see cref="Status"/> is the key of its words in Strings.</remarks>
    public sealed record Item(Guid? Id, string Other, DyadKind Kind, string Status);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var rows = await db.Dyads.AsNoTracking().Where(d => d.ProposerUserId == me || d.PartnerUserId == me)
            .OrderByDescending(d => d.ProposedAt)
            .Select(d => new
            {
                d.Id,
                d.Kind,
                d.Status,
                d.ProposerUserId,
                d.ProposedAt,
                // Until they answer, the proposer sees the address they typed, not a name: a proposal
                // to an address without an account looks the same. A fellow member of a congregation
                // could be picked by name, so they are shown by name (their address is theirs).
                Other = d.ProposerUserId == me && d.Status == DyadStatus.Proposed
                    && !db.Memberships.Any(m1 => m1.UserId == me && db.Memberships.Any(m2 => m2.CongregationId == m1.CongregationId && m2.UserId == d.PartnerUserId))
                    ? db.Users.Where(u => u.Id == d.PartnerUserId).Select(u => u.Email).FirstOrDefault()
                    : db.Users.Where(u => u.Id == (d.ProposerUserId == me ? d.PartnerUserId : d.ProposerUserId)).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var emailed = await db.EmailInvitations.AsNoTracking()
            .Where(i => i.To == Data.Invitations.InvitedTo.Dyad && i.InvitedByUserId == me && i.AcceptedAt == null && i.ExpiresAt > now)
            .Select(i => new { i.Email, i.DyadKind, i.CreatedAt }).ToListAsync(cancellationToken);
        Items =
        [
            .. rows.Select(r => (r.ProposedAt, Item: new Item(r.ProposerUserId == me && r.Status == DyadStatus.Proposed ? null : r.Id, r.Other ?? "?", r.Kind, r.Status switch
            {
                DyadStatus.Proposed => r.ProposerUserId == me ? "Dyads.Status.Waiting" : "Dyads.Status.ProposedToYou",
                DyadStatus.Active => "Dyads.Status.Active",
                DyadStatus.Declined => "Dyads.Status.Declined",
                _ => "Dyads.Status.Ended",
            })))
            .Concat(emailed.Select(e => (ProposedAt: e.CreatedAt, Item: new Item(null, e.Email, e.DyadKind, "Dyads.Status.Waiting"))))
            .OrderByDescending(x => x.ProposedAt).Select(x => x.Item),
        ];
    }
}
