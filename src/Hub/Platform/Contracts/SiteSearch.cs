namespace Microsolidarity.Hub.Platform.Contracts;

/// <summary>One thing the site-wide search found: where it is, what it is called, a line about it.</summary>
public sealed record SiteSearchHit(string Url, string Title, string Summary);

/// <summary>
/// What one source found, with the address of its own fuller search. <paramref name="Name"/> is the source's own,
/// the same in every language (the page's anchor, "found-practices"); <paramref name="Heading"/> is in the reader's.
/// </summary>
public sealed record SiteSearchSection(string Name, string Heading, IReadOnlyList<SiteSearchHit> Hits, int Total, string MoreUrl);

/// <summary>
/// Something /search looks in besides the handbook (congregations today; practices and conversations
/// may follow). Features register theirs; the search page asks each in <see cref="Order"/> and shows a
/// section per source that found anything, so a feature adds itself without the page knowing it.
/// </summary>
public interface ISiteSearchSource
{
    int Order { get; }

    /// <summary>At most <paramref name="limit"/> hits, best first, with the total found; only what a visitor may see.</summary>
    Task<SiteSearchSection> SearchAsync(string query, int limit, CancellationToken cancellationToken);
}
