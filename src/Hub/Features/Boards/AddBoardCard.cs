using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Boards;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Boards;

/// <summary>Puts a new card at the end of a column; the caller has checked the viewer may change this board.</summary>
public sealed class AddBoardCard(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public const int MaxText = 500;

    /// <summary>A board holds this many cards at most: enough for a long-lived group, not a dumping ground.</summary>
    public const int MaxCards = 300;

    public async Task<Outcome> RunAsync(BoardOwner owner, BoardColumn column, string text, string userId, CancellationToken cancellationToken = default)
    {
        text = text.Trim();
        if (!BoardColumns.IsKnown(column))
        {
            return Outcome.Refused(strings["Boards.Refused.ChooseColumn"], "Column");
        }
        if (text == "")
        {
            return Outcome.Refused(strings["Boards.Refused.CardWords"], "Text");
        }
        if (text.Length > MaxText)
        {
            return Outcome.Refused(strings["Boards.Refused.CardTooLong", MaxText], "Text");
        }
        var cards = db.BoardCards.Where(owner.Cards);
        if (await cards.CountAsync(cancellationToken) >= MaxCards)
        {
            return Outcome.Refused(strings["Boards.Refused.BoardFull", MaxCards], "Text");
        }
        var last = await cards.Where(c => c.Column == column).MaxAsync(c => (int?)c.Position, cancellationToken) ?? -1;
        var now = time.GetUtcNow().UtcDateTime;
        var card = owner.NewCard();
        card.Id = Guid.NewGuid();
        card.Column = column;
        card.Position = last + 1;
        card.Text = text;
        card.AuthorUserId = userId;
        card.CreatedAt = now;
        card.MovedAt = now;
        db.BoardCards.Add(card);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
