namespace Microsolidarity.Hub.Platform.Contracts;

/// <summary>
/// A paid event closed by its hosts: its budget is final. Gatherings raise it; the commons books the
/// configured share of the surplus. Amounts are in the event's one currency, never converted.
/// </summary>
public sealed record EventSettled(
    Guid EventId,
    string Title,
    string Url,
    DateTime EndedAtUtc,
    string Currency,
    decimal Income,
    decimal Costs,
    string SettledByUserId)
{
    public decimal Surplus => Income - Costs;
}

/// <summary>
/// Called inside the closing operation's unit of work, before its SaveChanges: a handler adds its own
/// rows to the same DbContext and must not save, so the close and its consequences commit together.
/// </summary>
public interface IEventSettledHandler
{
    Task OnSettledAsync(EventSettled settled, CancellationToken cancellationToken);
}
