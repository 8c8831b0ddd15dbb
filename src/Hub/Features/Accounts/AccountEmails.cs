using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Email;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>The words of every account email, in one place.</summary>
public sealed class AccountEmails(EmailTemplates templates, AccountLinks links, AccountsOptions options)
{
    private string Lifetime => options.LinkLifetime.TotalHours >= 1
        ? $"{options.LinkLifetime.TotalHours:0} hours" : $"{options.LinkLifetime.TotalMinutes:0} minutes";

    public EmailMessage Confirmation(HubUser user, string token) => templates.Compose(
        user.Email!, user.DisplayName, "Confirm your email address",
        [
            "Welcome! Someone, hopefully you, just made an account with this address.",
            $"Please confirm that the address is yours. The link works for {Lifetime}.",
            "If it was not you, ignore this message: nothing happens without the confirmation.",
        ],
        ("Confirm my email", links.Absolute("/account/confirm-email", new Dictionary<string, string?>
        {
            ["user"] = user.Id,
            ["code"] = AccountLinks.EncodeToken(token),
        })));

    public EmailMessage PasswordReset(HubUser user, string token) => templates.Compose(
        user.Email!, user.DisplayName, "Reset your password",
        [
            "We received a request to reset the password of your account.",
            $"Choose a new password with the link below. It works for {Lifetime} and only once.",
            "If you did not ask for this, ignore this message: your password stays as it is.",
        ],
        ("Choose a new password", links.Absolute("/account/reset-password", new Dictionary<string, string?>
        {
            ["user"] = user.Id,
            ["code"] = AccountLinks.EncodeToken(token),
        })));

    public EmailMessage EmailChange(HubUser user, string newEmail, string token) => templates.Compose(
        newEmail, user.DisplayName, "Confirm your new email address",
        [
            $"You asked to use this address for your account instead of {user.Email}.",
            $"Confirm it with the link below. It works for {Lifetime}. Until then, the old address stays in use.",
        ],
        ("Confirm my new address", links.Absolute("/account/confirm-email-change", new Dictionary<string, string?>
        {
            ["user"] = user.Id,
            ["email"] = newEmail,
            ["code"] = AccountLinks.EncodeToken(token),
        })));

    public EmailMessage EmailChanged(HubUser user, string oldEmail, string newEmail) => templates.Compose(
        oldEmail, user.DisplayName, "Your email address was changed",
        [
            $"The email address of your account is now {newEmail}. Messages will go there from now on.",
            "If you did not make this change, reply to a host of your hub at once: someone may have your password.",
        ]);

    public EmailMessage AccountDeleted(string email, string name) => templates.Compose(
        email, name, "Your account was deleted",
        [
            "Your account and everything listed on the deletion page have been deleted, as you asked.",
            "Thank you for the time you spent with us. You are welcome back whenever you like.",
        ],
        footer: "This is the last message you receive about this account.");
}
