using Microsolidarity.Hub.Platform.Background;
using Microsolidarity.Hub.Platform.Data;
using Npgsql;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// Several web nodes on one PostgreSQL database each keep their own caches; a change saved through one must be
/// seen through the others at once, not after <c>Web:PublicCacheSeconds</c>. Each node that saves a change to a
/// region says so on PostgreSQL's <c>hub_cache</c> channel (<c>NOTIFY</c>), and each node listens on it and
/// empties the region. PostgreSQL and not Redis: it is the one server every several-node hub already runs, and a
/// notification sent inside the saving transaction is delivered only when it commits, so another node never
/// reloads the old rows because it heard too early. A lost listening connection is opened again, and everything
/// is evicted then, since what was said meanwhile was not heard. On SQLite (one server) nothing runs.
/// </summary>
public sealed class CacheEvictionsAcrossNodes(DatabaseOptions options, DatabaseConnection connection, CacheEviction eviction,
    ILogger<CacheEvictionsAcrossNodes> logger) : BackgroundService
{
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
            await eviction.HeardAsync(notice);
        }
    }
}
