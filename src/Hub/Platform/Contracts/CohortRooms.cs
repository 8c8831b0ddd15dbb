namespace Microsolidarity.Hub.Platform.Contracts;

/// <summary>Someone a participant shares a breakout room with; <paramref name="Photo"/> is set when its owner lets the participant see it.</summary>
public sealed record CohortRoomMate(string? UserId, string Name, string? Photo);

/// <summary>
/// A participant's room in one call of a cohort (a practice program tied to a gathering): the call's number and date,
/// and who is in the room with them (empty in the full circle, where everyone is together).
/// </summary>
public sealed record CohortRoom(string Program, string Url, int Call, int Calls, DateTime StartsAt, int Room, bool FullCircle, IReadOnlyList<CohortRoomMate> With);

/// <summary>
/// The rooms of cohorts, asked by gatherings (a reminder before a call names the room) and by the personal home (the
/// next call's room) without knowing how programs plan them; a hub without programs registers none.
/// </summary>
public interface ICohortRooms
{
    /// <summary>The person's rooms in the call held on this date of the gathering (one per cohort tied to it); empty when they are away or no rooms are made yet.</summary>
    Task<IReadOnlyList<CohortRoom>> ForDateAsync(Guid gatheringId, DateTime originalStart, string userId, CancellationToken cancellationToken);

    /// <summary>The person's room in the next call of any cohort they are in (a call under way counts until it ends), or null.</summary>
    Task<CohortRoom?> NextAsync(string userId, DateTime nowUtc, CancellationToken cancellationToken);
}
