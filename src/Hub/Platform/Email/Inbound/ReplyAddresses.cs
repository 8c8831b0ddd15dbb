using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Platform;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Platform.Email.Inbound;

/// <summary>
/// Reply addresses on the inbound mailbox: <c>replies+TOKEN@hub.example</c>, where the token names an
/// <see cref="EmailReplyAddress"/> row (kind, key, person). The row is added to the caller's unit of work, like
/// <see cref="EmailOutbox.Enqueue"/>, so it exists exactly when the email carrying it does; every web node
/// reads the same rows. Scoped: one per unit of work, and one address per kind, key and person within it.
/// </summary>
public sealed class ReplyAddresses(HubDbContext db, IOptions<InboundOptions> options, TimeProvider time) : IEmailReplyAddresses
{
    private readonly Dictionary<(string, string, string), string> made = [];

    public string? AddressFor(string kind, string key, string userId)
    {
        if (made.TryGetValue((kind, key, userId), out var address))
        {
            return address;
        }
        var token = NewToken();
        db.EmailReplyAddresses.Add(new EmailReplyAddress
        {
            Token = token,
            Kind = kind,
            Key = key,
            UserId = userId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        var (local, domain) = options.Value.Mailbox();
        return made[(kind, key, userId)] = $"{local}+{token}@{domain}";
    }

    /// <summary>160 random bits as 32 lower-case letters and digits (base32's alphabet): safe in any mailbox name and any letter case.</summary>
    public static string NewToken() => RandomNumberGenerator.GetString(Alphabet, 32);

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The token of a reply address of this mailbox (<c>replies+TOKEN@domain</c>, any letter case), or null.</summary>
    public static string? TokenIn(string address, string local, string domain)
    {
        var at = address.LastIndexOf('@');
        if (at < 0 || !address[(at + 1)..].Equals(domain, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var prefix = local + "+";
        var part = address[..at];
        if (!part.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = part[prefix.Length..].ToLowerInvariant();
        return token.Length is > 0 and <= 64 && token.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? token : null;
    }
}
