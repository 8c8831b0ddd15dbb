using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>The network's directory of congregations, with filters; one query however many there are.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Platform.Web.PublicPageCache.Policy)]
public sealed class DirectoryModel(HubDbContext db, SharedReadCache reads) : HubPageModel
{
    public sealed record Item(string Slug, string Name, string PurposeShort, string Place, bool IsOnline, string Languages, MembershipPolicy Policy, int Members);

    [BindProperty(SupportsGet = true)] public string Show { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Place { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public bool Online { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>Cards per page: a network of hundreds of congregations stays fast and readable.</summary>
    public const int PageSize = 24;

    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The current filters as a query string, for the page links.</summary>
    public string QueryFor(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["show"] = Show == "" ? null : Show,
        ["place"] = string.IsNullOrWhiteSpace(Place) ? null : Place,
        ["language"] = string.IsNullOrWhiteSpace(Language) ? null : Language,
        ["online"] = Online ? "true" : null,
        ["page"] = page.ToString(),
    }).ToString();

    public IReadOnlyList<Item> Items { get; private set; } = [];
    public bool Filtered => Show != "" || !string.IsNullOrWhiteSpace(Place) || !string.IsNullOrWhiteSpace(Language) || Online;

    private sealed record Listing(int Total, int PageNumber, IReadOnlyList<Item> Items);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The same page of the directory for every viewer: read once per few seconds, rendered per viewer.
        var listing = await reads.GetOrLoadAsync(SharedReadCache.Congregations, $"directory{QueryFor(PageNumber)}", () => LoadAsync(cancellationToken));
        (Total, PageNumber, Items) = (listing.Total, listing.PageNumber, listing.Items);
    }

    private async Task<Listing> LoadAsync(CancellationToken cancellationToken)
    {
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
        if (!string.IsNullOrWhiteSpace(Place))
        {
            var place = Place.Trim().ToLower();
            query = query.Where(c => c.Place.ToLower().Contains(place));
        }
        if (!string.IsNullOrWhiteSpace(Language))
        {
            var language = Language.Trim().ToLower();
            query = query.Where(c => c.Languages.ToLower().Contains(language));
        }
        var total = await query.CountAsync(cancellationToken);
        var pageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query.OrderBy(c => c.Name).ThenBy(c => c.Slug)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new { c.Slug, c.Name, c.Purpose, c.Place, c.IsOnline, c.Languages, c.Policy, Members = db.Memberships.Count(m => m.CongregationId == c.Id) })
            .ToListAsync(cancellationToken);
        return new Listing(total, pageNumber, [.. rows.Select(r => new Item(r.Slug, r.Name, r.Purpose.Length > 220 ? r.Purpose[..220].TrimEnd() + "…" : r.Purpose,
            r.Place, r.IsOnline, r.Languages, r.Policy, r.Members))]);
    }
}
