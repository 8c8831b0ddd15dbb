using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Invitations;
using Microsolidarity.Hub.Features.Invitations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>A caller invites two to five people to an experiment: a term of meetings in a regular slot.</summary>
public sealed class CallCrew(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, Accounts.AccountLinks links, SendEmailInvitation invitations,
    IStringLocalizer<Strings> strings)
{
    public sealed record Input(string Name, string Purpose, IReadOnlyList<string> InviteeEmails, CrewCadence Cadence, int Meetings,
        DayOfWeek SlotDay, TimeOnly SlotTime, string TimeZone)
    {
        /// <summary>The congregation the crew belongs to, when it is called inside one; null for a crew on its own.</summary>
        public Guid? CongregationId { get; init; }
    }

    public async Task<(Outcome Outcome, Guid? CrewId)> RunAsync(string callerId, Input input, CancellationToken cancellationToken = default)
    {
        var emails = EmailsOf(input);
        if (Outcome.RefusedAll(Problems(input, strings)) is { } refused)
        {
            return (refused, null);
        }
        var congregation = input.CongregationId is not { } congregationId ? null
            : await db.Memberships.Where(m => m.CongregationId == congregationId && m.UserId == callerId).Select(m => m.Congregation.Name).SingleOrDefaultAsync(cancellationToken);
        if (input.CongregationId is not null && congregation is null)
        {
            return (Outcome.Refused(strings["Crews.Ops.CallOwnCongregation"], "CongregationId"), null);
        }
        var callerEmail = await db.Users.Where(u => u.Id == callerId).Select(u => u.Email).SingleAsync(cancellationToken);
        if (emails.Any(e => InvitationsFeature.SameAddress(e, callerEmail)))
        {
            return (Outcome.Refused(strings["Crews.Ops.CallerListed"], "Invitees"), null);
        }
        // Everyone listed is invited, with or without an account, and the caller is answered the
        // same either way: the page never tells whether an address has an account on the hub.
        var normalized = emails.Select(InvitationsFeature.Normalize).ToList();
        var people = await db.Users.Where(u => normalized.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Language }).ToListAsync(cancellationToken);
        var withoutAccount = emails.Where(e => !people.Any(p => InvitationsFeature.SameAddress(p.Email, e))).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var crew = NewCrew.Forming(input.Name.Trim(), input.Purpose.Trim(), input.CongregationId, callerId, input.Cadence, input.Meetings,
            input.SlotDay, input.SlotTime, CrewSchedule.FindZone(input.TimeZone)!.Id, now);
        foreach (var person in people)
        {
            NewCrew.Invite(crew, person.Id, now);
        }
        db.Crews.Add(crew);
        var caller = await db.Users.Where(u => u.Id == callerId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var link = links.Absolute($"/crews/{crew.Id}", new Dictionary<string, string?>());
        // The same words in each reader's language: an account's own, else the caller's (the best guess for a friend they invite).
        (string Subject, string[] Paragraphs) Words() => (strings["Crew.Invite.Subject", caller, crew.Name],
        [
            congregation is null ? strings["Email.CrewCall.Calling", caller, crew.Name] : strings["Email.CrewCall.CallingIn", caller, congregation, crew.Name],
            strings.Plural("Email.CrewCall.Experiment", crew.MeetingsPerTerm, CrewSchedule.SlotInWords(strings, crew)),
            strings["Crew.Invite.Free"],
        ]);
        var notices = new List<Notice>();
        foreach (var person in people)
        {
            using var language = RecipientLanguage.Of(person.Language);
            var (subject, paragraphs) = Words();
            notices.Add(new Notice(person.Id, "crew.invitation", subject, $"/crews/{crew.Id}",
                templates.Compose(person.Email!, person.DisplayName, subject, paragraphs, (strings["Invitation.Action"], link)))
            { About = RespondToCrewInvitation.About(crew.Id) });
        }
        await notifier.NotifyManyAsync(notices, cancellationToken);
        using (RecipientLanguage.OfRequester())
        {
            var (subject, paragraphs) = Words();
            foreach (var email in withoutAccount)
            {
                invitations.Add(new EmailInvitation { To = InvitedTo.Crew, CrewId = crew.Id }, email, callerId, subject, paragraphs);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        invitations.Wake();
        return (Outcome.Done, crew.Id);
    }

    private static List<string> EmailsOf(Input input) =>
        [.. input.InviteeEmails.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The checks that need no database, so a page can show them beside its own in one go.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(Input input, IStringLocalizer strings)
    {
        var emails = EmailsOf(input);
        List<(string, string)> problems = [];
        if (emails.Count < CrewsFeature.MinSize - 1 || emails.Count > CrewsFeature.MaxSize - 1)
        {
            problems.Add(("Invitees", strings["Crews.Ops.InviteCount", CrewsFeature.MinSize, CrewsFeature.MaxSize, emails.Count]));
        }
        var malformed = emails.Where(e => !new EmailAddressAttribute().IsValid(e) || !MimeKit.MailboxAddress.TryParse(e, out _)).ToList();
        if (malformed.Count > 0)
        {
            problems.Add(("Invitees", strings["Crews.Ops.Malformed", string.Join(", ", malformed)]));
        }
        if (CrewSchedule.FindZone(input.TimeZone) is null)
        {
            problems.Add(("TimeZone", Platform.Web.TimeZones.Refusal(strings, input.TimeZone)));
        }
        if (input.Meetings is < 2 or > 12)
        {
            problems.Add(("Meetings", strings["Crews.New.MeetingsRange"]));
        }
        return problems;
    }
}
