using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.People;

namespace Microsolidarity.Hub.Platform.People;

/// <summary>
/// The people a member may pick by name wherever they choose someone (crew and congregation
/// invitations, dyads, commons roles): those they share a congregation with, and nobody else, so the
/// list says nothing about who else is on the hub. A visitor gets no one. Photos only where their
/// owner lets people in their groups see them. Anyone outside stays reachable by email address.
/// </summary>
public sealed partial class PeopleToPick(HubDbContext db)
{
    /// <summary>
    /// One person to pick. <see cref="Value"/> is what the field holds once picked: the name and a
    /// short key that tells two people of the same name apart, never their email address.
    /// </summary>
    public sealed record Person(string UserId, string Name, string Congregations, bool HasPhoto)
    {
        public string Key => UserId.Length > 8 ? UserId[..8] : UserId;
        public string Value => $"{Name} (#{Key})";
        public string? PhotoUrl => HasPhoto ? $"/people/{UserId}/photo" : null;
    }

    /// <summary>Who was chosen: a person picked from the list (by id), or an address typed.</summary>
    public sealed record Choice(string? UserId, string? Email, string Shown);

    public const int MaxListed = 300;

    /// <summary>What a field says when a name matches no one (or several people) in the list.</summary>
    public static string Refusal(IStringLocalizer strings, string? typed) => strings["Shared.Person.Refused", typed?.Trim() ?? ""];

    public async Task<IReadOnlyList<Person>> ListAsync(string? viewerId, string? search = null, int max = MaxListed, CancellationToken cancellationToken = default)
    {
        if (viewerId is null)
        {
            return [];
        }
        var mine = db.Memberships.Where(m => m.UserId == viewerId).Select(m => m.CongregationId);
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => mine.Contains(m.CongregationId) && m.UserId != viewerId)
            .Select(m => new { m.UserId, m.User.DisplayName, Congregation = m.Congregation.Name })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.UserId).Distinct().ToList();
        var withPhoto = (await db.Profiles.AsNoTracking()
            .Where(p => ids.Contains(p.UserId) && p.PhotoFile != "" && p.PhotoVisibility != Visibility.OnlyMe)
            .Select(p => p.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var words = search?.Trim() ?? "";
        return [.. rows.GroupBy(r => r.UserId)
            .Select(g => new Person(g.Key, g.First().DisplayName, string.Join(", ", g.Select(r => r.Congregation).Distinct().Order()), withPhoto.Contains(g.Key)))
            .Where(p => words == "" || p.Name.Contains(words, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.UserId, StringComparer.Ordinal)
            .Take(max)];
    }

    /// <summary>
    /// What was typed into a person field: an email address as it is; else a name picked from the
    /// list ("Mara Lind (#1a2b3c4d)") or typed in full when only one person in the list has it. Null
    /// when it names no one the viewer may pick.
    /// </summary>
    public async Task<Choice?> ResolveAsync(string viewerId, string? typed, CancellationToken cancellationToken = default)
    {
        var text = typed?.Trim() ?? "";
        if (text == "" || text.Contains('@'))
        {
            return new Choice(null, text, text);
        }
        var people = await ListAsync(viewerId, null, int.MaxValue, cancellationToken);
        var key = PickedKey().Match(text);
        var found = key.Success
            ? people.Where(p => p.Key == key.Groups[1].Value).ToList()
            : people.Where(p => p.Name.Equals(text, StringComparison.OrdinalIgnoreCase)).ToList();
        return found.Count == 1 ? new Choice(found[0].UserId, null, found[0].Name) : null;
    }

    /// <summary>The email address to reach a picked person by, for operations that work by address.</summary>
    public async Task<string?> EmailOfAsync(Choice choice, CancellationToken cancellationToken = default) =>
        choice.UserId is null ? choice.Email
            : await db.Users.Where(u => u.Id == choice.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);

    [GeneratedRegex(@"\(#([0-9A-Za-z-]{1,8})\)\s*$")]
    private static partial Regex PickedKey();
}
