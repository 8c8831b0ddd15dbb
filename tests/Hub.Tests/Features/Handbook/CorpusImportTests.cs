using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Features.Handbook;

namespace Microsolidarity.Hub.Tests.Features.Handbook;

/// <summary>The real handbook in the shared corpus: read where it lies, never copied into the repository.</summary>
public sealed class CorpusImportTests : IAsyncLifetime
{
    private HubFactory hub = null!;
    private HandbookImport result = null!;

    public async Task InitializeAsync()
    {
        Assert.True(Directory.Exists(SampleHandbook.CorpusFolder), $"The shared corpus is missing at {SampleHandbook.CorpusFolder}.");
        hub = await HubFactory.StartAsync(smtp: false);
        using var scope = hub.Services.CreateScope();
        result = await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(SampleHandbook.CorpusFolder);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task Import_OpenCollectiveDocs_EverySummaryPageAnswersAndEveryInternalLinkResolvesOrIsReported()
    {
        Assert.True(result.Succeeded, result.Problems);
        Assert.True(result.PagesAdded >= 150, $"{result.PagesAdded} pages imported");

        var summary = File.ReadAllText(Path.Combine(SampleHandbook.CorpusFolder, "SUMMARY.md"));
        var summaryPages = System.Text.RegularExpressions.Regex.Matches(summary, @"\]\(([^)]+\.md)\)").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(summaryPages.Count >= 150, $"{summaryPages.Count} pages in SUMMARY");

        var reader = hub.NewClient();
        var checkedLinks = new HashSet<string>();
        var brokenUnreported = new List<string>();
        foreach (var source in summaryPages)
        {
            var url = RenderHandbookPage.PageUrl(HandbookPaths.UrlPathOf(Uri.UnescapeDataString(source)));
            var (response, page) = await reader.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            foreach (var link in page.QuerySelectorAll(".prose a[href^='/'], .prose img[src^='/']"))
            {
                var target = (link.GetAttribute("href") ?? link.GetAttribute("src"))!.Split('#')[0];
                if (target.Length == 0 || !checkedLinks.Add(target))
                {
                    continue;
                }
                var answer = await reader.Http.GetAsync(target);
                if (answer.StatusCode != HttpStatusCode.OK && !result.Problems.Contains(Uri.UnescapeDataString(target).Split('/').Last()))
                {
                    brokenUnreported.Add($"{url} -> {target}: {(int)answer.StatusCode}");
                }
            }
        }
        Assert.True(brokenUnreported.Count == 0, string.Join("\n", brokenUnreported));
        Assert.True(checkedLinks.Count > 100, $"only {checkedLinks.Count} internal links and images checked");
    }

    [Trait(DatabaseTrait.Name, DatabaseTrait.Either)] // checks markup; the database does not change it
    [Fact]
    public async Task Get_EveryCorpusPage_IsValidHtml()
    {
        var reader = hub.NewClient();
        var pages = new Dictionary<string, string>();
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>();
            foreach (var path in db.HandbookPages.Select(p => p.Path).ToList())
            {
                var url = RenderHandbookPage.PageUrl(path);
                pages[url] = await (await reader.Http.GetAsync(url)).Content.ReadAsStringAsync();
            }
        }
        pages["control"] = "<!DOCTYPE html><html lang=en><title>x</title><p><div></p>";
        var errors = await Microsolidarity.Hub.Testing.NuHtmlChecker.ErrorsAsync(pages);
        Assert.Contains(errors, e => e.StartsWith("control:", StringComparison.Ordinal));
        var real = errors.Where(e => !e.StartsWith("control:", StringComparison.Ordinal)).ToList();
        Assert.True(real.Count == 0, $"{real.Count} errors:\n" + string.Join("\n", real.Take(40)));
    }

    [Fact]
    public async Task Search_Corpus_FindsStemmedWordsRanked()
    {
        var (_, page) = await hub.NewClient().GetAsync("/search?q=paying+expenses");
        var hits = page.QuerySelectorAll(".search-results li");
        Assert.True(hits.Length >= 5, $"{hits.Length} hits");
        Assert.NotEmpty(hits[0].QuerySelectorAll("mark"));
    }

    [Fact]
    public async Task WebAround_OpenGraphPerPage_AtomFeedOfChanges_AndASitemapOfPublicPages()
    {
        var reader = hub.NewClient();
        var (_, home) = await reader.GetAsync("/handbook");
        Assert.False(string.IsNullOrWhiteSpace(home.QuerySelector("meta[property='og:title']")?.GetAttribute("content")));
        Assert.StartsWith("http", home.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.False(string.IsNullOrWhiteSpace(home.QuerySelector("meta[property='og:description']")?.GetAttribute("content")));

        var feed = await reader.Http.GetAsync("/handbook/changes.xml");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType!.MediaType);
        var atom = System.Xml.Linq.XDocument.Parse(await feed.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace a = "http://www.w3.org/2005/Atom";
        var entries = atom.Root!.Elements(a + "entry").ToList();
        Assert.Equal(HandbookChangesFeed.Entries, entries.Count);
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Element(a + "title")?.Value)));
        var first = new Uri(entries[0].Element(a + "link")!.Attribute("href")!.Value).AbsolutePath;
        Assert.Equal(HttpStatusCode.OK, (await reader.Http.GetAsync(first)).StatusCode);

        var sitemap = System.Xml.Linq.XDocument.Parse(await reader.Http.GetStringAsync("/sitemap.xml"));
        System.Xml.Linq.XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Root!.Elements(sm + "url").Select(u => new Uri(u.Element(sm + "loc")!.Value).AbsolutePath).ToList();
        Assert.True(locations.Count(l => l.StartsWith("/handbook", StringComparison.Ordinal)) >= 150, $"{locations.Count} locations");
        Assert.Contains("/", locations);
        foreach (var location in locations.Take(20))
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.Http.GetAsync(location)).StatusCode);
        }
    }
}
