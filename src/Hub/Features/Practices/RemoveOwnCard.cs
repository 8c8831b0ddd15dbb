using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>Takes a card out of a group's own deck for good (the page asks first).</summary>
public sealed class RemoveOwnCard(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CardOwner owner, Guid cardId, CancellationToken cancellationToken = default)
    {
        var removed = await db.OwnCards.Where(c => c.Id == cardId && (owner.IsCrew ? c.CrewId == owner.Id : c.CongregationId == owner.Id))
            .ExecuteDeleteAsync(cancellationToken);
        return removed == 1 ? Outcome.Done : Outcome.Refused(strings["Practices.Refused.CardGoneShort"]);
    }
}
