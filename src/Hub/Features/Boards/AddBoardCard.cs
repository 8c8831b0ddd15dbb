using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Boards;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Boards;

/// <summary>Puts a new card at the end of a column; the caller has checked the viewer may change this board.</summary>
public sealed class AddBoardCard(HubDbContext db, TimeProvider time)
{
    public const int MaxText = 500;

    /// <summary>A board holds this many cards at most: enough for a long-lived group, not a dumping ground.</summary>
    public const int MaxCards = 300;

    public async Task<Outcome> RunAsync(BoardOwner owner, BoardColumn column, string text, string userId, CancellationToken cancellationToken = default)
    {
        text = text.Trim();
        if (!BoardColumns.IsKnown(column))
        {
            return Outcome.Refused("Choose one of the board's columns.", "Column");
        }
        if (text == "")
        {
            return Outcome.Refused("Write a few words on the card: what you noticed, what to try, or what needs doing.", "Text");
        }
        if (text.Length > MaxText)
        {
            return Outcome.Refused($"A card holds up to {MaxText} characters; keep it to one thing and put the rest in the meeting's notes.", "Text");
        }
        var cards = db.BoardCards.Where(owner.Cards);
        if (await cards.CountAsync(cancellationToken) >= MaxCards)
        {
            return Outcome.Refused($"This board holds {MaxCards} cards already. Remove some that are done or no longer true, then add this one.", "Text");
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
