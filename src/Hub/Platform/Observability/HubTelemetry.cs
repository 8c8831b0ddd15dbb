using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Microsolidarity.Hub.Platform.Observability;

/// <summary>
/// The hub's own instruments, in the runtime's <see cref="Meter"/> and <see cref="ActivitySource"/> (no library
/// needed to record): when telemetry is off nothing listens and recording costs next to nothing. The names follow
/// OpenTelemetry's conventions (dots, units in the metadata), which Prometheus writes as
/// <c>hub_outbox_attempts_total</c>.
/// </summary>
public static class HubTelemetry
{
    public const string Name = "Microsolidarity.Hub";

    public static readonly Meter Meter = new(Name);

    public static readonly ActivitySource Source = new(Name);

    /// <summary>Every attempt of an outbox (email, newsletter, webhook): sent, retried later, or given up.</summary>
    public static readonly Counter<long> OutboxAttempts = Meter.CreateCounter<long>(
        "hub.outbox.attempts", "{attempt}", "Attempts to send a row of an outbox, by outbox and outcome (sent, retry, given_up).");

    /// <summary>Runs of periodic jobs (digests, reminders, re-syncs), by job and outcome.</summary>
    public static readonly Histogram<double> JobRuns = Meter.CreateHistogram<double>(
        "hub.job.duration", "s", "How long each run of a periodic job took, by job and outcome (ok, failed).");

    /// <summary>Handbook imports, by outcome, with their duration.</summary>
    public static readonly Histogram<double> HandbookImports = Meter.CreateHistogram<double>(
        "hub.handbook.import.duration", "s", "How long each handbook import took, by outcome (imported, failed, cancelled).");

    /// <summary>The outboxes' waiting rows, read when a collector asks (never otherwise), one count per outbox.</summary>
    private static readonly ConcurrentDictionary<object, (string Outbox, Func<long> Count)> Queues = new();

    static HubTelemetry() =>
        Meter.CreateObservableGauge("hub.outbox.waiting", ObserveQueues, "{row}", "Rows of an outbox neither sent nor given up, by outbox.");

    /// <summary>Counts an outbox's waiting rows while <paramref name="owner"/> runs; dispose the result when it stops.</summary>
    public static IDisposable WatchQueue(object owner, string outbox, Func<long> count)
    {
        Queues[owner] = (outbox, count);
        return new Unwatch(owner);
    }

    private static IEnumerable<Measurement<long>> ObserveQueues()
    {
        foreach (var (outbox, count) in Queues.Values)
        {
            long? waiting;
            try
            {
                waiting = count();
            }
            catch (Exception)
            {
                waiting = null; // the database is away for a moment: no figure is better than a wrong one
            }
            if (waiting is { } rows)
            {
                yield return new Measurement<long>(rows, Tag("outbox", outbox));
            }
        }
    }

    private sealed class Unwatch(object owner) : IDisposable
    {
        public void Dispose() => Queues.TryRemove(owner, out _);
    }

    public static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
