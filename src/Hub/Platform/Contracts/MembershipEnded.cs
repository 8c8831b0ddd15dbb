namespace Microsolidarity.Hub.Platform.Contracts;

/// <summary>
/// Told when a person stops being a member of a congregation (they left, or a host removed them), so what
/// they were part of there does not go on without them. Runs inside the caller's transaction, before its
/// SaveChanges: what a handler writes stands or falls with the membership's end.
/// </summary>
public interface IMembershipEndedHandler
{
    Task MembershipEndedAsync(Guid congregationId, string userId, CancellationToken cancellationToken);
}
