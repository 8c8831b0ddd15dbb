using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Platform.Data;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// "Something about this changed": the one way a page's live stream (server-sent events) learns, on whichever web
/// node it is open, that a meeting room moved on or a person's notices changed, without reading the database a few
/// times a second. A topic is a short key (<c>room:&lt;id&gt;</c>, <c>notices:&lt;person&gt;</c>); the signal says only
/// that it changed, never what changed, so a stream reads the new state itself and nothing is lost when two signals
/// fold into one.
/// <para>
/// On PostgreSQL the signal is a <c>NOTIFY</c> on the channel the nodes already listen on for cache evictions
/// (<see cref="NodeChannel"/>, one listening connection per node), sent on the saving connection so that inside a
/// transaction it is heard only when the change is committed; every node, the sender's included, hears it from the
/// server. On SQLite (one node) it is an in-process wake-up. Either way a stream must not rely on it alone: a
/// notification is lost while a node's listening connection is down, so streams still read now and then.
/// </para>
/// </summary>
public sealed class LiveSignals(DatabaseOptions options, IConfiguration configuration)
{
    /// <summary>
    /// <c>Web:LiveReadAtLeastSeconds</c>: when set, how often every live stream reads again without a signal, instead
    /// of each stream's own few seconds. Tests set it far beyond their wait, so that what they see came by a signal.
    /// </summary>
    private readonly TimeSpan? readAtLeastEvery = configuration.GetValue<int?>("Web:LiveReadAtLeastSeconds") is > 0 and var seconds
        ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>How often a stream reads again without a signal: the operator's setting, else the stream's own <paramref name="usual"/>.</summary>
    public TimeSpan ReadAtLeastEvery(TimeSpan usual) => readAtLeastEvery ?? usual;

    /// <summary>The prefix that tells a live signal from a cache eviction on the shared channel.</summary>
    public const string Prefix = "live:";

    private readonly Lock gate = new();
    private readonly Dictionary<string, Topic> topics = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts watching <paramref name="topic"/>: take <see cref="LiveWatch.Next"/> before reading the state, then wait
    /// on it, so that a change made between the read and the wait still wakes the stream. Dispose when the stream ends.
    /// </summary>
    public LiveWatch Watch(string topic)
    {
        lock (gate)
        {
            if (!topics.TryGetValue(topic, out var watched))
            {
                topics[topic] = watched = new Topic();
            }
            watched.Watchers++;
        }
        return new LiveWatch(this, topic);
    }

    /// <summary>Says that <paramref name="topic"/> changed, on the caller's connection and in its transaction, if any.</summary>
    public Task TellAsync(DbContext context, string topic, CancellationToken cancellationToken = default) =>
        TellAsync(context, [topic], cancellationToken);

    /// <summary>Says that each of <paramref name="changed"/> changed, in as few statements as it takes.</summary>
    public async Task TellAsync(DbContext context, IReadOnlyCollection<string> changed, CancellationToken cancellationToken = default)
    {
        if (!options.IsPostgres)
        {
            HeardAll(changed);
            return;
        }
        foreach (var (sql, parameters) in Statements(changed))
        {
            await context.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }
    }

    /// <summary>The same from a synchronous SaveChanges.</summary>
    public void Tell(DbContext context, IReadOnlyCollection<string> changed)
    {
        if (!options.IsPostgres)
        {
            HeardAll(changed);
            return;
        }
        foreach (var (sql, parameters) in Statements(changed))
        {
            context.Database.ExecuteSqlRaw(sql, parameters);
        }
    }

    /// <summary>One <c>SELECT pg_notify(...), pg_notify(...)</c> per few hundred topics (a notice to a whole congregation names each member).</summary>
    private static IEnumerable<(string Sql, object[] Parameters)> Statements(IReadOnlyCollection<string> changed)
    {
        foreach (var chunk in changed.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var calls = string.Join(", ", chunk.Select((_, i) => $"pg_notify({{0}}, {{{i + 1}}})"));
            yield return ("SELECT " + calls, [NodeChannel.Channel, .. chunk.Select(t => Prefix + t)]);
        }
    }

    private void HeardAll(IEnumerable<string> changed)
    {
        foreach (var topic in changed)
        {
            Heard(topic);
        }
    }

    /// <summary>The same on a plain connection (work that passes no EF context).</summary>
    public async Task TellAsync(DbConnection connection, string topic, CancellationToken cancellationToken = default)
    {
        if (options.IsPostgres)
        {
            await using var command = PlainConnections.Command(connection, null, "SELECT pg_notify(@channel, @payload)",
                ("channel", NodeChannel.Channel), ("payload", Prefix + topic));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            Heard(topic);
        }
    }

    /// <summary>Wakes every stream on this node watching <paramref name="topic"/>.</summary>
    public void Heard(string topic)
    {
        TaskCompletionSource? woken = null;
        lock (gate)
        {
            if (topics.TryGetValue(topic, out var watched))
            {
                woken = watched.Changed;
                watched.Changed = NewChange();
            }
        }
        woken?.TrySetResult();
    }

    /// <summary>After a time of not hearing the other nodes: anything may have changed, so every stream reads again.</summary>
    public void HeardEverything()
    {
        List<TaskCompletionSource> woken;
        lock (gate)
        {
            woken = [.. topics.Values.Select(t => t.Changed)];
            foreach (var watched in topics.Values)
            {
                watched.Changed = NewChange();
            }
        }
        woken.ForEach(w => w.TrySetResult());
    }

    /// <summary>Whether a stream on this node watches <paramref name="topic"/> now (tests wait for it before changing anything).</summary>
    public bool IsWatched(string topic)
    {
        lock (gate)
        {
            return topics.ContainsKey(topic);
        }
    }

    internal Task Next(string topic)
    {
        lock (gate)
        {
            return topics[topic].Changed.Task;
        }
    }

    internal void Unwatch(string topic)
    {
        lock (gate)
        {
            if (topics.TryGetValue(topic, out var watched) && --watched.Watchers == 0)
            {
                topics.Remove(topic);
            }
        }
    }

    private static TaskCompletionSource NewChange() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Topic
    {
        public int Watchers;
        public TaskCompletionSource Changed = NewChange();
    }
}

/// <summary>One stream's watch of one topic; see <see cref="LiveSignals.Watch"/>.</summary>
public sealed class LiveWatch(LiveSignals signals, string topic) : IDisposable
{
    private bool disposed;

    /// <summary>Completes at the next signal of the topic after this call.</summary>
    public Task Next() => signals.Next(topic);

    /// <summary>True when <paramref name="next"/> came within <paramref name="most"/>, false when the time ran out.</summary>
    public static async Task<bool> WaitAsync(Task next, TimeSpan most, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await next.WaitAsync(most, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            signals.Unwatch(topic);
        }
    }
}
