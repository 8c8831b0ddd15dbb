using Microsolidarity.Hub.Platform.Email;

namespace Microsolidarity.Hub.Platform.Notifications;

/// <summary>
/// Something a person should hear about: a reminder, a promotion from a waitlist, a decision.
/// <paramref name="Kind"/> is a stable dotted name ("gathering.reminder") that preferences refer to.
/// The email is composed by the feature, because only it knows what to say.
/// </summary>
public sealed record Notice(string UserId, string Kind, string Title, string Url, EmailMessage Email)
{
    /// <summary>
    /// For a notice that asks for an answer (an invitation, a request, a retrospective): what it is about,
    /// so that <see cref="Notifier.ResolveAsync"/> marks it done when the answer is given, wherever that is.
    /// </summary>
    public string? About { get; init; }
}
