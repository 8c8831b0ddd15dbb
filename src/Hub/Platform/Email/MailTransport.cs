using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;
using MimeKit;

namespace Microsolidarity.Hub.Platform.Email;

/// <summary>Hands a finished MIME message to the world.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>A failure that retrying will not fix, such as a mailbox the server rejects.</summary>
public sealed class PermanentMailFailureException(string message, Exception inner) : Exception(message, inner);

internal sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var parsed)
            ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        }
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            throw new PermanentMailFailureException($"The mail server refused the message: {(int)e.StatusCode} {e.Message}", e);
        }
        finally
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
    }
}

/// <summary>With no SMTP server configured, each message becomes an .eml file that the development mailbox lists.</summary>
public sealed class PickupDirectoryTransport(IOptions<HubOptions> hub) : IMailTransport
{
    public string Folder => Path.Combine(hub.Value.DataDirectoryFullPath, "mail");

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(Folder, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        // Renamed into place so the mailbox never lists half a message.
        File.Move(temporary, Path.Combine(Folder, name));
    }
}
