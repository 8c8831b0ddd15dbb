namespace Microsolidarity.Hub.Platform.Contracts;

/// <summary>An event anyone may see, as the home page and other features list it.</summary>
public sealed record UpcomingEvent(
    string Title,
    string Url,
    DateTime StartsAtUtc,
    string TimeZoneId,
    string OwnerName,
    bool IsOnline,
    DateTime? EndsAtUtc = null,
    string Place = "");

/// <summary>
/// Public upcoming events, soonest first. Features that show events take
/// <c>IEnumerable&lt;IUpcomingEvents&gt;</c>, so they work (with an empty state) before gatherings exist.
/// </summary>
public interface IUpcomingEvents
{
    Task<IReadOnlyList<UpcomingEvent>> NextAsync(int count, CancellationToken cancellationToken);

    /// <summary>
    /// A congregation's own coming dates, soonest first: public ones, and with <paramref name="asMember"/>
    /// those for its members too (never a crew's, nor those for network members only).
    /// The default, for calendars that know no congregations, is none.
    /// </summary>
    Task<IReadOnlyList<UpcomingEvent>> ForCongregationAsync(Guid congregationId, bool asMember, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UpcomingEvent>>([]);
}
