using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// The network's directory of congregations: one search box over name, purpose, place and languages
/// (<see cref="DirectorySearch"/>), and filters; one query however many there are.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Platform.Web.PublicPageCache.Policy)]
public sealed class DirectoryModel(HubDbContext db, SharedReadCache reads, DirectoryIndex directory) : HubPageModel
{
    public sealed record Item(string Slug, string Name, string PurposeShort, string Place, bool IsOnline, string Languages, MembershipPolicy Policy, int Members);

    [BindProperty(SupportsGet = true)] public string Show { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true)] public bool Online { get; set; }
    /// <summary>
    /// From the query alone: Razor Pages keeps the page's own path in the route value "page", which model binding
    /// reads before the query, so a bound "page" never saw <c>?page=3</c> (every page showed the first, after a
    /// format exception on every request).
    /// </summary>
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>Cards per page: a network of hundreds of congregations stays fast and readable.</summary>
    public const int PageSize = 24;

    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The current filters as a query string, for the page links.</summary>
    public string QueryFor(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["show"] = Show == "" ? null : Show,
        ["q"] = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim(),
        ["online"] = Online ? "true" : null,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }).ToString();

    public IReadOnlyList<Item> Items { get; private set; } = [];
    public bool Filtered => Show != "" || !string.IsNullOrWhiteSpace(Query) || Online;

    /// <summary>Longer than any name, place and languages together: the rest of a pasted text is not read.</summary>
    public const int QueryLength = 200;

    private sealed record Listing(int Total, int PageNumber, IReadOnlyList<Item> Items);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Query is { Length: > QueryLength })
        {
            Query = Query[..QueryLength];
        }
        // The same page of the directory for every viewer: read once per few seconds, rendered per viewer.
        var listing = await reads.GetOrLoadAsync(SharedReadCache.Congregations, $"directory{QueryFor(PageNumber)}", () => LoadAsync(cancellationToken));
        (Total, PageNumber, Items) = (listing.Total, listing.PageNumber, listing.Items);
    }

    private async Task<Listing> LoadAsync(CancellationToken cancellationToken)
    {
        var words = DirectorySearch.QueryWords(Query);
        if (words.Count > 0)
        {
            return await SearchAsync(words, cancellationToken);
        }
        var query = db.Congregations.AsNoTracking();
        query = Show switch
        {
            "open" => query.Where(c => c.Policy == MembershipPolicy.Open),
            "request" => query.Where(c => c.Policy == MembershipPolicy.Request),
            "invitation" => query.Where(c => c.Policy == MembershipPolicy.InvitationOnly),
            _ => query,
        };
        if (Online)
        {
            query = query.Where(c => c.IsOnline);
        }
        var total = await query.CountAsync(cancellationToken);
        var pageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query.OrderBy(c => c.Name).ThenBy(c => c.Slug)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new { c.Slug, c.Name, c.Purpose, c.Place, c.IsOnline, c.Languages, c.Policy, Members = db.Memberships.Count(m => m.CongregationId == c.Id) })
            .ToListAsync(cancellationToken);
        return new Listing(total, pageNumber, [.. rows.Select(r => new Item(r.Slug, r.Name, Short(r.Purpose), r.Place, r.IsOnline, r.Languages, r.Policy, r.Members))]);
    }

    internal static string Short(string purpose) => purpose.Length > 220 ? purpose[..220].TrimEnd() + "…" : purpose;

    /// <summary>
    /// A search reads every congregation's words once (<see cref="DirectoryIndex"/>, kept like the
    /// pages, until a congregation changes), then ranks in memory: closest first, then by name.
    /// </summary>
    private async Task<Listing> SearchAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var index = await directory.LoadAsync(cancellationToken);
        var policy = Show switch
        {
            "open" => MembershipPolicy.Open,
            "request" => MembershipPolicy.Request,
            "invitation" => MembershipPolicy.InvitationOnly,
            _ => (MembershipPolicy?)null,
        };
        var found = index
            .Where(s => (policy is null || s.Item.Policy == policy) && (!Online || s.Item.IsOnline))
            .Ranked(words)
            .ToList();
        var pageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (found.Count + PageSize - 1) / PageSize));
        return new Listing(found.Count, pageNumber, [.. found.Skip((pageNumber - 1) * PageSize).Take(PageSize)]);
    }
}
