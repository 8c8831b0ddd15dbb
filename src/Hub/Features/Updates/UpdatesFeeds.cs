using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates;

/// <summary>
/// <c>/feed.xml</c> (Atom: newsletter issues and episodes) and <c>/podcast.xml</c> (RSS 2.0 with
/// the iTunes namespace, carrying every element the Podcast Standards Project's PSP-1 requires).
/// The Atom feed's own words are in the request's language (the person who followed the link from a page, else
/// English); the podcast's are in the language its <c>&lt;language&gt;</c> declares (<c>Updates:Podcast:Language</c>), because
/// podcast apps show one title and description to every listener.
/// </summary>
public sealed class UpdatesFeeds(HubDbContext db, PublicAddress links, IOptions<HubOptions> hub, IOptions<UpdatesOptions> options,
    IStringLocalizer<Strings> strings)
{
    private const string Atom = XmlFeed.AtomNamespace;
    private const string Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private const string Content = "http://purl.org/rss/1.0/modules/content/";
    private const string PodcastNs = "https://podcastindex.org/namespace/1.0";

    /// <summary>The configured title, else the hub's name and "podcast" in the reader's language.</summary>
    public string PodcastTitle => string.IsNullOrWhiteSpace(options.Value.Podcast.Title) ? strings["Updates.Feed.PodcastTitle", hub.Value.Name] : options.Value.Podcast.Title!;

    /// <summary>The configured description, else the hub's own sentence in the reader's language.</summary>
    public string PodcastDescription => string.IsNullOrWhiteSpace(options.Value.Podcast.Description) ? strings["Updates.Feed.PodcastDescription"] : options.Value.Podcast.Description!;

    public async Task<string> AtomAsync(CancellationToken cancellationToken)
    {
        var issues = await db.NewsletterIssues.AsNoTracking().OrderByDescending(i => i.SentAt).Take(30).ToListAsync(cancellationToken);
        var episodes = await db.Episodes.AsNoTracking().OrderByDescending(e => e.PublishedAt).Take(30).ToListAsync(cancellationToken);
        var entries = issues.Select(i => (Id: $"urn:uuid:{i.Id}", i.Subject, Url: links.Absolute($"/newsletter/{i.Id}"), When: i.SentAt, i.Html))
            .Concat(episodes.Select(e => (Id: $"urn:uuid:{e.Id}", Subject: e.Title, Url: links.Absolute($"/podcast/{e.Slug}"), When: e.PublishedAt, Html: e.ShowNotesHtml)))
            .OrderByDescending(e => e.When).Take(30).ToList();
        return XmlFeed.Write(w =>
        {
            w.WriteStartElement("feed", Atom);
            w.WriteElementString("title", Atom, strings["Updates.Feed.Title", hub.Value.Name]);
            w.WriteElementString("subtitle", Atom, strings["Updates.Feed.Subtitle"]);
            w.WriteElementString("id", Atom, links.Absolute("/feed.xml"));
            XmlFeed.AtomLink(w, links.Absolute("/feed.xml"), "self", "application/atom+xml");
            XmlFeed.AtomLink(w, links.Absolute("/"), "alternate", "text/html");
            w.WriteElementString("updated", Atom, XmlFeed.Rfc3339(entries.Count > 0 ? entries[0].When : DateTime.UnixEpoch));
            w.WriteStartElement("author", Atom);
            w.WriteElementString("name", Atom, hub.Value.Name);
            w.WriteEndElement();
            foreach (var e in entries)
            {
                w.WriteStartElement("entry", Atom);
                w.WriteElementString("title", Atom, e.Subject);
                w.WriteElementString("id", Atom, e.Id);
                XmlFeed.AtomLink(w, e.Url, "alternate", "text/html");
                w.WriteElementString("updated", Atom, XmlFeed.Rfc3339(e.When));
                w.WriteElementString("published", Atom, XmlFeed.Rfc3339(e.When));
                w.WriteStartElement("content", Atom);
                w.WriteAttributeString("type", "html");
                w.WriteString(e.Html);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }

    public async Task<string> PodcastAsync(CancellationToken cancellationToken)
    {
        var episodes = await db.Episodes.AsNoTracking().OrderByDescending(e => e.PublishedAt).ToListAsync(cancellationToken);
        var podcast = options.Value.Podcast;
        string title, description;
        using (RecipientLanguage.Of(podcast.Language))
        {
            (title, description) = (PodcastTitle, PodcastDescription);
        }
        return XmlFeed.Write(w =>
        {
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "itunes", null, Itunes);
            w.WriteAttributeString("xmlns", "atom", null, Atom);
            w.WriteAttributeString("xmlns", "content", null, Content);
            w.WriteAttributeString("xmlns", "podcast", null, PodcastNs);
            w.WriteStartElement("channel");
            w.WriteStartElement("atom", "link", Atom);
            w.WriteAttributeString("href", links.Absolute("/podcast.xml"));
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("type", "application/rss+xml");
            w.WriteEndElement();
            w.WriteElementString("title", title);
            w.WriteElementString("description", description);
            w.WriteElementString("link", links.Absolute("/podcast"));
            w.WriteElementString("language", podcast.Language);
            w.WriteStartElement("itunes", "category", Itunes);
            w.WriteAttributeString("text", podcast.Category);
            w.WriteEndElement();
            w.WriteElementString("itunes", "explicit", Itunes, podcast.Explicit ? "true" : "false");
            w.WriteStartElement("itunes", "image", Itunes);
            w.WriteAttributeString("href", links.Absolute(podcast.Image));
            w.WriteEndElement();
            w.WriteElementString("itunes", "author", Itunes, hub.Value.Name);
            w.WriteElementString("podcast", "locked", PodcastNs, "no");
            foreach (var e in episodes)
            {
                var page = links.Absolute($"/podcast/{e.Slug}");
                w.WriteStartElement("item");
                w.WriteElementString("title", e.Title);
                w.WriteStartElement("enclosure");
                w.WriteAttributeString("url", AudioAddress(e, links));
                w.WriteAttributeString("length", e.AudioLength.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("type", e.AudioType);
                w.WriteEndElement();
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "false");
                w.WriteString($"urn:uuid:{e.Id}");
                w.WriteEndElement();
                w.WriteElementString("link", page);
                w.WriteElementString("pubDate", e.PublishedAt.ToString("r", CultureInfo.InvariantCulture));
                w.WriteElementString("description", SendSummary(e));
                w.WriteStartElement("content", "encoded", Content);
                w.WriteCData(e.ShowNotesHtml);
                w.WriteEndElement();
                w.WriteElementString("itunes", "duration", Itunes, e.DurationSeconds.ToString(CultureInfo.InvariantCulture));
                w.WriteElementString("itunes", "explicit", Itunes, podcast.Explicit ? "true" : "false");
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    public static string AudioAddress(Episode e, PublicAddress links) =>
        e.AudioFile is not null ? links.Absolute($"/podcast/audio/{Uri.EscapeDataString(e.AudioFile)}") : e.AudioUrl!;

    private static string SendSummary(Episode e) => Newsletter.SendNewsletterIssue.Summary(e.ShowNotesMarkdown) is { Length: > 0 } s ? s : e.Title;
}
