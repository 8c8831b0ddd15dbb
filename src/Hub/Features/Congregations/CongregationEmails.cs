using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>The words of every congregation email.</summary>
public sealed class CongregationEmails(EmailTemplates templates, AccountLinks links, IStringLocalizer<Strings> strings)
{
    private string PageOf(Congregation c) => links.Absolute($"/congregations/{c.Slug}", new Dictionary<string, string?>());

    /// <summary>In the current <see cref="RecipientLanguage"/>: the invited person's, or the inviter's for an address with no account.</summary>
    public EmailMessage Invitation(Congregation c, string email, string inviterName, string message, string token, DateTime expiresAt)
    {
        var paragraphs = new List<string> { strings["Congregation.Invite.Join", inviterName, c.Name] };
        if (!string.IsNullOrWhiteSpace(message))
        {
            paragraphs.Add($"“{message.Trim()}”"); // the inviter's words, as written
        }
        if (!string.IsNullOrWhiteSpace(c.Purpose))
        {
            paragraphs.Add(strings["Congregation.Invite.Purpose", c.Purpose]);
        }
        paragraphs.Add(strings["Congregation.Invite.Once", DateFormats.Format(expiresAt, "d MMMM yyyy")]);
        return templates.Compose(email, "", InvitationTitle(c, inviterName), paragraphs,
            (strings["Invitation.Action"], links.Absolute($"/congregations/invitations/{token}", new Dictionary<string, string?>())),
            footer: strings["Congregation.Invite.Footer"]);
    }

    public string InvitationTitle(Congregation c, string inviterName) => strings["Congregation.Invite.Subject", inviterName, c.Name];

    public EmailMessage RequestReceived(Congregation c, string hostEmail, string hostName, string requesterName) => templates.Compose(
        hostEmail, hostName, $"{requesterName} asks to join {c.Name}",
        [$"{requesterName} asked to join {c.Name} and answered your questions. As a host, you can say yes or no."],
        ("Answer the request", links.Absolute($"/congregations/{c.Slug}/host", new Dictionary<string, string?>())));

    public EmailMessage RequestDecided(Congregation c, string email, string name, bool accepted) => templates.Compose(
        email, name, accepted ? $"Welcome to {c.Name}" : $"About your request to join {c.Name}",
        accepted
            ? [$"The hosts of {c.Name} said yes: you are a member now.", "Crews form at the congregation's gatherings; have a look at what is coming."]
            : [$"The hosts of {c.Name} did not accept your request this time.", "There are other congregations in the directory, and you can always start a crew with a few friends."],
        ("Open the congregation", PageOf(c)));

    public EmailMessage Removed(Congregation c, string email, string name, string reason) => templates.Compose(
        email, name, $"You are no longer a member of {c.Name}",
        [$"A host of {c.Name} removed your membership. The reason they gave:", $"“{reason.Trim()}”", "If you think this is a mistake, reply to the hosts."]);

    /// <summary>A notice's title for a host's note, in the current <see cref="RecipientLanguage"/>.</summary>
    public string NudgeTitle(Congregation c, string hostName) => strings["Email.Nudge.Subject", hostName, c.Name];

    /// <summary>
    /// A host's note from the care view, in the host's own words (the paragraphs are the note's, as written); the
    /// subject, button and footer in the current <see cref="RecipientLanguage"/>, the member's.
    /// </summary>
    public EmailMessage Nudge(Congregation c, string email, string name, string hostName, string message, string path) => templates.Compose(
        email, name, NudgeTitle(c, hostName),
        [.. message.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        (path.StartsWith("/crews/", StringComparison.Ordinal) ? strings["Email.Nudge.OpenCrew"] : path == "/me/pathway" ? strings["Email.Nudge.NextStep"] : strings["Email.Nudge.OpenCongregation", c.Name],
            links.Absolute(path, new Dictionary<string, string?>())),
        footer: strings["Email.Nudge.Footer", c.Name, hostName]);
}
