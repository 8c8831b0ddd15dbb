using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Map;

/// <summary>
/// The network map as everyone sees it: the drawn SVG, the congregations that meet online, and every
/// congregation as a row of the list beneath. Counts only, never a person. It is the same for every
/// viewer, so it is drawn once per change: a congregation or membership saved on this node drops it
/// (<see cref="SharedReadCache.ChangeToken"/>) and the next request draws it again, with requests
/// arriving meanwhile waiting for that one drawing. Changes saved on another node are picked up
/// within <c>Web:PublicCacheSeconds</c>: past that age the map is drawn again in the background while
/// requests are still served the drawing they have, so no request waits for a redraw that only time
/// asked for. Drawing reads three grouped queries, never one per congregation.
/// </summary>
public sealed class ReadNetworkMap(IServiceScopeFactory scopes, SharedReadCache reads, TimeProvider time, ILogger<ReadNetworkMap> log) : IDisposable
{
    public sealed record Row(string Slug, string Name, string Place, bool IsOnline, bool IsPlaced, int Members, int Crews);

    public sealed record Drawing(string Svg, int Placed, IReadOnlyList<Row> Online, IReadOnlyList<Row> All)
    {
        public int Members => All.Sum(r => r.Members);
        public int Crews => All.Sum(r => r.Crews);
    }

    /// <summary>Where the drawing's title goes.</summary>
    public const string TitleMark = "{map-title}";

    /// <summary>Where a circle's count of members goes: "{members:6}".</summary>
    public static string MembersMark(int members) => $"{{members:{members.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}";

    private sealed record Kept(Drawing Drawing, long DrawnAt, CancellationToken Changed);

    private volatile Kept? kept;
    private readonly SemaphoreSlim drawing = new(1, 1);
    private int refreshing;

    public void Dispose() => drawing.Dispose();

    public async Task<Drawing> RunAsync()
    {
        if (reads.Lifetime <= TimeSpan.Zero)
        {
            return await DrawAsync(); // caches turned off: every request reads the database
        }
        var current = kept;
        if (current is null || current.Changed.IsCancellationRequested)
        {
            await drawing.WaitAsync();
            try
            {
                current = kept;
                if (current is null || current.Changed.IsCancellationRequested)
                {
                    current = await DrawAndKeepAsync();
                }
            }
            finally
            {
                drawing.Release();
            }
        }
        else if (time.GetElapsedTime(current.DrawnAt) > reads.Lifetime && Interlocked.CompareExchange(ref refreshing, 1, 0) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await DrawAndKeepAsync();
                }
                catch (Exception e)
                {
                    log.LogError(e, "Drawing the network map again failed; the last drawing is kept.");
                }
                finally
                {
                    Volatile.Write(ref refreshing, 0);
                }
            });
        }
        return current.Drawing;
    }

    private async Task<Kept> DrawAndKeepAsync()
    {
        var changed = reads.ChangeToken(SharedReadCache.Congregations); // before reading: a change during the draw makes it stale at once
        var drawn = new Kept(await DrawAsync(), time.GetTimestamp(), changed);
        kept = drawn;
        return drawn;
    }

    private async Task<Drawing> DrawAsync()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var members = await db.Memberships.AsNoTracking().GroupBy(m => m.CongregationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var crews = await db.Crews.AsNoTracking().Where(c => c.CongregationId != null && c.Stage != CrewStage.Disbanded)
            .GroupBy(c => c.CongregationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key!.Value, g => g.Count);
        var congregations = await db.Congregations.AsNoTracking()
            .Select(c => new { c.Id, c.Slug, c.Name, c.Place, c.IsOnline, c.Latitude, c.Longitude })
            .ToListAsync();
        var rows = congregations
            .Select(c => (c, Row: new Row(c.Slug, c.Name, c.Place, c.IsOnline, c.Latitude is not null && c.Longitude is not null,
                members.GetValueOrDefault(c.Id), crews.GetValueOrDefault(c.Id))))
            .OrderByDescending(x => x.Row.Members).ThenBy(x => x.Row.Name, StringComparer.Ordinal).ThenBy(x => x.Row.Slug, StringComparer.Ordinal)
            .ToList();
        var points = rows.Where(x => x.Row.IsPlaced)
            .Select(x => new WorldMap.Point(x.Row.Slug, x.Row.Name, x.Row.Place, x.Row.Members, x.c.Latitude!.Value, x.c.Longitude!.Value))
            .ToList();
        // One drawing for every language: the words are marks the page replaces in its reader's language.
        return new Drawing(WorldMap.Svg(points, "map-title", TitleMark, n => MembersMark(n)), points.Count,
            [.. rows.Where(x => x.Row.IsOnline).Select(x => x.Row)], [.. rows.Select(x => x.Row)]);
    }
}
