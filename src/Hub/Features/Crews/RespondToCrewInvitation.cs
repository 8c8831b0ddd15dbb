using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// Accepting takes one of the six places, if one is left; declining needs no reason. Either way the
/// invitation's notice is done, and the caller hears the answer, and when the crew has enough people to start.
/// </summary>
public sealed class RespondToCrewInvitation(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, PublicAddress address,
    IStringLocalizer<Strings> strings)
{
    /// <summary>What the invitation's notice is about, so that the answer marks it done.</summary>
    public static string About(Guid crewId) => $"crew-invitation:{crewId}";

    public async Task<Outcome> RunAsync(CrewView view, bool accept, CancellationToken cancellationToken = default)
    {
        if (view.Me.Status != CrewMemberStatus.Invited)
        {
            return Outcome.Refused(view.IsJoined ? strings["Crews.Ops.InAlready"] : strings["Crews.Ops.InvitationClosed"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!accept)
        {
            var declined = await db.CrewMembers.Where(m => m.Id == view.Me.Id && m.Status == CrewMemberStatus.Invited)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, CrewMemberStatus.Declined).SetProperty(m => m.LeftAt, now), cancellationToken);
            if (declined == 0)
            {
                return Outcome.Refused(strings["Crews.Ops.InvitationClosed"]);
            }
            await AfterAnswerAsync(view, accepted: false, canStart: false, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            notifier.Wake();
            return Outcome.Done;
        }
        // The place is taken by a conditional update on the crew row: of two people accepting the
        // last place at once, exactly one update finds JoinedCount below the limit.
        var taken = await db.Crews.Where(c => c.Id == view.Crew.Id && c.JoinedCount < CrewsFeature.MaxSize && c.Stage != CrewStage.Disbanded)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.JoinedCount, c => c.JoinedCount + 1), cancellationToken);
        if (taken == 0)
        {
            return Outcome.Refused(strings["Crews.Ops.CrewFull", CrewsFeature.MaxSize]);
        }
        var count = await db.Crews.Where(c => c.Id == view.Crew.Id).Select(c => c.JoinedCount).SingleAsync(cancellationToken);
        var joined = await db.CrewMembers.Where(m => m.Id == view.Me.Id && m.Status == CrewMemberStatus.Invited)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, CrewMemberStatus.Joined).SetProperty(m => m.JoinedAt, now)
                .SetProperty(m => m.Position, count - 1), cancellationToken);
        if (joined == 0)
        {
            return Outcome.Refused(strings["Crews.Ops.InAlready"]);
        }
        // Exactly one acceptance moves the count onto the smallest size (the updates above take turns), so the caller hears it once.
        await AfterAnswerAsync(view, accepted: true, canStart: count == CrewsFeature.MinSize && view.Crew.Stage == CrewStage.Forming, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }

    private async Task AfterAnswerAsync(CrewView view, bool accepted, bool canStart, CancellationToken cancellationToken)
    {
        await notifier.ResolveAsync(About(view.Crew.Id), view.Me.UserId, cancellationToken);
        // The caller hears while they are still in the crew (a crew that went on without them is its members' now).
        var caller = view.People.FirstOrDefault(p => p.UserId == view.Crew.CallerUserId && p.Status == CrewMemberStatus.Joined);
        if (caller is not null && caller.UserId != view.Me.UserId)
        {
            var name = view.Me.User.DisplayName;
            var crew = view.Crew.Name;
            var path = $"/crews/{view.Crew.Id}";
            // In the caller's language, whatever language the answer was given in.
            using var language = RecipientLanguage.Of(caller.User.Language);
            var (kind, title, paragraphs) = (accepted, canStart) switch
            {
                (true, true) => ("crew.can-start", strings["Email.CrewAnswer.CanStart.Subject", name, crew].Value,
                    new[] { strings.Plural("Email.CrewAnswer.CanStart.Text", CrewsFeature.MinSize, name, crew).Value, strings["Email.CrewAnswer.CanStart.FirstMeeting"].Value }),
                (true, false) => ("crew.answered", strings["Email.CrewAnswer.Joined.Subject", name, crew].Value,
                    new[] { strings["Email.CrewAnswer.Joined.Text", name, crew].Value }),
                _ => ("crew.answered", strings["Email.CrewAnswer.Declined.Subject", name, crew].Value,
                    new[] { strings["Email.CrewAnswer.Declined.Text", name, crew].Value, strings["Email.CrewAnswer.Declined.Still"].Value }),
            };
            await notifier.NotifyAsync(new Notice(caller.UserId, kind, title, path,
                templates.Compose(caller.User.Email!, caller.User.DisplayName, title, paragraphs, (strings["Email.CrewAnswer.Action"], address.Absolute(path)))), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
