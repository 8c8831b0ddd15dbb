using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>A host removes a member, with a reason that the member receives and the hosts keep.</summary>
public sealed class RemoveMember(HubDbContext db, TimeProvider time, Notifier notifier, CongregationEmails emails, IEnumerable<IMembershipEndedHandler> ended,
    IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid membershipId, string reason, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Congregations.Refused.RemoveOnlyHosts"]);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Refused(strings["Congregations.Refused.RemoveReason"]);
        }
        if (reason.Trim().Length > 2000)
        {
            return Outcome.Refused(strings["Congregations.Refused.ReasonLength", 2000.ToString("N0", DateFormats.Culture)]);
        }
        var membership = await db.Memberships.Include(m => m.User)
            .SingleOrDefaultAsync(m => m.Id == membershipId && m.CongregationId == view.Congregation.Id, cancellationToken);
        if (membership is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.NotAMember"]);
        }
        if (membership.UserId == view.UserId)
        {
            return Outcome.Refused(strings["Congregations.Refused.RemoveYourself"]);
        }
        if (membership.IsHost && await db.Memberships.CountAsync(m => m.CongregationId == view.Congregation.Id && m.IsHost, cancellationToken) == 1)
        {
            return Outcome.Refused(strings["Congregations.Refused.LastHostRemove"]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var handler in ended)
        {
            await handler.MembershipEndedAsync(view.Congregation.Id, membership.UserId, cancellationToken);
        }
        db.Memberships.Remove(membership);
        db.Removals.Add(new Removal
        {
            Id = Guid.NewGuid(),
            CongregationId = view.Congregation.Id,
            UserId = membership.UserId,
            RemovedByUserId = view.UserId!,
            Reason = reason.Trim(),
            RemovedAt = time.GetUtcNow().UtcDateTime,
        });
        using (RecipientLanguage.Of(membership.User.Language))
        {
            await notifier.NotifyAsync(new Notice(membership.UserId, "congregation.removed", emails.RemovedTitle(view.Congregation), "/congregations",
                emails.Removed(view.Congregation, membership.User.Email!, membership.User.DisplayName, reason)), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }
}
