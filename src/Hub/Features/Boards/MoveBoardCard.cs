using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Boards;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Boards;

/// <summary>
/// Moves a card to the end of another column of its own board (Awareness → Test → Mastery, or around
/// the task board). One conditional update: a card on another board, or one already removed, is not moved.
/// </summary>
public sealed class MoveBoardCard(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(BoardOwner owner, Guid cardId, BoardColumn to, CancellationToken cancellationToken = default)
    {
        if (!BoardColumns.IsKnown(to))
        {
            return Outcome.Refused(strings["Boards.Refused.ChooseColumn"]);
        }
        var card = await db.BoardCards.AsNoTracking().Where(owner.Cards).Where(c => c.Id == cardId)
            .Select(c => new { c.Column }).FirstOrDefaultAsync(cancellationToken);
        if (card is null)
        {
            return Outcome.Refused(strings["Boards.Refused.CardGone"]);
        }
        if (card.Column == to)
        {
            return Outcome.Done;
        }
        if (BoardColumns.Of(card.Column).Mastery != BoardColumns.Of(to).Mastery)
        {
            return Outcome.Refused(strings["Boards.Refused.OwnBoard"]);
        }
        var last = await db.BoardCards.Where(owner.Cards).Where(c => c.Column == to).MaxAsync(c => (int?)c.Position, cancellationToken) ?? -1;
        var from = card.Column;
        var moved = await db.BoardCards.Where(owner.Cards).Where(c => c.Id == cardId && c.Column == from)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Column, to).SetProperty(c => c.Position, last + 1).SetProperty(c => c.MovedAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        return moved == 1 ? Outcome.Done : Outcome.Refused(strings["Boards.Refused.MovedSameMoment"]);
    }
}
