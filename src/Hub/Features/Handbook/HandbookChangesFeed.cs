using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// An Atom feed of the handbook's pages, most recently changed first, so readers can follow the
/// essays in a feed reader. A page's entry is updated when a re-import changes its text. The feed's own words are in the
/// request's language (English for a reader that names none); each entry, the handbook's words, says its language (xml:lang).
/// </summary>
public sealed class HandbookChangesFeed(HubDbContext db, PublicAddress address, IStringLocalizer<Strings> strings, IOptions<HandbookOptions> options)
{
    private const string Atom = XmlFeed.AtomNamespace;
    public const int Entries = 30;

    public async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        var info = await db.Handbooks.AsNoTracking().OrderBy(h => h.Id).FirstOrDefaultAsync(cancellationToken);
        if (info is null)
        {
            return null;
        }
        var pages = await db.HandbookPages.AsNoTracking().Where(p => !p.Hidden)
            .OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Order).Take(Entries)
            .Select(p => new { p.Path, p.Title, p.Description, p.PlainText, p.UpdatedAt }).ToListAsync(cancellationToken);
        var updated = pages.Count > 0 ? pages.Max(p => p.UpdatedAt) : info.ImportedAt ?? DateTime.UnixEpoch;
        string author = info.Author.Length > 0 ? info.Author : strings["Handbook.Book.Authors"];
        return XmlFeed.Write(w =>
        {
            w.WriteStartElement("feed", Atom);
            w.WriteElementString("id", Atom, address.Absolute("/handbook"));
            w.WriteElementString("title", Atom, strings["Handbook.Feed.Changes", info.Title]);
            w.WriteElementString("updated", Atom, XmlFeed.Rfc3339(updated));
            w.WriteStartElement("author", Atom);
            w.WriteElementString("name", Atom, author);
            w.WriteEndElement();
            w.WriteElementString("rights", Atom, info.LicenceName);
            XmlFeed.AtomLink(w, address.Absolute("/handbook/changes.xml"), "self");
            XmlFeed.AtomLink(w, address.Absolute("/handbook"), "alternate");
            foreach (var p in pages)
            {
                var url = address.Absolute(RenderHandbookPage.PageUrl(p.Path));
                w.WriteStartElement("entry", Atom);
                w.WriteAttributeString("xml", "lang", null, options.Value.Language);
                w.WriteElementString("id", Atom, url);
                w.WriteElementString("title", Atom, p.Title);
                w.WriteElementString("updated", Atom, XmlFeed.Rfc3339(p.UpdatedAt));
                XmlFeed.AtomLink(w, url, "alternate");
                w.WriteElementString("summary", Atom, !string.IsNullOrEmpty(p.Description) ? p.Description
                    : p.PlainText.Length > 300 ? p.PlainText[..300].TrimEnd() + "…" : p.PlainText);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }
}
