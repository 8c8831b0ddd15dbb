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

    /// <summary>The words below are in the current <see cref="RecipientLanguage"/>: the host's, or the member's.</summary>
    public string RequestReceivedTitle(Congregation c, string requesterName) => strings["Email.JoinRequest.Subject", requesterName, c.Name];

    public EmailMessage RequestReceived(Congregation c, string hostEmail, string hostName, string requesterName) => templates.Compose(
        hostEmail, hostName, RequestReceivedTitle(c, requesterName),
        [strings["Email.JoinRequest.Asked", requesterName, c.Name]],
        (strings["Email.JoinRequest.Action"], links.Absolute($"/congregations/{c.Slug}/host", new Dictionary<string, string?>())));

    public string RequestDecidedTitle(Congregation c, bool accepted) =>
        accepted ? strings["Email.JoinRequest.Yes.Notice", c.Name] : strings["Email.JoinRequest.No.Notice", c.Name];

    public EmailMessage RequestDecided(Congregation c, string email, string name, bool accepted) => templates.Compose(
        email, name, accepted ? strings["Email.JoinRequest.Yes.Subject", c.Name] : strings["Email.JoinRequest.No.Subject", c.Name],
        accepted
            ? [strings["Email.JoinRequest.Yes.Member", c.Name], strings["Email.JoinRequest.Yes.Crews"]]
            : [strings["Email.JoinRequest.No.NotThisTime", c.Name], strings["Email.JoinRequest.No.Others"]],
        (strings["Email.JoinRequest.OpenCongregation"], PageOf(c)));

    public string RemovedTitle(Congregation c) => strings["Email.Removed.Subject", c.Name];

    public EmailMessage Removed(Congregation c, string email, string name, string reason) => templates.Compose(
        email, name, RemovedTitle(c),
        [strings["Email.Removed.Reason", c.Name], $"“{reason.Trim()}”", strings["Email.Removed.Mistake"]]);

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
