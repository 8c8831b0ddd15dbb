namespace Microsolidarity.Hub.Data.Notifications;

/// <summary>What became of the email side of a notification.</summary>
public enum NotificationEmail
{
    /// <summary>The person asked to hear about this topic in the hub only.</summary>
    NotEmailed = 0,
    Emailed = 1,
    AwaitingDigest = 2,
    InDigest = 3,
}

/// <summary>One thing a person should hear about, kept in their in-hub list whatever their email choice.</summary>
public class Notification
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>A stable dotted name such as "gathering.reminder"; its first part is the topic preferences refer to.</summary>
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";

    /// <summary>A hub-relative address ("/crews/…") or an absolute one.</summary>
    public string Url { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    /// <summary>
    /// What the notice asks the person to answer ("crew-invitation:…"), when it asks for an answer; null for
    /// news. The operation that takes the answer marks every notice about it done, wherever it was given.
    /// </summary>
    public string? About { get; set; }

    /// <summary>When what the notice asked for was answered (by this person, or by a co-host for a request).</summary>
    public DateTime? DoneAt { get; set; }
    public NotificationEmail Email { get; set; }

    /// <summary>Set when a digest run claims the row, so no two runs put it in two digests.</summary>
    public Guid? DigestBatch { get; set; }
    public DateTime? DigestedAt { get; set; }
}

/// <summary>How a person wants to hear about one topic by email. Everything also shows in the hub.</summary>
public enum NotificationMode
{
    EmailAtOnce = 0,
    DailyDigest = 1,
    HubOnly = 2,
}

/// <summary>A person's choice for one topic; the topic "" is their default for topics without a row.</summary>
public class NotificationPreference
{
    public string UserId { get; set; } = "";
    public string Topic { get; set; } = "";
    public NotificationMode Mode { get; set; }
}
