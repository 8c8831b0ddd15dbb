using Microsolidarity.Hub.Platform.Background;
using Microsolidarity.Hub.Platform.Data;
using Npgsql;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// The one connection each web node keeps listening to the others, on PostgreSQL's <c>hub_cache</c> channel. It
/// carries two kinds of notice, both small: cache evictions (<c>&lt;node&gt;:&lt;region&gt;,...</c>, from
/// <see cref="CacheEviction"/>) and live signals (<c>live:&lt;topic&gt;</c>, from <see cref="LiveSignals"/>), which
/// wake the pages' live streams on every node.
/// <para>
/// Several web nodes on one PostgreSQL database each keep their own caches; a change saved through one must be
/// seen through the others at once, not after <c>Web:PublicCacheSeconds</c>, and a page open on one node must follow
/// what is done on another within a second. PostgreSQL and not Redis: it is the one server every several-node hub
/// already runs, and a notification sent inside the saving transaction is delivered only when it commits, so
/// another node never reloads the old rows because it heard too early. A lost listening connection is opened again,
/// and then everything is evicted and every live stream reads again, since what was said meanwhile was not heard.
/// On SQLite (one server) nothing runs: <see cref="LiveSignals"/> wakes its streams in the process.
/// </para>
/// </summary>
public sealed class NodeChannel(DatabaseOptions options, DatabaseConnection connection, CacheEviction eviction, LiveSignals live,
    ILogger<NodeChannel> logger) : BackgroundService
{
    /// <summary>Named when it carried cache evictions alone; kept, so that during an upgrade nodes of both versions still hear each other.</summary>
    public const string Channel = "hub_cache";

    /// <summary>A node that cannot listen tries again at least this often: until it does, its caches may be stale.</summary>
    private static readonly TimeSpan MostBetweenTries = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.IsPostgres)
        {
            return;
        }
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => failures = 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                logger.LogWarning(e, "Not hearing other nodes' changes (attempt {Attempt}); listening again shortly.", failures);
                try
                {
                    var wait = Backoff.After(failures, TimeSpan.FromSeconds(1));
                    await Task.Delay(wait < MostBetweenTries ? wait : MostBetweenTries, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListenAsync(Action listening, CancellationToken stoppingToken)
    {
        // A connection of its own, outside the pool: it stays open as long as the node runs. Keepalives notice a
        // connection that died quietly (a restarted server), so the node listens again.
        var settings = new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Pooling = false, KeepAlive = 15 };
        await using var listener = new NpgsqlConnection(settings.ConnectionString);
        var heard = System.Threading.Channels.Channel.CreateUnbounded<string>();
        listener.Notification += (_, e) => heard.Writer.TryWrite(e.Payload);
        await listener.OpenAsync(stoppingToken);
        await using (var command = new NpgsqlCommand($"LISTEN {Channel}", listener))
        {
            await command.ExecuteNonQueryAsync(stoppingToken);
        }
        await eviction.EvictEverythingHereAsync(); // whatever was said while this node was not listening
        live.HeardEverything();
        listening();
        var evicting = EvictAsync(heard.Reader);
        try
        {
            while (true)
            {
                await listener.WaitAsync(stoppingToken); // returns after each notification; raises when the connection breaks
            }
        }
        finally
        {
            heard.Writer.TryComplete();
            await evicting;
        }
    }

    private async Task EvictAsync(System.Threading.Channels.ChannelReader<string> heard)
    {
        await foreach (var notice in heard.ReadAllAsync(CancellationToken.None))
        {
            if (notice.StartsWith(LiveSignals.Prefix, StringComparison.Ordinal))
            {
                live.Heard(notice[LiveSignals.Prefix.Length..]);
            }
            else
            {
                await eviction.HeardAsync(notice);
            }
        }
    }
}
