using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>
/// Changes the words or the kind of a card in a group's own deck. The card stays itself: the same id (a link to it
/// drawn before still draws it), the same place in the deck, the same author; the page has checked that the writer may.
/// </summary>
public sealed class EditOwnCard(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CardOwner owner, Guid cardId, CardKind kind, string text, CancellationToken cancellationToken = default)
    {
        text = (text ?? "").Trim();
        if (Outcome.RefusedAll(AddOwnCard.Check(kind, text, strings)) is { } refused)
        {
            return refused;
        }
        var kindText = kind.ToString().ToLowerInvariant();
        var changed = await db.OwnCards.Where(c => c.Id == cardId && (owner.IsCrew ? c.CrewId == owner.Id : c.CongregationId == owner.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Text, text).SetProperty(c => c.Kind, kindText).SetProperty(c => c.EditedAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        return changed == 1 ? Outcome.Done : Outcome.Refused(strings["Practices.Refused.CardGone"]);
    }
}
