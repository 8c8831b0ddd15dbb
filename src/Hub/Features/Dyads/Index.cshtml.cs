using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Dyads;

[Authorize]
public sealed class MyDyadsModel(HubDbContext db) : HubPageModel
{
    public sealed record Item(Guid Id, string Other, DyadKind Kind, string Status);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var rows = await db.Dyads.AsNoTracking().Where(d => d.ProposerUserId == me || d.PartnerUserId == me)
            .OrderByDescending(d => d.ProposedAt)
            .Select(d => new
            {
                d.Id, d.Kind, d.Status, d.ProposerUserId,
                Other = db.Users.Where(u => u.Id == (d.ProposerUserId == me ? d.PartnerUserId : d.ProposerUserId)).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        Items = [.. rows.Select(r => new Item(r.Id, r.Other ?? "?", r.Kind, r.Status switch
        {
            DyadStatus.Proposed => r.ProposerUserId == me ? "waiting for their answer" : "proposed to you",
            DyadStatus.Active => "active",
            DyadStatus.Declined => "declined",
            _ => "ended",
        }))];
    }
}
