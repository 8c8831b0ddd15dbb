using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Hosts end a member's network membership, with a reason if they give one: the member hears it, the other hosts hear
/// it and see it in their list. Granting it is an invitation the member accepts (<see cref="OfferMembership"/>);
/// ending it stays a host's act.
/// </summary>
public sealed class EndNetworkMembership(HubDbContext db, TimeProvider time, HostActions actions,
    IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid membershipId, string? reason = null, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Congregations.Refused.NetworkOnlyHosts"]);
        }
        if (HostActions.Tidy(reason) is not { } why)
        {
            return Outcome.Refused(strings["Congregations.Refused.ReasonLength", HostActions.MaxReason.ToString("N0", DateFormats.Culture)]);
        }
        var member = await db.Memberships.Where(m => m.Id == membershipId && m.CongregationId == view.Congregation.Id)
            .Select(m => new { m.UserId, m.User.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.NotAMember"]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await db.Users.Where(u => u.Id == member.UserId && u.NetworkMemberSince != null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.NetworkMemberSince, (DateTime?)null), cancellationToken);
        if (ended == 0)
        {
            return Outcome.Refused($"{member.DisplayName} is not a network member (any more).");
        }
        var c = view.Congregation;
        var actor = await db.Users.Where(u => u.Id == view.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        HostActions.Record(db, c.Id, view.UserId, StoredWords.Of("Log.Congregation.NetworkMembershipEnded", HostActions.About), why, time.GetUtcNow().UtcDateTime,
            aboutUserId: member.UserId);
        string Because() => why == "" ? strings["Email.CoHost.SteppedDown.NoReason"] : strings["Email.HostAction.Reason", why];
        await actions.TellAsync([member.UserId], "congregation.network-ended", $"/congregations/{c.Slug}", () => new NoticeWords(
            strings["Email.HostAction.NetworkEnded.Subject"],
            [strings["Email.HostAction.NetworkEnded.Text", actor, c.Name], Because(), strings["Email.HostAction.TalkItOver"]],
            strings["Email.HostAction.OpenCongregation"]), cancellationToken);
        await actions.TellHostsAsync(c, [view.UserId!, member.UserId], () => (strings["Email.HostAction.NetworkEndedHosts.Subject", actor, member.DisplayName],
            [strings["Email.HostAction.NetworkEndedHosts.Text", member.DisplayName, c.Name], Because()]), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        actions.Wake();
        return Outcome.Done;
    }
}
