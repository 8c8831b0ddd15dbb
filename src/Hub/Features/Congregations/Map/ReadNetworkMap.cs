using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Map;

/// <summary>
/// The network map as everyone sees it: the drawn SVG, the congregations that meet online, and every
/// congregation as a row of the list beneath. Counts only, never a person. It is the same for every
/// viewer, so it is drawn once and kept in the shared read cache's congregation region: a saved
/// congregation or membership drops it and the next request draws it again (other nodes within
/// <c>Web:PublicCacheSeconds</c>). Drawing reads three grouped queries, never one per congregation.
/// </summary>
public sealed class ReadNetworkMap(HubDbContext db, SharedReadCache reads)
{
    public sealed record Row(string Slug, string Name, string Place, bool IsOnline, bool IsPlaced, int Members, int Crews);

    public sealed record Drawing(string Svg, int Placed, IReadOnlyList<Row> Online, IReadOnlyList<Row> All)
    {
        public int Members => All.Sum(r => r.Members);
        public int Crews => All.Sum(r => r.Crews);
    }

    public Task<Drawing> RunAsync() =>
        // Not cancelled with one request: other requests may be waiting for the same drawing.
        reads.GetOrLoadAsync(SharedReadCache.Congregations, "network-map", () => DrawAsync(CancellationToken.None));

    private async Task<Drawing> DrawAsync(CancellationToken cancellationToken)
    {
        var members = await db.Memberships.AsNoTracking().GroupBy(m => m.CongregationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var crews = await db.Crews.AsNoTracking().Where(c => c.CongregationId != null && c.Stage != CrewStage.Disbanded)
            .GroupBy(c => c.CongregationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key!.Value, g => g.Count, cancellationToken);
        var congregations = await db.Congregations.AsNoTracking()
            .Select(c => new { c.Id, c.Slug, c.Name, c.Place, c.IsOnline, c.Latitude, c.Longitude })
            .ToListAsync(cancellationToken);
        var rows = congregations
            .Select(c => (c, Row: new Row(c.Slug, c.Name, c.Place, c.IsOnline, c.Latitude is not null && c.Longitude is not null,
                members.GetValueOrDefault(c.Id), crews.GetValueOrDefault(c.Id))))
            .OrderByDescending(x => x.Row.Members).ThenBy(x => x.Row.Name, StringComparer.Ordinal).ThenBy(x => x.Row.Slug, StringComparer.Ordinal)
            .ToList();
        var points = rows.Where(x => x.Row.IsPlaced)
            .Select(x => new WorldMap.Point(x.Row.Slug, x.Row.Name, x.Row.Place, x.Row.Members, x.c.Latitude!.Value, x.c.Longitude!.Value))
            .ToList();
        var title = points.Count == 1 ? "World map with one congregation placed" : $"World map with {points.Count} congregations placed";
        return new Drawing(WorldMap.Svg(points, "map-title", title), points.Count,
            [.. rows.Where(x => x.Row.IsOnline).Select(x => x.Row)], [.. rows.Select(x => x.Row)]);
    }
}
