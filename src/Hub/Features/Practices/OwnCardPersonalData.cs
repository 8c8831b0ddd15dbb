using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Practices;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>The cards a person wrote for their crew's or congregation's own deck: they stay in the deck, without the name.</summary>
[PersonalDataOf(typeof(OwnCard))]
internal sealed class OwnCardPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Own cards";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var count = await db.OwnCards.CountAsync(c => c.AuthorUserId == user.Id, cancellationToken);
        return count == 0 ? [] : [$"Your name on {count} card(s) you wrote for your groups' own decks; the cards stay in the decks, without your name."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        CardsIWrote = await db.OwnCards.Where(c => c.AuthorUserId == user.Id).OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Kind, c.Text, c.CreatedAt }).ToListAsync(cancellationToken),
    };

    public Task DeleteAsync(HubUser user, CancellationToken cancellationToken) =>
        db.OwnCards.Where(c => c.AuthorUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AuthorUserId, (string?)null), cancellationToken);
}
