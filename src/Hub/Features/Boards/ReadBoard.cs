using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Boards;

namespace Microsolidarity.Hub.Features.Boards;

/// <summary>A card as the board shows it, with its author's name (or none once they left the hub).</summary>
public sealed record BoardCardView(Guid Id, BoardColumn Column, string Text, string? Author, DateTime MovedAt);

/// <summary>Reads a board the caller already decided the viewer may see.</summary>
public sealed class ReadBoard(HubDbContext db)
{
    public async Task<IReadOnlyList<BoardCardView>> CardsAsync(BoardOwner owner, CancellationToken cancellationToken = default) =>
        await db.BoardCards.AsNoTracking().Where(owner.Cards)
            .OrderBy(c => c.Column).ThenBy(c => c.Position).ThenBy(c => c.CreatedAt)
            .Select(c => new BoardCardView(c.Id, c.Column, c.Text, db.Users.Where(u => u.Id == c.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault(), c.MovedAt))
            .ToListAsync(cancellationToken);
}
