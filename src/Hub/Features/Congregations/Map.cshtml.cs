using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>The network map: congregations, their crews and sizes. Counts only: no names of people.</summary>
public sealed class MapModel(HubDbContext db) : HubPageModel
{
    private const int Drawn = 48;

    public IReadOnlyList<NetworkMap.Node> Nodes { get; private set; } = [];
    public string Svg { get; private set; } = "";
    public bool Truncated { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var congregations = await db.Congregations.AsNoTracking()
            .Select(c => new { c.Id, c.Slug, c.Name, Members = db.Memberships.Count(m => m.CongregationId == c.Id) })
            .OrderByDescending(c => c.Members).ThenBy(c => c.Name).Take(Drawn + 1)
            .ToListAsync(cancellationToken);
        Truncated = congregations.Count > Drawn;
        var ids = congregations.Take(Drawn).Select(c => (Guid?)c.Id).ToList();
        var crews = await db.Crews.AsNoTracking()
            .Where(c => ids.Contains(c.CongregationId) && c.Stage != CrewStage.Disbanded)
            .Select(c => new { c.CongregationId, c.JoinedCount })
            .ToListAsync(cancellationToken);
        Nodes = [.. congregations.Take(Drawn).Select(c => new NetworkMap.Node(c.Slug, c.Name, c.Members,
            [.. crews.Where(k => k.CongregationId == c.Id).Select(k => k.JoinedCount)]))];
        Svg = NetworkMap.Svg(Nodes);
    }
}
