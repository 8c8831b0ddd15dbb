using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// The one place that tells every <see cref="IEventAnsweredHandler"/> whose answer changed: an operation notes each
/// person whose answer moved (they answered, a host decided, the waitlist moved them up, an unpaid place lapsed) while
/// it works, and raises them all once its transaction has committed, so what follows (a cohort's rooms) never undoes
/// the answer. Scoped: one list per request or job run.
/// </summary>
public sealed class AnswersMoved(IEnumerable<IEventAnsweredHandler> handlers)
{
    private readonly List<(Guid EventId, string UserId)> moved = [];

    public void Note(Guid eventId, string userId)
    {
        if (!moved.Contains((eventId, userId)))
        {
            moved.Add((eventId, userId));
        }
    }

    /// <summary>Call after the commit; a rolled-back operation calls <see cref="Forget"/> instead.</summary>
    public async Task RaiseAsync(CancellationToken cancellationToken)
    {
        var now = moved.ToList();
        moved.Clear();
        foreach (var (eventId, userId) in now)
        {
            foreach (var handler in handlers)
            {
                await handler.OnAnsweredAsync(eventId, userId, cancellationToken);
            }
        }
    }

    public void Forget() => moved.Clear();
}
