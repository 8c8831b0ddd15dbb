using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// /sitemap.xml: the public pages search engines may list: the home page, the handbook (hidden pages
/// left out), the practice library and its card deck and the pages of congregations that accept newcomers. Nothing behind a sign-in.
/// </summary>
public sealed class Sitemap(HubDbContext db, PublicAddress address, Features.Practices.ReadPractices practices)
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var urls = new List<(string Path, DateTime? Modified)> { ("/", null), ("/congregations", null) };
        var pages = await db.HandbookPages.AsNoTracking().Where(p => !p.Hidden).OrderBy(p => p.Order)
            .Select(p => new { p.Path, p.UpdatedAt }).ToListAsync(cancellationToken);
        urls.AddRange(pages.Select(p => (Features.Handbook.RenderHandbookPage.PageUrl(p.Path), (DateTime?)p.UpdatedAt)));
        urls.Add(("/practices", null));
        urls.AddRange((await practices.AllAsync(cancellationToken)).Select(p => ($"/practices/{p.Slug}", (DateTime?)null)));
        urls.Add(("/practices/cards", null));
        var congregations = await db.Congregations.AsNoTracking().Where(c => c.Policy != MembershipPolicy.InvitationOnly)
            .OrderBy(c => c.Slug).Select(c => c.Slug).ToListAsync(cancellationToken);
        urls.AddRange(congregations.Select(slug => ($"/congregations/{slug}", (DateTime?)null)));
        return XmlFeed.Write(w =>
        {
            w.WriteStartElement("urlset", Ns);
            foreach (var (path, modified) in urls.DistinctBy(u => u.Path))
            {
                w.WriteStartElement("url", Ns);
                w.WriteElementString("loc", Ns, address.Absolute(path));
                if (modified is { } m)
                {
                    w.WriteElementString("lastmod", Ns, XmlFeed.Day(m));
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }
}
