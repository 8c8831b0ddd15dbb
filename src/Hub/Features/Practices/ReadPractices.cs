using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>
/// The practices a visitor can read on this hub: the repository's library, with the practices this
/// hub's administrators wrote in its place (same slug) or beside it; a congregation's own practices on
/// its list. Filters by scale and time, and a search over every part of a practice (accents and case ignored).
/// </summary>
public sealed class ReadPractices(PracticeLibrary library, HubDbContext db)
{
    /// <summary>The time filters offered on /practices: at most this many minutes.</summary>
    public static readonly int[] TimeLimits = [15, 30, 60];

    /// <summary>The hub's library in the reader's language: the files, each replaced by the hub's own version (in its author's words) when there is one.</summary>
    public async Task<IReadOnlyList<Practice>> AllAsync(CancellationToken cancellationToken = default)
    {
        var written = await WrittenAsync(null, PracticeSource.Hub, cancellationToken);
        if (written.Count == 0)
        {
            return library.All;
        }
        var slugs = written.Select(p => p.Slug).ToHashSet();
        return [.. library.All.Where(p => !slugs.Contains(p.Slug)).Concat(written).OrderBy(p => p.Title, PracticeLibrary.TitleOrder)];
    }

    /// <summary>A congregation's own practices (not the hub's), by title.</summary>
    public async Task<IReadOnlyList<Practice>> OfCongregationAsync(Guid congregationId, CancellationToken cancellationToken = default) =>
        [.. (await WrittenAsync(congregationId, PracticeSource.Congregation, cancellationToken)).OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase)];

    /// <summary>One of a congregation's own practices, or null.</summary>
    public async Task<Practice?> FindInCongregationAsync(Guid congregationId, string slug, CancellationToken cancellationToken = default) =>
        (await WrittenAsync(congregationId, PracticeSource.Congregation, cancellationToken, slug)).FirstOrDefault();

    /// <summary>The own practices of every congregation this person is a member of, with the congregation's name and address.</summary>
    public async Task<IReadOnlyList<(string Congregation, string CongregationSlug, Practice Practice)>> OfMemberAsync(string userId, CancellationToken cancellationToken = default)
    {
        var rows = await db.LibraryPractices.AsNoTracking()
            .Where(p => p.CongregationId != null && db.Memberships.Any(m => m.CongregationId == p.CongregationId && m.UserId == userId))
            .Select(p => new
            {
                p.Slug,
                Congregation = db.Congregations.Where(c => c.Id == p.CongregationId).Select(c => new { c.Name, c.Slug }).First(),
                Text = p.Versions.Where(v => v.Number == p.CurrentVersion).Select(v => v.Text).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.Text is not null)
            .Select(r => (r.Congregation.Name, r.Congregation.Slug, Practice: PracticeText.Parse(r.Slug, r.Text!, PracticeSource.Congregation).Practice))
            .Where(r => r.Practice is not null).Select(r => (r.Name, r.Slug, r.Practice!))
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Item3.Title, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The current text of each practice written in the hub for the hub (null) or a congregation.</summary>
    private async Task<List<Practice>> WrittenAsync(Guid? congregationId, PracticeSource source, CancellationToken cancellationToken, string? slug = null)
    {
        var rows = await db.LibraryPractices.AsNoTracking().Where(p => p.CongregationId == congregationId && (slug == null || p.Slug == slug))
            .Select(p => new { p.Slug, Text = p.Versions.Where(v => v.Number == p.CurrentVersion).Select(v => v.Text).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        // Every saved text passed the checks when it was saved; one that no longer does is left out, not shown broken.
        return [.. rows.Where(r => r.Text is not null).Select(r => PracticeText.Parse(r.Slug, r.Text!, source).Practice).OfType<Practice>()];
    }

    public async Task<Practice?> FindAsync(string slug, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(p => p.Slug == slug);

    public static IEnumerable<Practice> Filter(IEnumerable<Practice> practices, Scale? scale, int? maxMinutes) =>
        practices.Where(p => (scale is null || p.Scales.Contains(scale.Value)) && (maxMinutes is null || p.Minutes <= maxMinutes));

    /// <summary>Practices that use every word of the query, best first (a word in the title counts most).</summary>
    public static IReadOnlyList<Practice> Search(IEnumerable<Practice> practices, string query)
    {
        var words = Words(query);
        if (words.Count == 0)
        {
            return [];
        }
        return [.. practices
            .Select(p => (Practice: p, Title: TextFolding.Fold(p.Title), Lead: TextFolding.Fold($"{p.Summary} {p.Purpose} {string.Join(' ', p.Scales)}"), Body: TextFolding.Fold(Everything(p))))
            .Where(p => words.All(w => p.Title.Contains(w, StringComparison.Ordinal) || p.Lead.Contains(w, StringComparison.Ordinal) || p.Body.Contains(w, StringComparison.Ordinal)))
            .OrderByDescending(p => words.Sum(w => (p.Title.Contains(w, StringComparison.Ordinal) ? 4 : 0) + (p.Lead.Contains(w, StringComparison.Ordinal) ? 2 : 0)))
            .ThenBy(p => p.Practice.Title, StringComparer.OrdinalIgnoreCase)
            .Select(p => p.Practice)];
    }

    public static IReadOnlyList<string> Words(string query) =>
        [.. TextFolding.Fold(query).Split([' ', '\t', ',', '.', ';', ':', '!', '?', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('-', '\'', '’')).Where(w => w.Length > 0).Distinct().Take(10)];

    private static string Everything(Practice p) => string.Join(' ', new[] { p.Origin, p.Online, p.InPerson }
        .Concat(p.Roles.SelectMany(r => new[] { r.Name, r.Does }))
        .Concat(p.Steps.SelectMany(s => new[] { s.Title, s.What, s.HostSays }))
        .Concat(p.Prompts).Concat(p.Variations));
}
