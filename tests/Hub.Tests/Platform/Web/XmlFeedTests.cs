using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Features.Handbook;
using Microsolidarity.Hub.Platform.Web;
using Microsolidarity.Hub.Tests.Features.Handbook;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>The one way the hub writes its XML (sitemap, Atom feeds, the podcast's RSS).</summary>
public sealed class XmlFeedTests
{
    [Fact]
    public void Write_DeclaresUtf8_EscapesText_AndIndents()
    {
        var xml = XmlFeed.Write(w =>
        {
            w.WriteStartElement("feed", XmlFeed.AtomNamespace);
            w.WriteElementString("title", XmlFeed.AtomNamespace, "Crews & <congregations>");
            XmlFeed.AtomLink(w, "https://hub.example/?a=1&b=2", "self", "application/atom+xml");
            w.WriteEndElement();
        });
        Assert.Equal("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Crews &amp; &lt;congregations&gt;</title>
              <link href="https://hub.example/?a=1&amp;b=2" rel="self" type="application/atom+xml" />
            </feed>
            """, xml);
    }

    [Fact]
    public void Dates_AreInTheFormsOfAtomAndSitemaps()
    {
        var when = new DateTime(2027, 1, 31, 18, 30, 5, DateTimeKind.Unspecified);
        Assert.Equal("2027-01-31T18:30:05Z", XmlFeed.Rfc3339(when));
        Assert.Equal("2027-01-31", XmlFeed.Day(when));
    }

    [Fact]
    public async Task EveryFeed_IsDeclaredUtf8_ParsesAndLinksToPagesThatAnswer()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        var source = SampleHandbook.Write();
        try
        {
            using (var scope = hub.Services.CreateScope())
            {
                Assert.True((await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(source)).Succeeded);
            }
            var visitor = hub.NewClient();
            var documents = new Dictionary<string, XDocument>();
            foreach (var (path, type) in new[]
            {
                ("/sitemap.xml", "application/xml"), ("/handbook/changes.xml", "application/atom+xml"),
                ("/feed.xml", "application/atom+xml"), ("/podcast.xml", "application/rss+xml"),
            })
            {
                var response = await visitor.Http.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
                var text = await response.Content.ReadAsStringAsync();
                Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n", text, StringComparison.Ordinal);
                documents[path] = XDocument.Parse(text);
            }

            XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
            var locations = documents["/sitemap.xml"].Root!.Elements(sitemap + "url").Select(u => new Uri(u.Element(sitemap + "loc")!.Value).AbsolutePath).ToList();
            Assert.Contains("/", locations);
            Assert.Contains("/handbook", locations);
            Assert.All(documents["/sitemap.xml"].Root!.Elements(sitemap + "url").Where(u => u.Element(sitemap + "lastmod") is not null),
                u => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", u.Element(sitemap + "lastmod")!.Value));

            XNamespace atom = XmlFeed.AtomNamespace;
            var changes = documents["/handbook/changes.xml"].Root!;
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", changes.Element(atom + "updated")!.Value);
            var entries = changes.Elements(atom + "entry").ToList();
            Assert.NotEmpty(entries);
            foreach (var entry in entries)
            {
                var link = new Uri(entry.Element(atom + "link")!.Attribute("href")!.Value).AbsolutePath;
                Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync(link)).StatusCode);
            }
        }
        finally
        {
            Directory.Delete(source, recursive: true);
        }
    }
}
