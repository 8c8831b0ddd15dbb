using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>
/// Hosts retire a responsibility the congregation no longer needs: it leaves the register, its holders are thanked
/// and free, and invitations to it still waiting are withdrawn. The hosts' list keeps the line.
/// </summary>
public sealed class RetireResponsibility(HubDbContext db, TimeProvider time, HostActions actions, Notifier notifier,
    IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid id, string? reason, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Congregations.Refused.RetireOnlyHosts"]);
        }
        if (HostActions.Tidy(reason) is not { } why)
        {
            return Outcome.Refused(strings["Congregations.Refused.ReasonLength", HostActions.MaxReason.ToString("N0", DateFormats.Culture)], "Reason");
        }
        var c = view.Congregation;
        var responsibility = await db.Responsibilities.Include(r => r.Holders)
            .SingleOrDefaultAsync(r => r.Id == id && r.CongregationId == c.Id && r.RetiredAt == null, cancellationToken);
        if (responsibility is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.RespGone"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        responsibility.RetiredAt = now;
        var holders = responsibility.Holders.Select(h => h.UserId).ToList();
        responsibility.Holders.Clear();
        var waiting = await db.ResponsibilityOffers.Where(o => o.ResponsibilityId == id && o.Status == OfferStatus.Waiting).ToListAsync(cancellationToken);
        foreach (var offer in waiting)
        {
            offer.Status = OfferStatus.Withdrawn;
            offer.AnsweredAt = now;
            await notifier.ResolveAsync(AnswerResponsibilityOffer.About(offer.Id), null, cancellationToken);
        }
        HostActions.Record(db, c.Id, view.UserId, StoredWords.Of("Log.Congregation.ResponsibilityRetired", responsibility.Name), why, now);
        await actions.TellAsync([.. holders.Where(h => h != view.UserId)], "congregation.responsibility", ResponsibilitiesFeature.PathOf(c.Slug),
            () => new NoticeWords(strings["Email.Responsibility.Retired.Subject", responsibility.Name, c.Name],
                [strings["Email.Responsibility.Retired.Text", c.Name, responsibility.Name],
                 .. why == "" ? Array.Empty<string>() : [strings["Email.Responsibility.Retired.Reason", why].Value]],
                strings["Email.Responsibility.Action"]), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        actions.Wake();
        return Outcome.Done;
    }
}
