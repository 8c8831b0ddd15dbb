using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Boards;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Boards;

/// <summary>
/// The cards a person wrote on their groups' boards. The cards belong to the group and stay on its board;
/// deleting the account takes the name off them.
/// </summary>
[PersonalDataOf(typeof(BoardCard))]
internal sealed class BoardPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Boards";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var count = await db.BoardCards.CountAsync(c => c.AuthorUserId == user.Id, cancellationToken);
        return count == 0 ? [] : [$"Your name on {count} card(s) you wrote on your groups' boards; the cards stay with the groups, without your name."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        CardsIWrote = await db.BoardCards.Where(c => c.AuthorUserId == user.Id).OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Text, Column = c.Column.ToString(), c.CreatedAt }).ToListAsync(cancellationToken),
    };

    public Task DeleteAsync(HubUser user, CancellationToken cancellationToken) =>
        db.BoardCards.Where(c => c.AuthorUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AuthorUserId, (string?)null), cancellationToken);
}
