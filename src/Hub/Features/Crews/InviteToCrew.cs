using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform.Email;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// Between terms (or while forming) any member may invite someone with an account, so a crew that
/// continues smaller can grow again. Places are still limited to six when people accept.
/// </summary>
public sealed class InviteToCrew(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, Accounts.AccountLinks links)
{
    public async Task<Outcome> RunAsync(CrewView view, string email, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined || view.Crew.Stage != CrewStage.Forming)
        {
            return Outcome.Refused("Members invite new people while the crew is forming or between terms.");
        }
        if (view.Joined.Count + view.Invited.Count >= CrewsFeature.MaxSize)
        {
            return Outcome.Refused($"With the open invitations the crew would pass {CrewsFeature.MaxSize} people.", "InviteEmail");
        }
        var normalized = email.Trim().ToUpperInvariant();
        var person = await db.Users.Where(u => u.NormalizedEmail == normalized && u.EmailConfirmed)
            .Select(u => new { u.Id, u.Email, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return Outcome.Refused($"No one with an account uses {email.Trim()}. Ask them to join the hub first.", "InviteEmail");
        }
        var existing = await db.CrewMembers.SingleOrDefaultAsync(m => m.CrewId == view.Crew.Id && m.UserId == person.Id, cancellationToken);
        if (existing?.Status is CrewMemberStatus.Joined or CrewMemberStatus.Invited)
        {
            return Outcome.Refused($"{person.DisplayName} is in the crew or invited already.", "InviteEmail");
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (existing is null)
        {
            db.CrewMembers.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = view.Crew.Id, UserId = person.Id, Status = CrewMemberStatus.Invited, InvitedAt = now });
        }
        else
        {
            existing.Status = CrewMemberStatus.Invited;
            existing.InvitedAt = now;
        }
        var inviter = view.NameOf(view.Me.UserId);
        await notifier.NotifyAsync(new Notice(person.Id, "crew.invitation", $"{inviter} invites you to a crew: {view.Crew.Name}", $"/crews/{view.Crew.Id}",
            templates.Compose(person.Email!, person.DisplayName, $"{inviter} invites you to a crew: {view.Crew.Name}",
        [
            $"{inviter} invites you to join “{view.Crew.Name}” for its next term.",
            "You are free to decline, with no need to explain.",
        ], ("See the invitation", links.Absolute($"/crews/{view.Crew.Id}", new Dictionary<string, string?>())))), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }
}
