using Microsolidarity.Hub.Platform.Email;

namespace Microsolidarity.Hub.Platform.Notifications;

/// <summary>
/// The one way features tell a person something that is not about their account's security (those
/// emails go straight to <see cref="EmailOutbox"/>). Works in the caller's unit of work: nothing is
/// saved here, so a notice exists exactly when the change that caused it does.
/// </summary>
public sealed class Notifier(EmailOutbox outbox)
{
    public Task NotifyAsync(Notice notice, CancellationToken cancellationToken)
    {
        outbox.Enqueue(notice.Email);
        return Task.CompletedTask;
    }

    /// <summary>Call after the caller's SaveChanges, to deliver without waiting for the next poll.</summary>
    public void Wake() => outbox.Wake();
}
