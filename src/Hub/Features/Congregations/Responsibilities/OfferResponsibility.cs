using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>
/// A holder or a host invites a member to hold a responsibility, with an optional note. A holder may hand it over:
/// their holding ends when the member accepts. Nothing changes until then (<see cref="AnswerResponsibilityOffer"/>),
/// and the member is free to decline.
/// </summary>
public sealed class OfferResponsibility(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, PublicAddress address,
    IStringLocalizer<Strings> strings)
{
    public const int MaxNote = 2000;

    public async Task<Outcome> RunAsync(CongregationView view, Guid responsibilityId, string? toUserId, string? note, bool handOver, CancellationToken cancellationToken = default)
    {
        var c = view.Congregation;
        var responsibility = await db.Responsibilities.AsNoTracking().Include(r => r.Holders)
            .SingleOrDefaultAsync(r => r.Id == responsibilityId && r.CongregationId == c.Id && r.RetiredAt == null, cancellationToken);
        if (responsibility is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.RespGone"]);
        }
        var holds = responsibility.Holders.Any(h => h.UserId == view.UserId);
        if (view.UserId is null || !(holds || view.IsHost))
        {
            return Outcome.Refused(strings["Congregations.Refused.RespOfferWho"]);
        }
        var member = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == c.Id && m.UserId == toUserId)
            .Select(m => new { m.UserId, m.User.Email, m.User.DisplayName, m.User.Language }).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.RespChooseMember", c.Name], "ToUserId");
        }
        if (member.UserId == view.UserId)
        {
            return Outcome.Refused(strings["Congregations.Refused.RespNotYourself"], "ToUserId");
        }
        if (responsibility.Holders.Any(h => h.UserId == member.UserId))
        {
            return Outcome.Refused($"{member.DisplayName} holds it already.", "ToUserId");
        }
        var words = (note ?? "").Trim();
        if (words.Length > MaxNote)
        {
            return Outcome.Refused(strings["Congregations.Refused.NoteLengthMax", MaxNote.ToString("N0", DateFormats.Culture)], "Note");
        }
        if (await db.ResponsibilityOffers.AnyAsync(o => o.ResponsibilityId == responsibilityId && o.UserId == member.UserId && o.Status == OfferStatus.Waiting, cancellationToken))
        {
            return Outcome.Refused(strings["Congregations.Refused.RespOfferWaiting", member.DisplayName], "ToUserId");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var offer = new ResponsibilityOffer
        {
            Id = Guid.NewGuid(),
            ResponsibilityId = responsibilityId,
            CongregationId = c.Id,
            UserId = member.UserId,
            OfferedByUserId = view.UserId,
            HandOverFromUserId = handOver && holds ? view.UserId : null,
            Note = words,
            Status = OfferStatus.Waiting,
            CreatedAt = now,
        };
        db.ResponsibilityOffers.Add(offer);
        var from = await db.Users.AsNoTracking().Where(u => u.Id == view.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        using var language = RecipientLanguage.Of(member.Language);
        string title = offer.HandOverFromUserId is null
            ? strings["Email.Responsibility.Offer.Subject", from, responsibility.Name, c.Name]
            : strings["Email.Responsibility.HandOver.Subject", from, responsibility.Name, c.Name];
        var path = ResponsibilitiesFeature.PathOf(c.Slug, "invitations");
        await notifier.NotifyAsync(new Notice(member.UserId, "congregation.responsibility-offer", title, path,
            templates.Compose(member.Email!, member.DisplayName, title,
            [
                responsibility.Description == "" ? strings["Email.Responsibility.Needs", responsibility.Name, c.Name] : strings["Email.Responsibility.Involves", responsibility.Description],
                .. words == "" ? Array.Empty<string>() : [strings["Email.ProposedEvent.Yes.Wrote", from, words].Value],
                .. responsibility.ReviewOn is { } review ? [strings["Email.Responsibility.Review", DateFormats.Format(review.ToDateTime(TimeOnly.MinValue), "d MMMM yyyy")].Value] : Array.Empty<string>(),
                strings["Email.Offer.NothingChanges"],
            ], (strings["Invitation.Action"], address.Absolute(path))))
        { About = AnswerResponsibilityOffer.About(offer.Id) }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }
}
