using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform.Web;

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
public sealed class ReadHandbookPage(HubDbContext db, SharedReadCache reads)
{
    public abstract record Result;
    public sealed record Found(HandbookView View) : Result;
    public sealed record Redirect(string Url) : Result;
    public sealed record NoHandbook : Result;
    public sealed record NotFound : Result;

    /// <summary>What every page of the handbook shares: read once per few seconds, not on each page view.</summary>
    private sealed record Shell(HandbookInfo Info, List<NavItem> Navigation, Dictionary<string, string?> Redirects, List<PageLink> Order,
        Dictionary<string, (string Title, string? ParentPath, int Index)> ByPath);

    public async Task<Result> RunAsync(string path, CancellationToken cancel)
    {
        path = path.Trim('/');
        var shell = await reads.GetOrLoadAsync(SharedReadCache.Handbook, "shell", () => LoadShellAsync(cancel));
        if (shell is null)
        {
            return path.Length == 0 ? new NoHandbook() : new NotFound();
        }
        // The page itself, without its Markdown source, and only the start of its text (for the description
        // when the page has none): reading never shows more of either.
        var page = await db.HandbookPages.AsNoTracking().Where(p => p.Path == path)
            .Select(p => new HandbookPage
            {
                Id = p.Id,
                SourcePath = p.SourcePath,
                Path = p.Path,
                Title = p.Title,
                Description = p.Description,
                Cover = p.Cover,
                Hidden = p.Hidden,
                Html = p.Html,
                Outline = p.Outline,
                Order = p.Order,
                ParentPath = p.ParentPath,
                InSummary = p.InSummary,
                Author = p.Author,
                ContentHash = p.ContentHash,
                UpdatedAt = p.UpdatedAt,
                ImportedAt = p.ImportedAt,
                PlainText = p.PlainText.Length > 201 ? p.PlainText.Substring(0, 201) : p.PlainText,
            })
            .FirstOrDefaultAsync(cancel);
        if (page is null)
        {
            return shell.Redirects.TryGetValue(path, out var to) && to is not null
                ? new Redirect(RenderHandbookPage.PageUrl(to))
                : new NotFound();
        }
        var crumbs = new List<PageLink>();
        for (var parent = page.ParentPath; parent is not null && shell.ByPath.TryGetValue(parent, out var p) && crumbs.Count < 20; parent = p.ParentPath)
        {
            crumbs.Insert(0, new(parent, p.Title));
        }
        var index = shell.ByPath.TryGetValue(page.Path, out var here) ? here.Index : -1;
        return new Found(new HandbookView
        {
            Info = shell.Info,
            Page = page,
            Navigation = shell.Navigation,
            Breadcrumbs = crumbs,
            Previous = index > 0 ? shell.Order[index - 1] : null,
            Next = index >= 0 && index < shell.Order.Count - 1 ? shell.Order[index + 1] : null,
            Outline = page.Outline.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split('|', 3)).Where(p => p.Length == 3)
                .Select(p => new HeadingEntry(int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1], p[2])).ToList(),
        });
    }

    private async Task<Shell?> LoadShellAsync(CancellationToken cancel)
    {
        var info = await db.Handbooks.AsNoTracking().OrderBy(h => h.Id).FirstOrDefaultAsync(cancel);
        if (info is null)
        {
            return null;
        }
        var all = await db.HandbookPages.AsNoTracking().Where(p => p.InSummary)
            .OrderBy(p => p.Order).Select(p => new { p.Path, p.Title, p.ParentPath }).ToListAsync(cancel);
        return new Shell(info,
            JsonSerializer.Deserialize<List<NavItem>>(info.NavigationJson) ?? [],
            JsonSerializer.Deserialize<Dictionary<string, string?>>(info.RedirectsJson) ?? [],
            [.. all.Select(p => new PageLink(p.Path, p.Title))],
            all.Select((p, i) => (p, i)).ToDictionary(x => x.p.Path, x => (x.p.Title, x.p.ParentPath, x.i)));
    }
}
