using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Boards;

/// <summary>Takes a card off its board for good (the page asks first).</summary>
public sealed class RemoveBoardCard(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(BoardOwner owner, Guid cardId, CancellationToken cancellationToken = default)
    {
        var removed = await db.BoardCards.Where(owner.Cards).Where(c => c.Id == cardId).ExecuteDeleteAsync(cancellationToken);
        return removed == 1 ? Outcome.Done : Outcome.Refused(strings["Boards.Refused.CardRemoved"]);
    }
}
