using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// Wrong passwords, counted per typed address and client address (<see cref="SignInThrottle"/>). After
/// <see cref="FreeFailures"/> failures signing in for that address from that client pauses for a minute,
/// and each further failure doubles the pause, up to a day: a guesser gets a handful of tries a day,
/// and nobody can lock the owner out from elsewhere. Unknown addresses are counted the same way, so the
/// answer never tells whether an account exists.
/// </summary>
public sealed class SignInAttempts(HubDbContext db, TimeProvider time)
{
    public const int FreeFailures = 5;
    private static readonly TimeSpan FirstPause = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromDays(1);

    /// <summary>Failures older than this are forgotten.</summary>
    private static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    public sealed record Pause(long ThrottleId, TimeSpan Length);

    /// <summary>The hash rows are kept under: nothing readable about the typed address is stored.</summary>
    public static string AccountKey(string normalizedEmail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));

    /// <summary>The client as the throttle sees it: an IPv4 address, or an IPv6 address's /64 network (one household or server).</summary>
    public static string ClientOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public async Task<bool> IsPausedAsync(string accountKey, string client)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.SignInThrottles.AnyAsync(t => t.AccountKey == accountKey && t.ClientAddress == client && t.PausedUntil > now);
    }

    /// <summary>Counts a wrong password; returns the pause it started, if it started one.</summary>
    public async Task<Pause?> FailedAsync(string accountKey, string client)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var forgotten = now - Memory;
        if (!await CountAsync(accountKey, client, now, forgotten))
        {
            db.SignInThrottles.Add(new SignInThrottle { AccountKey = accountKey, ClientAddress = client, Failures = 1, LastFailureAt = now });
            try
            {
                await db.SaveChangesAsync();
                // A new row is a good moment to sweep the old ones (no job needed).
                await db.SignInThrottles
                    .Where(t => t.LastFailureAt < forgotten && (t.PausedUntil == null || t.PausedUntil < now) && (t.UnlockExpiresAt == null || t.UnlockExpiresAt < now))
                    .ExecuteDeleteAsync();
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another request made the row first: count on it
                await CountAsync(accountKey, client, now, forgotten);
            }
        }
        var row = await db.SignInThrottles.AsNoTracking().FirstAsync(t => t.AccountKey == accountKey && t.ClientAddress == client);
        if (row.Failures < FreeFailures)
        {
            return null;
        }
        var doublings = Math.Min(row.Failures - FreeFailures, 20);
        var length = TimeSpan.FromTicks(Math.Min(FirstPause.Ticks << doublings, LongestPause.Ticks));
        var until = now + length;
        await db.SignInThrottles.Where(t => t.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.PausedUntil, until));
        return new Pause(row.Id, length);
    }

    /// <summary>The right password from this client: its count starts again.</summary>
    public Task SucceededAsync(string accountKey, string client) =>
        db.SignInThrottles.Where(t => t.AccountKey == accountKey && t.ClientAddress == client).ExecuteDeleteAsync();

    /// <summary>The owner proved they read the mailbox (unlock link, password reset): every pause for the address lifts.</summary>
    public Task ForgetAllAsync(string accountKey) =>
        db.SignInThrottles.Where(t => t.AccountKey == accountKey).ExecuteDeleteAsync();

    /// <summary>
    /// Puts a new unlock token on the pause's row and returns it, unless an unlock link for the address
    /// was sent recently and still works (so a stranger's tries cannot fill the owner's mailbox).
    /// </summary>
    public async Task<string?> IssueUnlockAsync(string accountKey, long throttleId, TimeSpan lifetime)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.SignInThrottles.AnyAsync(t => t.AccountKey == accountKey && t.UnlockExpiresAt > now))
        {
            return null;
        }
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var hash = HashToken(token);
        var expires = now + lifetime;
        var set = await db.SignInThrottles.Where(t => t.Id == throttleId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UnlockTokenHash, hash).SetProperty(t => t.UnlockExpiresAt, expires));
        return set == 1 ? token : null;
    }

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<bool> CountAsync(string accountKey, string client, DateTime now, DateTime forgotten) =>
        await db.SignInThrottles.Where(t => t.AccountKey == accountKey && t.ClientAddress == client)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Failures, t => t.LastFailureAt < forgotten ? 1 : t.Failures + 1)
                .SetProperty(t => t.LastFailureAt, now)) > 0;
}
