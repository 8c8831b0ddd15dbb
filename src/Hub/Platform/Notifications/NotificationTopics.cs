namespace Microsolidarity.Hub.Platform.Notifications;

/// <summary>
/// The topics a person can choose for, named by the first part of a notice's kind ("gathering.reminder"
/// belongs to "gathering"). A kind whose topic is not listed here follows the person's default.
/// </summary>
public static class NotificationTopics
{
    /// <summary>Each topic and what it covers, in English; the page says it in the reader's words (People.Notifications.Topic.*).</summary>
    public static readonly IReadOnlyList<(string Topic, string Label)> All =
    [
        ("crew", "My crews: invitations, meetings, retrospectives"),
        ("dyad", "My pairs: check-ins"),
        ("congregation", "My congregations: requests, invitations, membership, crew calls"),
        ("conversations", "Conversations: new posts where you take part, and mentions of you"),
        ("offers", "Offers and requests: answers to what you posted"),
        ("introductions", "Introductions: whom you are introduced to, and did you meet"),
        ("gathering", "Gatherings: reminders, waitlists, tickets"),
        ("commons", "The commons: contributions, proposals, membership"),
        ("updates", "Newsletters and episodes"),
    ];

    public static string TopicOf(string kind)
    {
        var dot = kind.IndexOf('.');
        return dot < 0 ? kind : kind[..dot];
    }
}
