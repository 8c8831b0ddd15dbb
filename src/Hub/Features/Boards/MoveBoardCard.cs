using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Boards;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Boards;

/// <summary>
/// Moves a card to the end of another column of its own board (Awareness → Test → Mastery, or around
/// the task board). One conditional update: a card on another board, or one already removed, is not moved.
/// </summary>
public sealed class MoveBoardCard(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> RunAsync(BoardOwner owner, Guid cardId, BoardColumn to, CancellationToken cancellationToken = default)
    {
        if (!BoardColumns.IsKnown(to))
        {
            return Outcome.Refused("Choose one of the board's columns.");
        }
        var card = await db.BoardCards.AsNoTracking().Where(owner.Cards).Where(c => c.Id == cardId)
            .Select(c => new { c.Column }).FirstOrDefaultAsync(cancellationToken);
        if (card is null)
        {
            return Outcome.Refused("That card is no longer on this board; someone may have removed it.");
        }
        if (card.Column == to)
        {
            return Outcome.Done;
        }
        if (BoardColumns.Of(card.Column).Mastery != BoardColumns.Of(to).Mastery)
        {
            return Outcome.Refused("A card moves within its own board: the mastery board or the task board.");
        }
        var last = await db.BoardCards.Where(owner.Cards).Where(c => c.Column == to).MaxAsync(c => (int?)c.Position, cancellationToken) ?? -1;
        var from = card.Column;
        var moved = await db.BoardCards.Where(owner.Cards).Where(c => c.Id == cardId && c.Column == from)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Column, to).SetProperty(c => c.Position, last + 1).SetProperty(c => c.MovedAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        return moved == 1 ? Outcome.Done : Outcome.Refused("Someone moved that card at the same moment; here is where it is now.");
    }
}
