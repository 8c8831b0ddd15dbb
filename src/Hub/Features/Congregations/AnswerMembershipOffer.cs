using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// The member accepts a host's invitation (the change happens then) or declines it (no reason asked). Either way
/// the notice is done and the host who invited hears the answer. A host may withdraw an invitation still waiting.
/// </summary>
public sealed class AnswerMembershipOffer(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, PublicAddress address,
    IStringLocalizer<Strings> strings)
{
    public static string About(Guid offerId) => $"membership-offer:{offerId}";

    public static string PathOf(string slug) => $"/congregations/{slug}/offers";

    public async Task<Outcome> RunAsync(CongregationView view, Guid offerId, bool accept, CancellationToken cancellationToken = default)
    {
        var offer = await db.MembershipOffers.SingleOrDefaultAsync(o => o.Id == offerId && o.CongregationId == view.Congregation.Id && o.UserId == view.UserId, cancellationToken);
        if (offer is null || offer.Status != OfferStatus.Waiting || view.Membership is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.InvitationClosed"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Conditional, so that two answers at once (or an answer and a withdrawal) settle it once.
        var answered = await db.MembershipOffers.Where(o => o.Id == offerId && o.Status == OfferStatus.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, accept ? OfferStatus.Accepted : OfferStatus.Declined).SetProperty(o => o.AnsweredAt, now), cancellationToken);
        if (answered == 0)
        {
            return Outcome.Refused(strings["Congregations.Refused.InvitationClosed"]);
        }
        if (accept)
        {
            // Loaded and saved, not a bulk update: the congregation's cached pages are emptied by the interceptor that sees saved memberships.
            var membership = await db.Memberships.SingleAsync(m => m.Id == view.Membership.Id, cancellationToken);
            switch (offer.Kind)
            {
                case OfferKind.Host:
                    membership.IsHost = true;
                    break;
                case OfferKind.Level when offer.LevelId is { } levelId && view.Congregation.Levels.Any(l => l.Id == levelId):
                    membership.LevelId = levelId;
                    break;
                case OfferKind.NetworkMembership:
                    await db.Users.Where(u => u.Id == view.UserId && u.NetworkMemberSince == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(u => u.NetworkMemberSince, now), cancellationToken);
                    break;
                default:
                    return Outcome.Refused(strings["Congregations.Refused.LevelGoneAsk"]);
            }
        }
        await notifier.ResolveAsync(About(offerId), view.UserId, cancellationToken);
        var member = await db.Users.AsNoTracking().Where(u => u.Id == view.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var host = await db.Users.AsNoTracking().Where(u => u.Id == offer.OfferedByUserId).Select(u => new { u.Id, u.Email, u.DisplayName, u.Language }).SingleOrDefaultAsync(cancellationToken);
        if (host is not null)
        {
            using var language = RecipientLanguage.Of(host.Language);
            var what = Describe(strings, view.Congregation, offer);
            string title = accept ? strings["Email.Offer.Yes.Subject", member, what] : strings["Email.Offer.No.Subject", member, what];
            var path = $"/congregations/{view.Congregation.Slug}/members";
            await notifier.NotifyAsync(new Notice(host.Id, "congregation.offer-answered", title, path,
                templates.Compose(host.Email!, host.DisplayName, title,
                    accept ? [strings["Email.Offer.Yes.Accepted", member, what]]
                           : [strings["Email.Offer.No.Declined", member, what], strings["Email.Offer.No.NoShame"]],
                    (strings["Email.Offer.OpenMembers"], address.Absolute(path)))), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }

    /// <summary>A host takes back an invitation nobody has answered yet; its notice is done.</summary>
    public async Task<Outcome> WithdrawAsync(CongregationView view, Guid offerId, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Congregations.Refused.WithdrawOnlyHosts"]);
        }
        var withdrawn = await db.MembershipOffers.Where(o => o.Id == offerId && o.CongregationId == view.Congregation.Id && o.Status == OfferStatus.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Withdrawn).SetProperty(o => o.AnsweredAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        if (withdrawn == 0)
        {
            return Outcome.Refused(strings["Congregations.Refused.OfferAnswered"]);
        }
        await notifier.ResolveAsync(About(offerId), null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>What an invitation offers, in the current language's words ("to host Riverside", "to be a Partner"), for the pages and the host's email.</summary>
    public static string Describe(IStringLocalizer<Strings> strings, Congregation c, MembershipOffer offer) => offer.Kind switch
    {
        OfferKind.Host => strings["Email.Offer.Describe.Host", c.Name],
        OfferKind.NetworkMembership => strings["Email.Offer.Describe.Network"],
        _ => c.Levels.FirstOrDefault(l => l.Id == offer.LevelId)?.Name is { } level ? strings["Email.Offer.Describe.Level", level] : strings["Email.Offer.Describe.OtherLevel"],
    };
}
