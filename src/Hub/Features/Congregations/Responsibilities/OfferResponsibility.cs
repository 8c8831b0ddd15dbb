using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>
/// A holder or a host invites a member to hold a responsibility, with an optional note. A holder may hand it over:
/// their holding ends when the member accepts. Nothing changes until then (<see cref="AnswerResponsibilityOffer"/>),
/// and the member is free to decline.
/// </summary>
public sealed class OfferResponsibility(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, PublicAddress address)
{
    public const int MaxNote = 2000;

    public async Task<Outcome> RunAsync(CongregationView view, Guid responsibilityId, string? toUserId, string? note, bool handOver, CancellationToken cancellationToken = default)
    {
        var c = view.Congregation;
        var responsibility = await db.Responsibilities.AsNoTracking().Include(r => r.Holders)
            .SingleOrDefaultAsync(r => r.Id == responsibilityId && r.CongregationId == c.Id && r.RetiredAt == null, cancellationToken);
        if (responsibility is null)
        {
            return Outcome.Refused("This responsibility is no longer in the register.");
        }
        var holds = responsibility.Holders.Any(h => h.UserId == view.UserId);
        if (view.UserId is null || !(holds || view.IsHost))
        {
            return Outcome.Refused("Only the people who hold it, and the hosts, invite someone to it.");
        }
        var member = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == c.Id && m.UserId == toUserId)
            .Select(m => new { m.UserId, m.User.Email, m.User.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return Outcome.Refused($"Choose a member of {c.Name}.", "ToUserId");
        }
        if (member.UserId == view.UserId)
        {
            return Outcome.Refused("Choose someone other than yourself.", "ToUserId");
        }
        if (responsibility.Holders.Any(h => h.UserId == member.UserId))
        {
            return Outcome.Refused($"{member.DisplayName} holds it already.", "ToUserId");
        }
        var words = (note ?? "").Trim();
        if (words.Length > MaxNote)
        {
            return Outcome.Refused($"Keep the note under {MaxNote:N0} characters.", "Note");
        }
        if (await db.ResponsibilityOffers.AnyAsync(o => o.ResponsibilityId == responsibilityId && o.UserId == member.UserId && o.Status == OfferStatus.Waiting, cancellationToken))
        {
            return Outcome.Refused($"An invitation to it is waiting for {member.DisplayName}'s answer already.", "ToUserId");
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
        var title = offer.HandOverFromUserId is null
            ? $"{from} invites you to hold “{responsibility.Name}” in {c.Name}"
            : $"{from} would like to hand “{responsibility.Name}” in {c.Name} over to you";
        var path = ResponsibilitiesFeature.PathOf(c.Slug, "invitations");
        await notifier.NotifyAsync(new Notice(member.UserId, "congregation.responsibility-offer", title, path,
            templates.Compose(member.Email!, member.DisplayName, title,
            [
                responsibility.Description == "" ? $"“{responsibility.Name}” is one of the things {c.Name} needs someone to hold." : $"What it involves: {responsibility.Description}",
                .. words == "" ? Array.Empty<string>() : [$"{from} wrote: “{words}”"],
                .. responsibility.ReviewOn is { } review ? [$"It is due for a look again on {review:d MMMM yyyy}."] : Array.Empty<string>(),
                "Nothing changes until you say yes, and you are free to decline, with no need to explain.",
            ], ("See the invitation", address.Absolute(path))))
        { About = AnswerResponsibilityOffer.About(offer.Id) }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }
}
