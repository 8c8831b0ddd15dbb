using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// The words of every account email, in one place, each in its recipient's language: their saved one, else (when
/// they are the one asking, in this request) the language of the page they asked from, else English.
/// </summary>
public sealed class AccountEmails(EmailTemplates templates, AccountLinks links, AccountsOptions options, IStringLocalizer<Strings> strings)
{
    private string ConfirmationLifetime => Describe(strings, options.ConfirmationLinkLifetime);
    private string ResetLifetime => Describe(strings, options.ResetLinkLifetime);

    /// <summary>A lifetime as people say it, in the current language: "1 hour", "90 minutes", "24 hours", "3 days".</summary>
    public static string Describe(IStringLocalizer strings, TimeSpan lifetime)
    {
        var minutes = (int)lifetime.TotalMinutes;
        if (minutes % 60 != 0)
        {
            return strings.Plural("Email.Lifetime.Minutes", minutes);
        }
        var hours = minutes / 60;
        return hours > 24 && hours % 24 == 0 ? strings.Plural("Email.Lifetime.Days", hours / 24) : strings.Plural("Email.Lifetime.Hours", hours);
    }

    /// <param name="returnUrl">A local address to land on once confirmed (checked again when the link is opened); null for the home page.</param>
    public EmailMessage Confirmation(HubUser user, string token, string? returnUrl = null)
    {
        using var language = RecipientLanguage.OfRequester(user.Language);
        return templates.Compose(user.Email!, user.DisplayName, strings["Email.Confirm.Subject"],
            [strings["Email.Confirm.Welcome"], strings["Email.Confirm.Link", ConfirmationLifetime], strings["Email.Confirm.NotYou"]],
            (strings["Email.Confirm.Action"], links.Absolute("/account/confirm-email", new Dictionary<string, string?>
            {
                ["user"] = user.Id,
                ["code"] = AccountLinks.EncodeToken(token),
                ["returnUrl"] = returnUrl,
            })));
    }

    public EmailMessage PasswordReset(HubUser user, string token)
    {
        using var language = RecipientLanguage.OfRequester(user.Language);
        return templates.Compose(user.Email!, user.DisplayName, strings["Email.Reset.Subject"],
            [strings["Email.Reset.Asked"], strings["Email.Reset.Link", ResetLifetime], strings["Email.Reset.NotYou"]],
            (strings["Email.Reset.Action"], links.Absolute("/account/reset-password", new Dictionary<string, string?>
            {
                ["user"] = user.Id,
                ["code"] = AccountLinks.EncodeToken(token),
            })));
    }

    public EmailMessage EmailChange(HubUser user, string newEmail, string token)
    {
        using var language = RecipientLanguage.OfRequester(user.Language);
        return templates.Compose(newEmail, user.DisplayName, strings["Email.NewAddress.Subject"],
            [strings["Email.NewAddress.Asked", user.Email!], strings["Email.NewAddress.Link", ConfirmationLifetime]],
            (strings["Email.NewAddress.Action"], links.Absolute("/account/confirm-email-change", new Dictionary<string, string?>
            {
                ["user"] = user.Id,
                ["email"] = newEmail,
                ["code"] = AccountLinks.EncodeToken(token),
            })));
    }

    /// <summary>To the owner of an address someone tried to sign up with: the page said "check your email" either way.</summary>
    public EmailMessage SignUpWithTakenAddress(HubUser user)
    {
        using var language = RecipientLanguage.Of(user.Language);
        return templates.Compose(user.Email!, user.DisplayName, strings["Email.SignUpTaken.Subject"],
            [strings["Email.SignUpTaken.Tried"], strings["Email.SignUpTaken.IfYou"], strings["Email.NotYouNothingChanged"]],
            (strings["Email.SignUpTaken.Action"], links.Absolute("/account/sign-in", new Dictionary<string, string?>())));
    }

    /// <summary>To the owner of an address another account asked to move to: the page said "check your email" either way.</summary>
    public EmailMessage EmailChangeToTakenAddress(HubUser owner)
    {
        using var language = RecipientLanguage.Of(owner.Language);
        return templates.Compose(owner.Email!, owner.DisplayName, strings["Email.ChangeTaken.Subject"],
            [strings["Email.ChangeTaken.Asked"], strings["Email.ChangeTaken.IfYou"], strings["Email.NotYouNothingChanged"]]);
    }

    /// <summary>To the owner when wrong passwords paused signing in from one place; the link lifts every pause, once.</summary>
    public EmailMessage SignInPaused(HubUser user, string client, string token)
    {
        using var language = RecipientLanguage.Of(user.Language);
        return templates.Compose(user.Email!, user.DisplayName, strings["Email.Paused.Subject"],
            [strings["Email.Paused.Tried", client], strings["Email.Paused.Elsewhere"], strings["Email.Paused.IfYou", ResetLifetime], strings["Email.Paused.NotYou"]],
            (strings["Email.Paused.Action"], links.Absolute("/account/unlock", new Dictionary<string, string?> { ["code"] = token })));
    }

    public EmailMessage EmailChanged(HubUser user, string oldEmail, string newEmail)
    {
        using var language = RecipientLanguage.Of(user.Language);
        return templates.Compose(oldEmail, user.DisplayName, strings["Email.AddressChanged.Subject"],
            [strings["Email.AddressChanged.Now", newEmail], strings["Email.AddressChanged.NotYou"]]);
    }

    /// <param name="savedLanguage">The language of the account that is gone, read before it went.</param>
    public EmailMessage AccountDeleted(string email, string name, string? savedLanguage)
    {
        using var language = RecipientLanguage.OfRequester(savedLanguage);
        return templates.Compose(email, name, strings["Email.Deleted.Subject"],
            [strings["Email.Deleted.Done"], strings["Email.Deleted.Thanks"]],
            footer: strings["Email.Deleted.Footer"]);
    }
}
