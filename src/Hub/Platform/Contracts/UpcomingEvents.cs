namespace Microsolidarity.Hub.Platform.Contracts;

/// <summary>An event anyone may see, as the home page and other features list it.</summary>
public sealed record UpcomingEvent(
    string Title,
    string Url,
    DateTime StartsAtUtc,
    string TimeZoneId,
    string OwnerName,
    bool IsOnline);

/// <summary>
/// Public upcoming events, soonest first. Features that show events take
/// <c>IEnumerable&lt;IUpcomingEvents&gt;</c>, so they work (with an empty state) before gatherings exist.
/// </summary>
public interface IUpcomingEvents
{
    Task<IReadOnlyList<UpcomingEvent>> NextAsync(int count, CancellationToken cancellationToken);
}
