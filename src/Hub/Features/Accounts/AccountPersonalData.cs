using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Platform;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>The account itself and the messages the hub queued or sent to its address.</summary>
[PersonalDataOf(typeof(HubUser), typeof(AccountSession), typeof(IdentityUserRole<string>), typeof(IdentityUserClaim<string>), typeof(IdentityUserLogin<string>),
    typeof(OutgoingEmail), typeof(SignInThrottle))]
internal sealed class AccountPersonalData(UserManager<HubUser> users, HubDbContext db) : IPersonalData
{
    public string Section => "Account";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var messages = await db.OutgoingEmails.CountAsync(e => e.ToAddress == user.Email, cancellationToken);
        return
        [
            $"Your account: your name ({user.DisplayName}), your email address ({user.Email}) and your password.",
            messages == 1 ? "The record of 1 email the hub sent you." : $"The record of {messages} emails the hub sent you.",
            "The list of devices you are signed in on (browser and system, when you signed in and were last active).",
        ];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken)
    {
        var roles = await users.GetRolesAsync(user);
        var claims = await users.GetClaimsAsync(user);
        var logins = await users.GetLoginsAsync(user);
        var messages = await db.OutgoingEmails.AsNoTracking()
            .Where(e => e.ToAddress == user.Email)
            .OrderBy(e => e.CreatedAt)
            .Select(e => new { e.Subject, e.CreatedAt, e.SentAt, Body = e.TextBody })
            .ToListAsync(cancellationToken);
        var devices = await db.AccountSessions.AsNoTracking()
            .Where(s => s.UserId == user.Id)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new { s.Device, SignedInAt = s.CreatedAt, s.LastSeenAt })
            .ToListAsync(cancellationToken);
        return new
        {
            user.Id,
            user.DisplayName,
            user.Email,
            user.EmailConfirmed,
            user.CreatedAt,
            user.NetworkMemberSince,
            Roles = roles,
            Claims = claims.Select(c => new { c.Type, c.Value }),
            SignInProviders = logins.Select(l => new { l.LoginProvider, l.ProviderDisplayName }),
            TwoFactorEnabled = user.TwoFactorEnabled,
            EmailsSent = messages,
            SignedInOn = devices,
        };
    }

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        var messages = await db.OutgoingEmails.Where(e => e.ToAddress == user.Email).ToListAsync(cancellationToken);
        db.OutgoingEmails.RemoveRange(messages);
        // Sessions go with the account row (cascade); counts of wrong passwords for the address go now.
        await db.SignInThrottles.Where(t => t.AccountKey == SignInAttempts.AccountKey(user.NormalizedEmail ?? "")).ExecuteDeleteAsync(cancellationToken);
        // The account row itself is removed by DeleteAccount through UserManager, last.
    }
}
