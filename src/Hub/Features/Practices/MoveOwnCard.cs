using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>
/// Moves a card one place up or down in a group's own deck (the order the deck's page lists them in and prints them).
/// The deck is numbered again from 0 in the same transaction, so cards written before positions existed, or two
/// moves at once, leave one clear order.
/// </summary>
public sealed class MoveOwnCard(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CardOwner owner, Guid cardId, bool up, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cards = await db.OwnCards.Where(c => owner.IsCrew ? c.CrewId == owner.Id : c.CongregationId == owner.Id)
            .OrderBy(c => c.Position).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var index = cards.FindIndex(c => c.Id == cardId);
        if (index < 0)
        {
            return Outcome.Refused(strings["Practices.Refused.CardGone"]);
        }
        var to = up ? index - 1 : index + 1;
        if (to >= 0 && to < cards.Count)
        {
            (cards[index], cards[to]) = (cards[to], cards[index]);
        }
        for (var i = 0; i < cards.Count; i++)
        {
            cards[i].Position = i;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
