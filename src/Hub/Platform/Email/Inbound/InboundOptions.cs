using System.ComponentModel.DataAnnotations;
using MailKit.Security;
using Microsolidarity.Hub.Platform.Background;

namespace Microsolidarity.Hub.Platform.Email.Inbound;

/// <summary>
/// Settings under <c>Email:Inbound:</c>: the mailbox that replies to notification emails go to, read over IMAP.
/// Without a host the hub has no reply addresses and its emails say "reply on the hub".
/// </summary>
public sealed class InboundOptions
{
    public const string Section = "Email:Inbound";

    /// <summary>The IMAP server; nothing else here is read while it is empty.</summary>
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Email:Inbound:Port must be a port number from 1 to 65535 (993 for IMAP over TLS, 143 for STARTTLS or none).")]
    public int Port { get; set; } = 993;

    /// <summary><c>Auto</c>, <c>None</c>, <c>StartTls</c> or <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = "Auto";

    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>The mailbox's own address, e.g. <c>replies@hub.example</c>; reply addresses are <c>replies+TOKEN@hub.example</c>.</summary>
    public string? Address { get; set; }

    /// <summary>How often the mailbox is read.</summary>
    [Range(typeof(TimeSpan), PeriodicJob.ShortestInterval, PeriodicJob.LongestInterval,
        ErrorMessage = "Email:Inbound:PollInterval" + PeriodicJob.IntervalRule)]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The folder dealt-with messages are moved to (created when missing).</summary>
    [Required(ErrorMessage = "Email:Inbound:ProcessedFolder must name a folder, such as Processed.")]
    public string ProcessedFolder { get; set; } = "Processed";

    /// <summary>How long a reply address keeps working after its email was sent.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00",
        ErrorMessage = "Email:Inbound:AddressLifetime must be from 1.00:00:00 (a day) to 3650.00:00:00, written d.hh:mm:ss (180.00:00:00 is 180 days).")]
    public TimeSpan AddressLifetime { get; set; } = TimeSpan.FromDays(180);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    // Methods, not properties: the configuration binder reads every property it finds.
    public SecureSocketOptions SocketOptions() =>
        Enum.TryParse<SecureSocketOptions>(Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;

    /// <summary>The mailbox address split at the "@", once it is known to be valid.</summary>
    public (string Local, string Domain) Mailbox()
    {
        var at = Address!.LastIndexOf('@');
        return (Address[..at], Address[(at + 1)..]);
    }

    /// <summary>Problems of a configured mailbox, each naming its setting; none when no host is set.</summary>
    public IEnumerable<string> Problems()
    {
        if (!IsConfigured)
        {
            yield break;
        }
        if (string.IsNullOrWhiteSpace(Address) || !MimeKit.MailboxAddress.TryParse(Address, out var parsed)
            || parsed.Address != Address.Trim() || Address.Contains('+', StringComparison.Ordinal) || !Address.Contains('@', StringComparison.Ordinal))
        {
            yield return "Email:Inbound:Address must be the mailbox's plain address, such as replies@hub.example (no name, no \"+\"): "
                + "replies come to replies+something@hub.example, which the mail server must deliver to it.";
        }
        if (string.IsNullOrWhiteSpace(Username))
        {
            yield return "Email:Inbound:Username must be set: the user the hub signs in to the IMAP server as.";
        }
        if (!Enum.TryParse<SecureSocketOptions>(Security, ignoreCase: true, out _))
        {
            yield return "Email:Inbound:Security must be Auto, None, StartTls or SslOnConnect.";
        }
    }
}
