namespace Microsolidarity.Hub.Platform.Contracts;

/// <summary>
/// Someone answered an event (going, maybe, can't go), and the answer is saved. Gatherings call every handler after
/// the answer's commit; a practice program tied to the event keeps its cohort in step with the people going.
/// </summary>
public interface IEventAnsweredHandler
{
    Task OnAnsweredAsync(Guid eventId, string userId, CancellationToken cancellationToken);
}
