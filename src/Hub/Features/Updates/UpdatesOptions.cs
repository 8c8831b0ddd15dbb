using System.ComponentModel.DataAnnotations;

namespace Microsolidarity.Hub.Features.Updates;

/// <summary>Settings under <c>Updates:</c>: the newsletter's pace, the podcast's description, webhook retries.</summary>
public sealed class UpdatesOptions
{
    public const string Section = "Updates";

    /// <summary>Newsletter messages handed to the mail server per minute, so a big list does not trip its limits.</summary>
    [Range(1, 100_000)]
    public int NewsletterPerMinute { get; set; } = 60;

    [Range(1, 100)]
    public int NewsletterMaxAttempts { get; set; } = 6;

    [Range(50, 600_000)]
    public int PollIntervalMs { get; set; } = 2000;

    /// <summary>The first retry waits this long; each further one twice as long, capped at an hour.</summary>
    [Range(10, 3_600_000)]
    public int RetryBaseMs { get; set; } = 30_000;

    [Range(1, 100)]
    public int WebhookMaxAttempts { get; set; } = 8;

    /// <summary>How long a webhook target may take to answer before the attempt counts as failed.</summary>
    [Range(1, 300)]
    public int WebhookTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// Lets webhook targets be loopback, private or link-local addresses (a chat server inside your
    /// own network). Off by default: otherwise an administrator's webhook could reach the hub's own
    /// machine, its network, or a cloud's metadata service.
    /// </summary>
    public bool AllowPrivateWebhookTargets { get; set; }

    public PodcastOptions Podcast { get; set; } = new();

    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMilliseconds(Math.Min(3_600_000, RetryBaseMs * Math.Pow(2, Math.Max(0, attempts - 1))));
}

/// <summary>What podcast apps show about the show as a whole (PSP-1 channel elements).</summary>
public sealed class PodcastOptions
{
    /// <summary>Empty: the hub's name followed by "podcast".</summary>
    public string? Title { get; set; }

    [Required]
    public string Description { get; set; } = "Conversations about belonging and meaningful work: crews, congregations and the people who host them.";

    [Required]
    public string Language { get; set; } = "en";

    /// <summary>An Apple Podcasts category, such as "Society &amp; Culture".</summary>
    [Required]
    public string Category { get; set; } = "Society & Culture";

    public bool Explicit { get; set; }

    /// <summary>Square cover art (1400 to 3000 px), absolute or relative to the hub.</summary>
    [Required]
    public string Image { get; set; } = "/img/podcast-cover.png";

    /// <summary>The largest audio file the publish form takes; a larger one is refused before it is written anywhere.</summary>
    [Range(1, 2000)]
    public int MaxUploadMegabytes { get; set; } = 300;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}
