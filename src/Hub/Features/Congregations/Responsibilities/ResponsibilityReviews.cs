using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>
/// Tells the holders and the hosts once when a responsibility reaches its review date: time to look at it together
/// (keep it, hand it over, change it, retire it). Each date is claimed with a conditional update inside the unit of
/// work that writes the notices, so two nodes, or a restart, never tell anyone twice. Notices follow each person's
/// choice for the congregation topic (at once, in the digest, or not by email).
/// </summary>
public sealed class ResponsibilityReviews(HubDbContext db, TimeProvider time, HostActions actions,
    IStringLocalizer<Strings> strings)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var due = await db.Responsibilities.AsNoTracking()
            .Where(r => r.RetiredAt == null && r.ReviewOn != null && r.ReviewOn <= today && (r.ReviewNoticeFor == null || r.ReviewNoticeFor != r.ReviewOn))
            .Select(r => new { r.Id, r.Name, r.ReviewOn, r.CongregationId, Holders = r.Holders.Select(h => h.UserId).ToList() })
            .ToListAsync(cancellationToken);
        var told = 0;
        foreach (var r in due)
        {
            var c = await db.Congregations.AsNoTracking().SingleAsync(x => x.Id == r.CongregationId, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Responsibilities.Where(x => x.Id == r.Id && x.ReviewOn == r.ReviewOn && (x.ReviewNoticeFor == null || x.ReviewNoticeFor != r.ReviewOn))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReviewNoticeFor, r.ReviewOn), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            var hosts = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == c.Id && m.IsHost).Select(m => m.UserId).ToListAsync(cancellationToken);
            var reviewOn = r.ReviewOn is { } d ? d.ToDateTime(TimeOnly.MinValue) : DateTime.MinValue;
            await actions.TellAsync([.. r.Holders.Union(hosts)], "congregation.responsibility-review", ResponsibilitiesFeature.PathOf(c.Slug), () => new NoticeWords(
                strings["Email.Responsibility.Due.Subject", r.Name, c.Name],
                [
                    strings["Email.Responsibility.Due.Reached", r.Name, c.Name, DateFormats.Format(reviewOn, "d MMMM yyyy")],
                    r.Holders.Count == 0 ? strings["Email.Responsibility.Due.Nobody"] : strings["Email.Responsibility.Due.TalkItOver"],
                ], strings["Email.Responsibility.Action"]), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            told++;
        }
        if (told > 0)
        {
            actions.Wake();
        }
        return told;
    }
}
