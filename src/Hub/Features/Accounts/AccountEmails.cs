using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>The words of every account email, in one place.</summary>
public sealed class AccountEmails(EmailTemplates templates, AccountLinks links, AccountsOptions options)
{
    private string ConfirmationLifetime => Describe(options.ConfirmationLinkLifetime);
    private string ResetLifetime => Describe(options.ResetLinkLifetime);

    /// <summary>A lifetime as people say it: "1 hour", "90 minutes", "24 hours", "3 days".</summary>
    public static string Describe(TimeSpan lifetime)
    {
        var minutes = (int)lifetime.TotalMinutes;
        static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
        if (minutes % 60 != 0)
        {
            return Count(minutes, "minute");
        }
        var hours = minutes / 60;
        return hours > 24 && hours % 24 == 0 ? Count(hours / 24, "day") : Count(hours, "hour");
    }

    /// <param name="returnUrl">A local address to land on once confirmed (checked again when the link is opened); null for the home page.</param>
    public EmailMessage Confirmation(HubUser user, string token, string? returnUrl = null) => templates.Compose(
        user.Email!, user.DisplayName, "Confirm your email address",
        [
            "Welcome! Someone, hopefully you, just made an account with this address.",
            $"Please confirm that the address is yours. The link works for {ConfirmationLifetime}.",
            "If it was not you, ignore this message: nothing happens without the confirmation.",
        ],
        ("Confirm my email", links.Absolute("/account/confirm-email", new Dictionary<string, string?>
        {
            ["user"] = user.Id,
            ["code"] = AccountLinks.EncodeToken(token),
            ["returnUrl"] = returnUrl,
        })),
        culture: Languages.ForRecipient(user.Language));

    public EmailMessage PasswordReset(HubUser user, string token) => templates.Compose(
        user.Email!, user.DisplayName, "Reset your password",
        [
            "We received a request to reset the password of your account.",
            $"Choose a new password with the link below. It works for {ResetLifetime} and only once.",
            "If you did not ask for this, ignore this message: your password stays as it is.",
        ],
        ("Choose a new password", links.Absolute("/account/reset-password", new Dictionary<string, string?>
        {
            ["user"] = user.Id,
            ["code"] = AccountLinks.EncodeToken(token),
        })),
        culture: Languages.ForRecipient(user.Language));

    public EmailMessage EmailChange(HubUser user, string newEmail, string token) => templates.Compose(
        newEmail, user.DisplayName, "Confirm your new email address",
        [
            $"You asked to use this address for your account instead of {user.Email}.",
            $"Confirm it with the link below. It works for {ConfirmationLifetime}. Until then, the old address stays in use.",
        ],
        ("Confirm my new address", links.Absolute("/account/confirm-email-change", new Dictionary<string, string?>
        {
            ["user"] = user.Id,
            ["email"] = newEmail,
            ["code"] = AccountLinks.EncodeToken(token),
        })),
        culture: Languages.ForRecipient(user.Language));

    /// <summary>To the owner of an address someone tried to sign up with: the page said "check your email" either way.</summary>
    public EmailMessage SignUpWithTakenAddress(HubUser user) => templates.Compose(
        user.Email!, user.DisplayName, "Someone tried to make an account with your address",
        [
            "Someone, perhaps you, just tried to make a new account with this address. You have an account already, so nothing was created.",
            "If it was you, sign in with your address and password; if you forgot the password, choose a new one from the sign-in page (\"Forgot your password?\").",
            "If it was not you, ignore this message: your account is as it was.",
        ],
        ("Sign in", links.Absolute("/account/sign-in", new Dictionary<string, string?>())),
        culture: Languages.ForRecipient(user.Language));

    /// <summary>To the owner of an address another account asked to move to: the page said "check your email" either way.</summary>
    public EmailMessage EmailChangeToTakenAddress(HubUser owner) => templates.Compose(
        owner.Email!, owner.DisplayName, "Someone asked to use your address for another account",
        [
            "Someone with another account on this hub just asked to use this address for it. Your account has this address already, so nothing was changed and no link was sent.",
            "If it was you, perhaps with a second account, there is nothing to do: an address belongs to one account.",
            "If it was not you, ignore this message: your account is as it was.",
        ],
        culture: Languages.ForRecipient(owner.Language));

    /// <summary>To the owner when wrong passwords paused signing in from one place; the link lifts every pause, once.</summary>
    public EmailMessage SignInPaused(HubUser user, string client, string token) => templates.Compose(
        user.Email!, user.DisplayName, "Signing in to your account was paused",
        [
            $"Someone, perhaps you, typed a wrong password for your account several times from the internet address {client}. Signing in with your address from there is paused for a while; the pause grows with each further wrong try.",
            "Signing in from anywhere else works as before, and nobody got in: that needs your password.",
            $"If it was you, the link below lifts the pause at once. It works for {ResetLifetime} and only once. If you forgot your password, choose a new one from the sign-in page instead.",
            "If it was not you, there is nothing you need to do. A long password that you use nowhere else keeps guessers out.",
        ],
        ("Unlock signing in", links.Absolute("/account/unlock", new Dictionary<string, string?> { ["code"] = token })),
        culture: Languages.ForRecipient(user.Language));

    public EmailMessage EmailChanged(HubUser user, string oldEmail, string newEmail) => templates.Compose(
        oldEmail, user.DisplayName, "Your email address was changed",
        [
            $"The email address of your account is now {newEmail}. Messages will go there from now on.",
            "If you did not make this change, reply to a host of your hub at once: someone may have your password.",
        ],
        culture: Languages.ForRecipient(user.Language));

    public EmailMessage AccountDeleted(string email, string name) => templates.Compose(
        email, name, "Your account was deleted",
        [
            "Your account and everything listed on the deletion page have been deleted, as you asked.",
            "Thank you for the time you spent with us. You are welcome back whenever you like.",
        ],
        footer: "This is the last message you receive about this account.");
}
