namespace Microsolidarity.Hub.Platform.Notifications;

/// <summary>
/// The topics a person can choose for, named by the first part of a notice's kind ("gathering.reminder"
/// belongs to "gathering"). A kind whose topic is not listed here follows the person's default.
/// </summary>
public static class NotificationTopics
{
    /// <summary>Each topic a person can choose for; what it covers is said in the reader's words (People.Notifications.Topic.*).</summary>
    public static readonly IReadOnlyList<string> All =
        ["crew", "dyad", "congregation", "conversations", "offers", "introductions", "gathering", "commons", "updates"];

    public static string TopicOf(string kind)
    {
        var dot = kind.IndexOf('.');
        return dot < 0 ? kind : kind[..dot];
    }
}
