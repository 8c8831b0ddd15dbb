using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Network membership that follows a monthly contribution: granted when a qualifying month is paid,
/// ended (with a friendly email) when the paid months run out. A membership a host granted by hand
/// is never touched: only one this feature gave (Pledge.GrantsMembership) is taken back.
/// </summary>
public sealed class NetworkMembership(HubDbContext db, TimeProvider time, IOptions<CommonsOptions> options, Notifier notifier, EmailTemplates templates, PublicAddress links)
{
    /// <summary>In the caller's unit of work.</summary>
    internal async Task GrantAsync(Pledge pledge, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == pledge.UserId, cancellationToken);
        if (user.NetworkMemberSince is not null)
        {
            return; // a member already (by an earlier month, or granted by a host)
        }
        user.NetworkMemberSince = time.GetUtcNow().UtcDateTime;
        pledge.GrantsMembership = true;
        await notifier.NotifyAsync(new Notice(user.Id, "commons.membership-started", "You are a network member",
            links.Absolute("/commons/contribute"),
            templates.Compose(user.Email!, user.DisplayName, "Welcome to the network",
            [
                "Thank you: your monthly contribution to the commons makes you a network member.",
                "You are welcome at the members-only network call, and you may propose how the commons spends its money and advise on others' proposals.",
            ], ("See your contribution", links.Absolute("/commons/contribute")))), cancellationToken);
    }

    public void Wake() => notifier.Wake();

    /// <summary>Ends memberships whose paid months (plus the grace days) ran out. Returns how many ended.</summary>
    public async Task<int> LapseAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-options.Value.GraceDays);
        var lapsed = await db.Pledges.Where(p => p.GrantsMembership && (p.PaidThrough == null || p.PaidThrough < cutoff))
            .Select(p => new { p.Id, p.UserId }).ToListAsync(cancellationToken);
        var ended = 0;
        foreach (var pledge in lapsed)
        {
            // Conditional, so two web nodes running this at once send one email, not two.
            var claimed = await db.Pledges.Where(p => p.Id == pledge.Id && p.GrantsMembership)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.GrantsMembership, false), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            var user = await db.Users.SingleAsync(u => u.Id == pledge.UserId, cancellationToken);
            user.NetworkMemberSince = null;
            ended++;
            var contribute = links.Absolute("/commons/contribute");
            await notifier.NotifyAsync(new Notice(user.Id, "commons.membership-lapsed", "Your network membership has paused", contribute,
                templates.Compose(user.Email!, user.DisplayName, "Your network membership has paused",
                [
                    "Thank you for what you gave to the commons. We have not seen a monthly contribution from you for a while, so your network membership has paused for now.",
                    "Nothing else changes: your congregations, crews and friends are all still here. If you would like to be a network member again, a monthly contribution renews it at once.",
                    "If this is a mistake (a transfer on its way), reply to this email or tell a treasurer, and they will record it.",
                ], ("Contribute again", contribute))), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        if (ended > 0)
        {
            notifier.Wake();
        }
        return ended;
    }
}
