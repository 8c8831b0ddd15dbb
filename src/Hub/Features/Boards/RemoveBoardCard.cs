using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Boards;

/// <summary>Takes a card off its board for good (the page asks first).</summary>
public sealed class RemoveBoardCard(HubDbContext db)
{
    public async Task<Outcome> RunAsync(BoardOwner owner, Guid cardId, CancellationToken cancellationToken = default)
    {
        var removed = await db.BoardCards.Where(owner.Cards).Where(c => c.Id == cardId).ExecuteDeleteAsync(cancellationToken);
        return removed == 1 ? Outcome.Done : Outcome.Refused("That card is no longer on this board.");
    }
}
