using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;

namespace Microsolidarity.Hub.Features.Handbook;

public sealed record PageLink(string Path, string Title)
{
    public string Url => RenderHandbookPage.PageUrl(Path);
}

public sealed class HandbookView
{
    public required HandbookInfo Info { get; init; }
    public required HandbookPage Page { get; init; }
    public required List<NavItem> Navigation { get; init; }
    public required List<PageLink> Breadcrumbs { get; init; }
    public PageLink? Previous { get; init; }
    public PageLink? Next { get; init; }
    public required List<HeadingEntry> Outline { get; init; }
}

/// <summary>Everything a reader sees around one page: sidebar, breadcrumbs, previous and next, outline.</summary>
public sealed class ReadHandbookPage(HubDbContext db)
{
    public abstract record Result;
    public sealed record Found(HandbookView View) : Result;
    public sealed record Redirect(string Url) : Result;
    public sealed record NoHandbook : Result;
    public sealed record NotFound : Result;

    public async Task<Result> RunAsync(string path, CancellationToken cancel)
    {
        path = path.Trim('/');
        var info = await db.Handbooks.AsNoTracking().OrderBy(h => h.Id).FirstOrDefaultAsync(cancel);
        if (info is null)
        {
            return path.Length == 0 ? new NoHandbook() : new NotFound();
        }
        var page = await db.HandbookPages.AsNoTracking().FirstOrDefaultAsync(p => p.Path == path, cancel);
        if (page is null)
        {
            var redirects = JsonSerializer.Deserialize<Dictionary<string, string?>>(info.RedirectsJson) ?? [];
            if (redirects.TryGetValue(path, out var to) && to is not null)
            {
                return new Redirect(RenderHandbookPage.PageUrl(to));
            }
            return new NotFound();
        }
        var all = await db.HandbookPages.AsNoTracking().Where(p => p.InSummary)
            .OrderBy(p => p.Order).Select(p => new { p.Path, p.Title, p.ParentPath }).ToListAsync(cancel);
        var byPath = all.ToDictionary(p => p.Path);
        var crumbs = new List<PageLink>();
        for (var parent = page.ParentPath; parent is not null && byPath.TryGetValue(parent, out var p) && crumbs.Count < 20; parent = p.ParentPath)
        {
            crumbs.Insert(0, new(p.Path, p.Title));
        }
        var index = all.FindIndex(p => p.Path == page.Path);
        return new Found(new HandbookView
        {
            Info = info,
            Page = page,
            Navigation = JsonSerializer.Deserialize<List<NavItem>>(info.NavigationJson) ?? [],
            Breadcrumbs = crumbs,
            Previous = index > 0 ? new(all[index - 1].Path, all[index - 1].Title) : null,
            Next = index >= 0 && index < all.Count - 1 ? new(all[index + 1].Path, all[index + 1].Title) : null,
            Outline = page.Outline.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split('|', 3)).Where(p => p.Length == 3)
                .Select(p => new HeadingEntry(int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1], p[2])).ToList(),
        });
    }
}
