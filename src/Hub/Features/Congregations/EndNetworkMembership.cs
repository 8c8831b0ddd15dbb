using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Hosts end a member's network membership, with a reason if they give one: the member hears it, the other hosts hear
/// it and see it in their list. Granting it is an invitation the member accepts (<see cref="OfferMembership"/>);
/// ending it stays a host's act.
/// </summary>
public sealed class EndNetworkMembership(HubDbContext db, TimeProvider time, HostActions actions)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid membershipId, string? reason = null, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused("Only hosts end network membership.");
        }
        if (HostActions.Tidy(reason) is not { } why)
        {
            return Outcome.Refused($"Keep the reason under {HostActions.MaxReason:N0} characters.");
        }
        var member = await db.Memberships.Where(m => m.Id == membershipId && m.CongregationId == view.Congregation.Id)
            .Select(m => new { m.UserId, m.User.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return Outcome.Refused("This person is not a member (any more).");
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
        HostActions.Record(db, c.Id, view.UserId, $"ended the network membership of {HostActions.About}", why, time.GetUtcNow().UtcDateTime,
            aboutUserId: member.UserId);
        var because = why == "" ? "No reason was given." : $"The reason given: {why}";
        await actions.TellAsync([member.UserId], "congregation.network-ended", "Your network membership has ended", $"/congregations/{c.Slug}",
            [$"{actor}, a host of {c.Name}, ended your network membership. You are still a member of {c.Name}.", because,
                "If you would like to talk it over, write to any of the hosts."], "Open the congregation's page", cancellationToken);
        await actions.TellHostsAsync(c, [view.UserId!, member.UserId], $"{actor} ended {member.DisplayName}'s network membership",
            [$"{member.DisplayName} is no longer a network member; they are still a member of {c.Name}, and have been told.", because], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        actions.Wake();
        return Outcome.Done;
    }
}
