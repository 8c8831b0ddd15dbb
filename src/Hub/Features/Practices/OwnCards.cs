using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>Whose own cards: a crew's (its joined members see and write them) or a congregation's (its members see them, its hosts write them).</summary>
public sealed record CardOwner(bool IsCrew, Guid Id)
{
    /// <summary>How a page names the owner in a link: crew:{id} or congregation:{id}.</summary>
    public string Key => $"{(IsCrew ? "crew" : "congregation")}:{Id}";

    public static CardOwner? Parse(string? key)
    {
        var parts = (key ?? "").Split(':');
        if (parts.Length != 2 || !Guid.TryParse(parts[1], out var id))
        {
            return null;
        }
        return parts[0] switch
        {
            "crew" => new CardOwner(true, id),
            "congregation" => new CardOwner(false, id),
            _ => null,
        };
    }
}

/// <summary>
/// The cards a crew or a congregation wrote for itself, as the deck's <see cref="Card"/>s (their ids begin
/// with "own-"), and who may draw them. The pages that show them have checked the viewer already; drawing
/// through the shared link checks here.
/// </summary>
public sealed class OwnCards(HubDbContext db)
{
    public const string Prefix = "own-";

    public async Task<IReadOnlyList<(Card Card, string? Author)>> OfAsync(CardOwner owner, CancellationToken cancellationToken = default)
    {
        var rows = await db.OwnCards.AsNoTracking()
            .Where(c => owner.IsCrew ? c.CrewId == owner.Id : c.CongregationId == owner.Id)
            .OrderBy(c => c.Position).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Kind, c.Text, Author = db.Users.Where(u => u.Id == c.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (new Card(Prefix + r.Id, KindOf(r.Kind), r.Text), r.Author))];
    }

    /// <summary>Whether this person sees the owner's cards: a crew's joined member, a congregation's member.</summary>
    public async Task<bool> MaySeeAsync(CardOwner owner, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (userId is null)
        {
            return false;
        }
        return owner.IsCrew
            ? await db.CrewMembers.AnyAsync(m => m.CrewId == owner.Id && m.UserId == userId && m.Status == CrewMemberStatus.Joined, cancellationToken)
            : await db.Memberships.AnyAsync(m => m.CongregationId == owner.Id && m.UserId == userId, cancellationToken);
    }

    public static CardKind KindOf(string kind) =>
        Enum.TryParse<CardKind>(kind, ignoreCase: true, out var k) && k != CardKind.Blank && Enum.IsDefined(k) ? k : CardKind.Starter;

    /// <summary>The kinds a group writes (a blank is what they fill in, not a kind of their own).</summary>
    public static readonly CardKind[] Writable = [CardKind.Starter, CardKind.Mission, CardKind.Activity];
}
