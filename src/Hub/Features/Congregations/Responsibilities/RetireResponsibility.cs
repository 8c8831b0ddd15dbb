using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>
/// Hosts retire a responsibility the congregation no longer needs: it leaves the register, its holders are thanked
/// and free, and invitations to it still waiting are withdrawn. The hosts' list keeps the line.
/// </summary>
public sealed class RetireResponsibility(HubDbContext db, TimeProvider time, HostActions actions, Notifier notifier)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid id, string? reason, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused("Only the congregation's hosts retire responsibilities.");
        }
        if (HostActions.Tidy(reason) is not { } why)
        {
            return Outcome.Refused($"Keep the reason under {HostActions.MaxReason:N0} characters.", "Reason");
        }
        var c = view.Congregation;
        var responsibility = await db.Responsibilities.Include(r => r.Holders)
            .SingleOrDefaultAsync(r => r.Id == id && r.CongregationId == c.Id && r.RetiredAt == null, cancellationToken);
        if (responsibility is null)
        {
            return Outcome.Refused("This responsibility is no longer in the register.");
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
        HostActions.Record(db, c.Id, view.UserId, $"retired the responsibility {responsibility.Name}", why, now);
        var title = $"{responsibility.Name} is retired in {c.Name}";
        await actions.TellAsync([.. holders.Where(h => h != view.UserId)], "congregation.responsibility", title, ResponsibilitiesFeature.PathOf(c.Slug),
            [$"The hosts of {c.Name} retired the responsibility “{responsibility.Name}”, which you held. You hold it no more: thank you for carrying it.",
             .. why == "" ? Array.Empty<string>() : [$"Their reason: “{why}”"]], "See the register", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        actions.Wake();
        return Outcome.Done;
    }
}
