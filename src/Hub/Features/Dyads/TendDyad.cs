using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Dyads;

/// <summary>Accepting or declining a proposal, checking in, and ending the pair.</summary>
public sealed class TendDyad(HubDbContext db, TimeProvider time, Notifier notifier, IStringLocalizer<Strings> strings)
{
    /// <summary>What the proposal's notice is about, so that an answer (or the proposer withdrawing it) marks it done.</summary>
    public static string ProposalAbout(Guid dyadId) => $"dyad-proposal:{dyadId}";

    public async Task<Outcome> RespondAsync(DyadView view, bool accept, CancellationToken cancellationToken = default)
    {
        if (!view.IsPartner || view.Dyad.Status != DyadStatus.Proposed)
        {
            return Outcome.Refused(strings["Dyads.Ops.NotWaiting"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Dyads.Where(d => d.Id == view.Dyad.Id && d.Status == DyadStatus.Proposed).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, accept ? DyadStatus.Active : DyadStatus.Declined)
            .SetProperty(d => d.StartedAt, accept ? now : null)
            .SetProperty(d => d.EndsAt, accept ? now.AddDays(7 * view.Dyad.TermWeeks) : null), cancellationToken);
        if (changed != 1)
        {
            return Outcome.Refused(strings["Dyads.Ops.Answered"]);
        }
        await notifier.ResolveAsync(ProposalAbout(view.Dyad.Id), view.Me, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }

    public async Task<Outcome> CheckInAsync(DyadView view, string text, CancellationToken cancellationToken = default)
    {
        if (view.Dyad.Status != DyadStatus.Active)
        {
            return Outcome.Refused(strings["Dyads.Ops.NotActive"]);
        }
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            return Outcome.Refused(strings["Dyads.Ops.CheckInLength"], "CheckIn");
        }
        db.DyadCheckIns.Add(new DyadCheckIn { Id = Guid.NewGuid(), DyadId = view.Dyad.Id, AuthorUserId = view.Me, Text = text.Trim(), WrittenAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public async Task<Outcome> EndAsync(DyadView view, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await db.Dyads.Where(d => d.Id == view.Dyad.Id && (d.Status == DyadStatus.Active || d.Status == DyadStatus.Proposed))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DyadStatus.Ended).SetProperty(d => d.EndsAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        if (ended != 1)
        {
            return Outcome.Refused(strings["Dyads.Ops.EndedAlready"]);
        }
        // A proposal withdrawn before its answer no longer waits for the partner.
        await notifier.ResolveAsync(ProposalAbout(view.Dyad.Id), null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
