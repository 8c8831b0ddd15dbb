using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Practices;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>Adds a card to a crew's or a congregation's own deck; the page has checked that the writer may.</summary>
public sealed class AddOwnCard(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public const int MaxText = 300;
    public const int MaxCards = 200;

    /// <summary>What is wrong with a card's kind and (trimmed) words, for writing one and for changing one.</summary>
    public static List<(string, string)> Check(CardKind kind, string text, IStringLocalizer strings)
    {
        var problems = new List<(string, string)>();
        if (!OwnCards.Writable.Contains(kind))
        {
            problems.Add(("Kind", strings["Practices.Refused.CardKind"]));
        }
        if (text == "")
        {
            problems.Add(("Text", strings["Practices.Refused.CardText"]));
        }
        else if (text.Length > MaxText)
        {
            problems.Add(("Text", strings["Practices.Refused.CardLength", MaxText]));
        }
        return problems;
    }

    public async Task<Outcome> RunAsync(CardOwner owner, CardKind kind, string text, string userId, CancellationToken cancellationToken = default)
    {
        text = text.Trim();
        if (Outcome.RefusedAll(Check(kind, text, strings)) is { } refused)
        {
            return refused;
        }
        var count = await db.OwnCards.CountAsync(c => owner.IsCrew ? c.CrewId == owner.Id : c.CongregationId == owner.Id, cancellationToken);
        var last = await db.OwnCards.Where(c => owner.IsCrew ? c.CrewId == owner.Id : c.CongregationId == owner.Id).MaxAsync(c => (int?)c.Position, cancellationToken) ?? -1;
        if (count >= MaxCards)
        {
            return Outcome.Refused(strings["Practices.Refused.DeckFull", MaxCards], "Text");
        }
        db.OwnCards.Add(new OwnCard
        {
            Id = Guid.NewGuid(),
            CrewId = owner.IsCrew ? owner.Id : null,
            CongregationId = owner.IsCrew ? null : owner.Id,
            Kind = kind.ToString().ToLowerInvariant(),
            Text = text,
            AuthorUserId = userId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            Position = last + 1,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
