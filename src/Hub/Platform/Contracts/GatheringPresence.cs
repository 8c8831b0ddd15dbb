namespace Microsolidarity.Hub.Platform.Contracts;

/// <summary>
/// Who was seen at a gathering, as far as the hub knows: an answer "going" to a date that took place.
/// The care view asks it without knowing how gatherings recur; a hub without gatherings registers none.
/// </summary>
public interface IGatheringPresence
{
    /// <summary>
    /// The members of the congregation who said they were going to a gathering (one of the congregation's own,
    /// or one of the network's) that took place between <paramref name="fromUtc"/> and <paramref name="toUtc"/>.
    /// </summary>
    Task<IReadOnlySet<string>> MembersSeenAsync(Guid congregationId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}

/// <summary>
/// Another way into a crew that a member took in a congregation (opted into introductions, answered an open
/// call): the care view shows each registered signal as a column beside the members without a crew.
/// </summary>
public interface ICrewPathSignal
{
    /// <summary>The column's heading, as a host reads it ("Opted into introductions").</summary>
    string Label { get; }

    /// <summary>Which of the congregation's members gave the signal; one query, whatever the congregation's size.</summary>
    Task<IReadOnlySet<string>> MembersAsync(Guid congregationId, CancellationToken cancellationToken);
}
