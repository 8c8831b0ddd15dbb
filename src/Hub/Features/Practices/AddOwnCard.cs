using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Practices;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>Adds a card to a crew's or a congregation's own deck; the page has checked that the writer may.</summary>
public sealed class AddOwnCard(HubDbContext db, TimeProvider time)
{
    public const int MaxText = 300;
    public const int MaxCards = 200;

    /// <summary>What is wrong with a card's kind and (trimmed) words, for writing one and for changing one.</summary>
    public static List<(string, string)> Check(CardKind kind, string text)
    {
        var problems = new List<(string, string)>();
        if (!OwnCards.Writable.Contains(kind))
        {
            problems.Add(("Kind", "Choose what kind of card it is: a conversation starter, a mission or an activity."));
        }
        if (text == "")
        {
            problems.Add(("Text", "Write the card: a question, a mission or something to do together."));
        }
        else if (text.Length > MaxText)
        {
            problems.Add(("Text", $"A card holds up to {MaxText} characters, so it can be read aloud in one breath."));
        }
        return problems;
    }

    public async Task<Outcome> RunAsync(CardOwner owner, CardKind kind, string text, string userId, CancellationToken cancellationToken = default)
    {
        text = text.Trim();
        if (Outcome.RefusedAll(Check(kind, text)) is { } refused)
        {
            return refused;
        }
        var count = await db.OwnCards.CountAsync(c => owner.IsCrew ? c.CrewId == owner.Id : c.CongregationId == owner.Id, cancellationToken);
        var last = await db.OwnCards.Where(c => owner.IsCrew ? c.CrewId == owner.Id : c.CongregationId == owner.Id).MaxAsync(c => (int?)c.Position, cancellationToken) ?? -1;
        if (count >= MaxCards)
        {
            return Outcome.Refused($"Your deck holds {MaxCards} cards already. Take out one you no longer draw, then add this one.", "Text");
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
