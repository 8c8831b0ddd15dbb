using System.ComponentModel.DataAnnotations;

namespace Microsolidarity.Hub.Features.Updates;

/// <summary>Settings under <c>Updates:</c>: the newsletter's pace, the podcast's description, webhook retries.</summary>
public sealed class UpdatesOptions
{
    public const string Section = "Updates";

    /// <summary>Newsletter messages handed to the mail server per minute, so a big list does not trip its limits.</summary>
    [Range(1, 100_000, ErrorMessage = "Updates:NewsletterPerMinute must be a whole number from 1 to 100000.")]
    public int NewsletterPerMinute { get; set; } = 60;

    [Range(1, 100, ErrorMessage = "Updates:NewsletterMaxAttempts must be a whole number from 1 to 100.")]
    public int NewsletterMaxAttempts { get; set; } = 6;

    /// <summary>How often the newsletter and webhook senders look for queued rows when nothing wakes them (rows queued on another node).</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "00:10:00",
        ErrorMessage = "Updates:PollInterval (or the older Updates:PollIntervalMs, in milliseconds) must be from 00:00:00.05 (50 ms) to 00:10:00, written hh:mm:ss.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The first retry of a newsletter or webhook delivery waits this long; each further one twice as long, at most an hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00.01", "01:00:00",
        ErrorMessage = "Updates:FirstRetryAfter (or the older Updates:RetryBaseMs, in milliseconds) must be from 00:00:00.01 to 01:00:00, written hh:mm:ss (00:00:30 is thirty seconds).")]
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The language of the hub's own words in chat messages ("New event: …"): one for the whole room, as with the podcast.
    /// One of the hub's languages (en, es, de, pt-PT, fr); anything else reads as English.
    /// </summary>
    public string WebhookLanguage { get; set; } = "en";

    [Range(1, 100, ErrorMessage = "Updates:WebhookMaxAttempts must be a whole number from 1 to 100.")]
    public int WebhookMaxAttempts { get; set; } = 8;

    /// <summary>How long a webhook target may take to answer before the attempt counts as failed.</summary>
    [Range(1, 300, ErrorMessage = "Updates:WebhookTimeoutSeconds must be a whole number of seconds from 1 to 300.")]
    public int WebhookTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// Lets webhook targets be loopback, private or link-local addresses (a chat server inside your
    /// own network). Off by default: otherwise an administrator's webhook could reach the hub's own
    /// machine, its network, or a cloud's metadata service.
    /// </summary>
    public bool AllowPrivateWebhookTargets { get; set; }

    public PodcastOptions Podcast { get; set; } = new();
}

/// <summary>What podcast apps show about the show as a whole (PSP-1 channel elements).</summary>
public sealed class PodcastOptions
{
    /// <summary>Empty: the hub's name followed by "podcast".</summary>
    public string? Title { get; set; }

    /// <summary>Empty: the hub's own sentence about the podcast, in <see cref="Language"/>.</summary>
    public string? Description { get; set; }

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
