using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// An Atom feed of the handbook's pages, most recently changed first, so readers can follow the
/// essays in a feed reader. A page's entry is updated when a re-import changes its text.
/// </summary>
public sealed class HandbookChangesFeed(HubDbContext db, PublicAddress address)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
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
        var author = info.Author.Length > 0 ? info.Author : "The handbook's authors";
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", address.Absolute("/handbook")),
            new XElement(Atom + "title", $"{info.Title}: changes"),
            new XElement(Atom + "updated", Stamp(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", author)),
            new XElement(Atom + "rights", info.LicenceName),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", address.Absolute("/handbook/changes.xml"))),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", address.Absolute("/handbook"))),
            pages.Select(p => new XElement(Atom + "entry",
                new XElement(Atom + "id", address.Absolute(RenderHandbookPage.PageUrl(p.Path))),
                new XElement(Atom + "title", p.Title),
                new XElement(Atom + "updated", Stamp(p.UpdatedAt)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", address.Absolute(RenderHandbookPage.PageUrl(p.Path)))),
                new XElement(Atom + "summary", !string.IsNullOrEmpty(p.Description) ? p.Description
                    : p.PlainText.Length > 300 ? p.PlainText[..300].TrimEnd() + "…" : p.PlainText))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Declaration + "\n" + feed;
    }

    private static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
