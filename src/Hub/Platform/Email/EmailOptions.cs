using System.ComponentModel.DataAnnotations;

namespace Microsolidarity.Hub.Platform.Email;

/// <summary>Settings under <c>Email:</c>. With no SMTP host, messages are written as .eml files under the data folder.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender, e.g. <c>Our Hub &lt;hub@example.org&gt;</c>.</summary>
    [Required]
    public string From { get; set; } = "Microsolidarity Hub <hub@hub.example>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How many times a message is tried before it is given up.</summary>
    [Range(1, 100, ErrorMessage = "Email:MaxAttempts must be a whole number from 1 to 100.")]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How often the sender looks for queued messages when nothing wakes it (messages queued on another node).</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "00:10:00",
        ErrorMessage = "Email:PollInterval (or the older Email:PollIntervalMs, in milliseconds) must be from 00:00:00.05 (50 ms) to 00:10:00, written hh:mm:ss.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait before a failed message is tried again; twice as long after each further failure, at most an hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00.01", "01:00:00",
        ErrorMessage = "Email:FirstRetryAfter must be from 00:00:00.01 to 01:00:00, written hh:mm:ss (00:00:30 is thirty seconds).")]
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c>, <c>None</c>, <c>StartTls</c> or <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = "Auto";

    public string? Username { get; set; }
    public string? Password { get; set; }
}
