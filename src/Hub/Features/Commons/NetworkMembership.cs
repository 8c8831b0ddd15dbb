using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Network membership that follows a monthly contribution: granted when a qualifying month is paid,
/// ended (with a friendly email) when the paid months run out. A membership a host granted by hand
/// is never touched: only one this feature gave (Pledge.GrantsMembership) is taken back.
/// </summary>
public sealed class NetworkMembership(HubDbContext db, TimeProvider time, IOptions<CommonsOptions> options, Notifier notifier, EmailTemplates templates, PublicAddress links,
    IStringLocalizer<Strings> strings)
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
        using (RecipientLanguage.Of(user.Language))
        {
            await notifier.NotifyAsync(new Notice(user.Id, "commons.membership-started", strings["Commons.Member.Title"],
                links.Absolute("/commons/contribute"),
                templates.Compose(user.Email!, user.DisplayName, strings["Commons.Member.Subject"],
                [strings["Commons.Member.Thanks"], strings["Commons.Member.Welcome"]],
                (strings["Commons.Member.Action"], links.Absolute("/commons/contribute")))), cancellationToken);
        }
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
            using (RecipientLanguage.Of(user.Language))
            {
                await notifier.NotifyAsync(new Notice(user.Id, "commons.membership-lapsed", strings["Commons.Paused.Subject"], contribute,
                    templates.Compose(user.Email!, user.DisplayName, strings["Commons.Paused.Subject"],
                    [strings["Commons.Paused.Thanks"], strings["Commons.Paused.NothingElse"], strings["Commons.Paused.Mistake"]],
                    (strings["Commons.Paused.Action"], contribute))), cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        if (ended > 0)
        {
            notifier.Wake();
        }
        return ended;
    }
}
