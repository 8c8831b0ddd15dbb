using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>
/// The member accepts an invitation to a responsibility (they hold it from now, and a holder who handed it over holds
/// it no more) or declines it (no reason asked). The one who invited and the previous holders hear the answer; the
/// hosts' list keeps the hand-over. The one who invited, or a host, may withdraw an invitation still waiting.
/// </summary>
public sealed class AnswerResponsibilityOffer(HubDbContext db, TimeProvider time, Notifier notifier, HostActions actions,
    IStringLocalizer<Strings> strings)
{
    public static string About(Guid offerId) => $"responsibility-offer:{offerId}";

    public async Task<Outcome> RunAsync(CongregationView view, Guid offerId, bool accept, CancellationToken cancellationToken = default)
    {
        var c = view.Congregation;
        var offer = await db.ResponsibilityOffers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId && o.CongregationId == c.Id && o.UserId == view.UserId, cancellationToken);
        var responsibility = offer is null ? null : await db.Responsibilities.Include(r => r.Holders)
            .SingleOrDefaultAsync(r => r.Id == offer.ResponsibilityId && r.RetiredAt == null, cancellationToken);
        if (offer is null || responsibility is null || offer.Status != OfferStatus.Waiting || view.Membership is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.InvitationClosed"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Conditional, so that two answers at once (or an answer and a withdrawal) settle it once.
        var answered = await db.ResponsibilityOffers.Where(o => o.Id == offerId && o.Status == OfferStatus.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, accept ? OfferStatus.Accepted : OfferStatus.Declined).SetProperty(o => o.AnsweredAt, now), cancellationToken);
        if (answered == 0)
        {
            return Outcome.Refused(strings["Congregations.Refused.InvitationClosed"]);
        }
        await notifier.ResolveAsync(About(offerId), view.UserId, cancellationToken);
        var previous = responsibility.Holders.Select(h => h.UserId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => u.Id == view.UserId || u.Id == offer.HandOverFromUserId)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var member = names[view.UserId!];
        var path = ResponsibilitiesFeature.PathOf(c.Slug);
        if (accept)
        {
            if (!previous.Contains(view.UserId!))
            {
                responsibility.Holders.Add(new ResponsibilityHolder { ResponsibilityId = responsibility.Id, UserId = view.UserId!, Since = now });
            }
            var from = offer.HandOverFromUserId is { } f ? responsibility.Holders.FirstOrDefault(h => h.UserId == f) : null;
            if (from is not null)
            {
                responsibility.Holders.Remove(from);
            }
            HostActions.Record(db, c.Id, view.UserId,
                from is null ? StoredWords.Of("Log.Congregation.ResponsibilityTaken", responsibility.Name) : StoredWords.Of("Log.Congregation.ResponsibilityTakenOver", responsibility.Name, names[from.UserId]), "", now);
            var before = from is null ? null : names[from.UserId];
            var name = responsibility.Name;
            await actions.TellAsync([.. previous.Append(offer.OfferedByUserId).Distinct().Where(u => u != "" && u != view.UserId)], "congregation.responsibility", path,
                () => new NoticeWords(before is null ? strings["Email.Responsibility.Holds.Subject", member, name] : strings["Email.Responsibility.TookOver.Subject", member, name, before],
                [
                    before is null ? strings["Email.Responsibility.Holds.Text", member, name, c.Name] : strings["Email.Responsibility.TookOver.Text", member, name, c.Name, before],
                    .. before is null ? Array.Empty<string>() : [strings["Email.Responsibility.TookOver.Thanks", before].Value],
                ], strings["Email.Responsibility.Action"]), cancellationToken);
        }
        else if (offer.OfferedByUserId != "")
        {
            await actions.TellAsync([offer.OfferedByUserId], "congregation.responsibility", path,
                () => new NoticeWords(strings["Email.Responsibility.Declined.Subject", member, responsibility.Name],
                    [strings["Email.Responsibility.Declined.Text", member, responsibility.Name, c.Name], strings["Email.Responsibility.Declined.Nothing"]],
                    strings["Email.Responsibility.Action"]), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }

    /// <summary>The one who invited, or a host, takes back an invitation nobody has answered yet; its notice is done.</summary>
    public async Task<Outcome> WithdrawAsync(CongregationView view, Guid offerId, CancellationToken cancellationToken = default)
    {
        var withdrawn = await db.ResponsibilityOffers
            .Where(o => o.Id == offerId && o.CongregationId == view.Congregation.Id && o.Status == OfferStatus.Waiting && (view.IsHost || o.OfferedByUserId == view.UserId))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Withdrawn).SetProperty(o => o.AnsweredAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        if (withdrawn == 0)
        {
            return Outcome.Refused(strings["Congregations.Refused.RespOfferAnswered"]);
        }
        await notifier.ResolveAsync(About(offerId), null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
