using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Features.Accounts;

public enum LinkProblem { Invalid, Expired }

/// <summary>
/// The tokens in emailed links (confirm an address, reset a password, move to a new address): who,
/// what for, when made and the account's security stamp, sealed with the hub's data-protection keys.
/// Identity's own provider has one lifetime for every link and reads the system clock; this one gives
/// reset links <see cref="AccountsOptions.ResetLinkMinutes"/> and address confirmations
/// <see cref="AccountsOptions.ConfirmationLinkHours"/>, reads the hub's clock, and can say whether a
/// refused link has expired or is broken, so the page can say which.
/// A reset or an address change renews the security stamp, so those links work once.
/// </summary>
public sealed class LinkTokens(IDataProtectionProvider protection, TimeProvider time, AccountsOptions options)
    : IUserTwoFactorTokenProvider<HubUser>
{
    public const string ProviderName = "HubLinks";

    private readonly IDataProtector protector = protection.CreateProtector("Microsolidarity.Hub.Accounts.LinkTokens");

    /// <summary>Links that only prove an address is yours live a day; everything else (a reset) as long as a reset link.</summary>
    public TimeSpan LifetimeOf(string purpose) =>
        purpose == UserManager<HubUser>.ConfirmEmailTokenPurpose || purpose.StartsWith("ChangeEmail:", StringComparison.Ordinal)
            ? options.ConfirmationLinkLifetime
            : options.ResetLinkLifetime;

    public async Task<string> GenerateAsync(string purpose, UserManager<HubUser> manager, HubUser user)
    {
        using var stream = new MemoryStream();
        await using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(time.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose);
            writer.Write(await manager.GetSecurityStampAsync(user));
        }
        return Convert.ToBase64String(protector.Protect(stream.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<HubUser> manager, HubUser user) =>
        await CheckAsync(purpose, token, manager, user) is null;

    /// <summary>Null when the token is good now; otherwise whether it was genuine but is too old, or not genuine at all.</summary>
    public async Task<LinkProblem?> CheckAsync(string purpose, string token, UserManager<HubUser> manager, HubUser user)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(protector.Unprotect(Convert.FromBase64String(token))), Encoding.UTF8);
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var genuine = reader.ReadString() == await manager.GetUserIdAsync(user)
                && reader.ReadString() == purpose
                && reader.ReadString() == await manager.GetSecurityStampAsync(user)
                && reader.PeekChar() == -1;
            if (!genuine)
            {
                return LinkProblem.Invalid;
            }
            return time.GetUtcNow() > created + LifetimeOf(purpose) ? LinkProblem.Expired : null;
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException or EndOfStreamException or IOException)
        {
            return LinkProblem.Invalid;
        }
    }

    /// <summary>Why a link Identity refused did not work.</summary>
    public async Task<LinkProblem> DiagnoseAsync(UserManager<HubUser> manager, HubUser user, string purpose, string token) =>
        await CheckAsync(purpose, token, manager, user) ?? LinkProblem.Invalid;

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<HubUser> manager, HubUser user) => Task.FromResult(false);
}
