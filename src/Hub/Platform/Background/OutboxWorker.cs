using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Platform;
using Microsolidarity.Hub.Platform.Observability;

namespace Microsolidarity.Hub.Platform.Background;

/// <summary>
/// The one loop of every outbox (email, the newsletter, webhooks). It claims a due row with a conditional
/// update, so two web nodes never try the same row and a claim runs out if its node dies; hands the row to
/// the outbox's <see cref="SendAsync"/>; records the outcome; after a failure waits as <see cref="Backoff"/>
/// says, and gives the row up when the failure is permanent or the attempts are spent. Between rounds it
/// sleeps until the next row is due, the poll interval passes (rows saved by another node) or its
/// <see cref="WakeSignal"/> is raised. An outbox says only what differs: its rows, how to send one, and
/// which failures are permanent.
/// </summary>
public abstract class OutboxWorker<TRow>(IServiceScopeFactory scopes, WakeSignal signal, TimeProvider time, ILogger logger) : BackgroundService
    where TRow : class, IOutboxRow
{
    /// <summary>The lanes with an attempt running on this node.</summary>
    private readonly ConcurrentDictionary<Guid, Task> busy = new();

    /// <summary>What the log calls one row ("Email", "Webhook delivery").</summary>
    protected abstract string RowName { get; }

    /// <summary>The row's column that says when it was done; the worker sets it after a success.</summary>
    protected abstract Expression<Func<TRow, DateTime?>> DoneAt { get; }

    /// <summary>
    /// Rows of one lane are tried one at a time, rows of different lanes side by side (a webhook's target, so
    /// a slow target delays only its own deliveries). None, the default: the whole outbox is one lane.
    /// </summary>
    protected virtual Expression<Func<TRow, Guid>>? Lane => null;

    /// <summary>How often to look for due rows when nothing wakes the worker (rows saved on another node).</summary>
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>The wait after the first failed attempt; <see cref="Backoff"/> doubles it after each further one.</summary>
    protected abstract TimeSpan FirstRetryAfter { get; }

    /// <summary>Attempts after which a row that still fails is given up.</summary>
    protected abstract int MaxAttempts { get; }

    /// <summary>How long a claim holds: longer than an attempt may take, so that only a node that died lets one run out.</summary>
    protected virtual TimeSpan ClaimLength => TimeSpan.FromMinutes(2);

    /// <summary>A pause after each attempt before its lane takes the next row (the newsletter's pace).</summary>
    protected virtual TimeSpan Pace => TimeSpan.Zero;

    /// <summary>
    /// Carries out one claimed row. Throws when it failed: <see cref="OutboxGiveUpException"/> gives the row up
    /// without a retry, any other exception is retried unless <see cref="IsPermanent"/> says otherwise.
    /// </summary>
    protected abstract Task SendAsync(OutboxAttempt<TRow> attempt, CancellationToken cancellationToken);

    /// <summary>Whether a failure would only happen again (an address the server refuses for good).</summary>
    protected virtual bool IsPermanent(Exception failure) => false;

    protected TimeProvider Time => time;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The outbox's name in metrics: "email", "newsletter_delivery", "webhook_delivery".</summary>
    private string MetricName => RowName.ToLowerInvariant().Replace(' ', '_');

    /// <summary>Whether the first look for due rows comes at the start (as deployed) or one poll later (<see cref="BackgroundStart"/>).</summary>
    public bool FirstLookAtStart { get; init; } = BackgroundStart.AtOnce;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watched = HubTelemetry.WatchQueue(this, MetricName, CountWaiting);
        if (!FirstLookAtStart)
        {
            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken); // a wake-up (a row saved here) still starts it at once
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var sleep = PollInterval;
            try
            {
                sleep = await StartDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database may be briefly unavailable (a restart, a migration); try again on the next round.
                logger.LogWarning(e, "{Row} queue could not be read; trying again at the next round.", RowName);
            }
            try
            {
                await signal.WaitAsync(sleep, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        try
        {
            await Task.WhenAll(busy.Values).WaitAsync(TimeSpan.FromSeconds(5), time, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // An attempt still running keeps its claim until it runs out; another start takes the row then.
        }
    }

    /// <summary>
    /// Tries the oldest due row now, in the caller's flow, whatever runs in the background; false when no row
    /// is due. Tests use it to empty an outbox before they look at what was (not) sent.
    /// </summary>
    public async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        Guid? id;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = Now;
            id = await Due(scope.ServiceProvider.GetRequiredService<HubDbContext>(), now)
                .OrderBy(r => r.NextAttemptAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        }
        if (id is null)
        {
            return false;
        }
        await AttemptAsync(id.Value, cancellationToken);
        return true;
    }

    /// <summary>Starts the oldest due row of each idle lane; returns how long to sleep before the next round.</summary>
    private async Task<TimeSpan> StartDueAsync(CancellationToken cancellationToken)
    {
        if (Lane is null && !busy.IsEmpty)
        {
            return PollInterval; // the running attempt wakes the worker when it ends
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = Now;
        // When the next row comes due: its next attempt, or the end of a claim another node holds. One query
        // when there is nothing to do, which is most of the time.
        var next = await OutsideBusyLanes(Open(db))
            .MinAsync(r => r.ClaimedUntil != null && r.ClaimedUntil > r.NextAttemptAt ? r.ClaimedUntil : (DateTime?)r.NextAttemptAt, cancellationToken);
        if (next is null)
        {
            return PollInterval;
        }
        if (next > now)
        {
            var wait = next.Value - now;
            return wait < PollInterval ? wait : PollInterval;
        }
        var due = await OutsideBusyLanes(Due(db, now))
            .OrderBy(r => r.NextAttemptAt)
            .Select(WithLane<DueRow>((r, lane) => new DueRow(r.Id, lane)))
            .Take(Lane is null ? 1 : 200)
            .ToListAsync(cancellationToken);
        foreach (var first in due.GroupBy(d => d.Lane).Select(g => g.First()))
        {
            var attempt = Task.Run(() => RunLaneAsync(first.Id, cancellationToken), CancellationToken.None);
            if (busy.TryAdd(first.Lane, attempt))
            {
                _ = attempt.ContinueWith(_ =>
                {
                    busy.TryRemove(first.Lane, out Task? _);
                    signal.Wake(); // the lane may have more waiting
                }, TaskScheduler.Default);
            }
        }
        // With lanes, look again at once for rows of the lanes still idle; one lane waits for its attempt to end.
        return due.Count == 0 || Lane is null ? PollInterval : TimeSpan.Zero;
    }

    private async Task RunLaneAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await AttemptAsync(id, cancellationToken);
            if (Pace > TimeSpan.Zero)
            {
                await Task.Delay(Pace, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "{Row} {Id} could not be tried or its outcome recorded.", RowName, id);
        }
    }

    /// <summary>
    /// Claims the row, sends it, and records the outcome. Does nothing when the row is not due, is done or given
    /// up, or another attempt (on any node) holds it.
    /// </summary>
    internal async Task AttemptAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = Now;
        var claimedUntil = now + ClaimLength;
        var claimed = await Due(db, now).Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ClaimedUntil, claimedUntil)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return; // another node took it
        }
        using var activity = HubTelemetry.Source.StartActivity("send " + MetricName);
        var attempt = new OutboxAttempt<TRow>(
            await db.Set<TRow>().AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken), scope.ServiceProvider);
        Exception? failure = null;
        try
        {
            await SendAsync(attempt, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            failure = e;
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.Message);
        }
        await RecordAsync(db, attempt, failure);
    }

    private async Task RecordAsync(HubDbContext db, OutboxAttempt<TRow> attempt, Exception? failure)
    {
        var at = Now;
        var id = attempt.Row.Id;
        var row = db.Set<TRow>().Where(r => r.Id == id);
        // The outcome is written even while the hub stops: the attempt has happened.
        if (failure is null)
        {
            HubTelemetry.OutboxAttempts.Add(1, HubTelemetry.Tag("outbox", MetricName), HubTelemetry.Tag("outcome", "sent"));
            await row.ExecuteUpdateAsync(s =>
            {
                s.SetProperty(DoneAt, at);
                s.SetProperty(r => r.ClaimedUntil, (DateTime?)null);
                s.SetProperty(r => r.LastError, (string?)null);
                attempt.Apply(s);
            }, CancellationToken.None);
            return;
        }
        var attempts = attempt.Row.Attempts;
        var error = failure.Message.Length > 2000 ? failure.Message[..2000] : failure.Message;
        var givenUp = failure is OutboxGiveUpException || IsPermanent(failure) || attempts >= MaxAttempts;
        if (failure is OutboxGiveUpException)
        {
            logger.LogInformation("{Row} {Id} given up without an attempt: {Error}", RowName, id, error);
        }
        else
        {
            logger.LogWarning("{Row} {Id} failed (attempt {Attempts}{Final}): {Error}", RowName, id, attempts, givenUp ? ", giving up" : "", error);
        }
        HubTelemetry.OutboxAttempts.Add(1, HubTelemetry.Tag("outbox", MetricName), HubTelemetry.Tag("outcome", givenUp ? "given_up" : "retry"));
        var retryAt = at + Backoff.After(attempts, FirstRetryAfter);
        await row.ExecuteUpdateAsync(s =>
        {
            s.SetProperty(r => r.ClaimedUntil, (DateTime?)null);
            s.SetProperty(r => r.LastError, error);
            if (givenUp)
            {
                s.SetProperty(r => r.FailedAt, at);
            }
            else
            {
                s.SetProperty(r => r.NextAttemptAt, retryAt);
            }
            attempt.Apply(s);
        }, CancellationToken.None);
    }

    /// <summary>How many rows wait to be sent (for the metrics; only asked when a collector reads them).</summary>
    private long CountWaiting()
    {
        using var scope = scopes.CreateScope();
        return Open(scope.ServiceProvider.GetRequiredService<HubDbContext>()).LongCount();
    }

    /// <summary>Rows neither done nor given up.</summary>
    private IQueryable<TRow> Open(HubDbContext db)
    {
        var doneAt = DoneAt;
        var notDone = Expression.Lambda<Func<TRow, bool>>(
            Expression.Equal(doneAt.Body, Expression.Constant(null, typeof(DateTime?))), doneAt.Parameters);
        return db.Set<TRow>().Where(notDone).Where(r => r.FailedAt == null);
    }

    /// <summary>Open rows whose time has come and that no node holds.</summary>
    private IQueryable<TRow> Due(HubDbContext db, DateTime now) =>
        Open(db).Where(r => r.NextAttemptAt <= now && (r.ClaimedUntil == null || r.ClaimedUntil < now));

    private IQueryable<TRow> OutsideBusyLanes(IQueryable<TRow> rows)
    {
        var lanes = busy.Keys.ToList();
        return Lane is null || lanes.Count == 0 ? rows : rows.Where(WithLane<bool>((_, lane) => !lanes.Contains(lane)));
    }

    /// <summary><paramref name="query"/> with its second parameter replaced by the row's lane (the same for every row without lanes).</summary>
    private Expression<Func<TRow, TResult>> WithLane<TResult>(Expression<Func<TRow, Guid, TResult>> query)
    {
        var row = query.Parameters[0];
        var lane = Lane is { } l ? new Substitute(l.Parameters[0], row).Visit(l.Body) : Expression.Constant(Guid.Empty);
        return Expression.Lambda<Func<TRow, TResult>>(new Substitute(query.Parameters[1], lane).Visit(query.Body), row);
    }

    private sealed record DueRow(Guid Id, Guid Lane);

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}

/// <summary>One claimed row on its way out, in the attempt's own scope (its services, its database context).</summary>
public sealed class OutboxAttempt<TRow>(TRow row, IServiceProvider services) where TRow : class
{
    private readonly List<Action<UpdateSettersBuilder<TRow>>> columns = [];

    /// <summary>The row as claimed: <see cref="IOutboxRow.Attempts"/> counts this attempt.</summary>
    public TRow Row { get; } = row;

    public IServiceProvider Services { get; } = services;

    /// <summary>A column of this outbox's own to write with the outcome, success or failure (a webhook's last HTTP status).</summary>
    public void Record<TProperty>(Expression<Func<TRow, TProperty>> column, TProperty value) => columns.Add(s => s.SetProperty(column, value));

    internal void Apply(UpdateSettersBuilder<TRow> setters)
    {
        foreach (var column in columns)
        {
            column(setters);
        }
    }
}

/// <summary>
/// Thrown by an outbox's send to give a row up without trying it (a newsletter reader who left before their
/// turn): the row is marked failed with this message and never tried again.
/// </summary>
public sealed class OutboxGiveUpException(string message) : Exception(message);
