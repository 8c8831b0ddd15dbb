using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Dyads;

public static class DyadsFeature
{
    public static WebApplicationBuilder AddDyads(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DyadAccess>();
        builder.Services.AddScoped<ProposeDyad>();
        builder.Services.AddScoped<TendDyad>();
        builder.Services.AddScoped<ChooseCheckInStructure>();
        builder.Services.AddScoped<IPersonalData, DyadPersonalData>();
        return builder;
    }
}

/// <summary>A dyad as one of its two people sees it.</summary>
public sealed record DyadView(Dyad Dyad, string Me, string ProposerName, string PartnerName)
{
    public bool IsPartner => Dyad.PartnerUserId == Me;
    public string OtherName => IsPartner ? ProposerName : PartnerName;
}

/// <summary>Loads a dyad only for its two people; to anyone else it does not exist.</summary>
public sealed class DyadAccess(HubDbContext db)
{
    public async Task<DyadView?> LoadAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (me is null)
        {
            return null;
        }
        var dyad = await db.Dyads.AsNoTracking().Include(d => d.CheckIns.OrderByDescending(c => c.WrittenAt))
            .SingleOrDefaultAsync(d => d.Id == id && (d.ProposerUserId == me || d.PartnerUserId == me), cancellationToken);
        if (dyad is null)
        {
            return null;
        }
        // Until the partner answers, the proposer knows them by the address they typed, as for a proposal
        // emailed to an address without an account: a name here would say the address has an account.
        // Someone they share a congregation with they could pick by name, so that name is no secret
        // (and their address is not the proposer's to see).
        var proposerWaits = dyad.Status == DyadStatus.Proposed && dyad.ProposerUserId == me
            && !await db.Memberships.AnyAsync(m1 => m1.UserId == me && db.Memberships.Any(m2 => m2.CongregationId == m1.CongregationId && m2.UserId == dyad.PartnerUserId), cancellationToken);
        var names = await db.Users.Where(u => u.Id == dyad.ProposerUserId || u.Id == dyad.PartnerUserId)
            .ToDictionaryAsync(u => u.Id, u => proposerWaits && u.Id == dyad.PartnerUserId ? u.Email ?? "?" : u.DisplayName, cancellationToken);
        return new DyadView(dyad, me, names.GetValueOrDefault(dyad.ProposerUserId, "?"), names.GetValueOrDefault(dyad.PartnerUserId, "?"));
    }
}
