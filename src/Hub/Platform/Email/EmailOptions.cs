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
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How often the sender looks for queued messages when nothing wakes it, in milliseconds.</summary>
    [Range(50, 600_000)]
    public int PollIntervalMs { get; set; } = 2000;

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
