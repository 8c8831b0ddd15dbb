using Microsolidarity.Hub.Data.Platform;

namespace Microsolidarity.Hub.Data.Updates;

public enum WebhookFormat
{
    Generic = 0,
    Discord = 1,
    Slack = 2,
    Matrix = 3,
}

/// <summary>A chat room or service that hears about new events, newsletters and episodes.</summary>
public class WebhookTarget
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public WebhookFormat Format { get; set; }
    public string Url { get; set; } = "";

    /// <summary>Generic: the HMAC key. Matrix: the access token. Unused for Discord and Slack (the URL is the secret).</summary>
    public string Secret { get; set; } = "";

    /// <summary>Announcement kinds it receives, comma-separated ("event,newsletter,episode").</summary>
    public string Kinds { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime? RemovedAt { get; set; }
}

/// <summary>One announcement to one target; the log hosts read, and the queue the sender works through.</summary>
public class WebhookDelivery : IOutboxRow
{
    public Guid Id { get; set; }
    public Guid TargetId { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";

    /// <summary>The exact body sent, composed when the announcement happened.</summary>
    public string Body { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? FailedAt { get; set; }
    public int? LastStatus { get; set; }
    public string? LastError { get; set; }
}
