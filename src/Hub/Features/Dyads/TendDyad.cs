using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Dyads;

/// <summary>Accepting or declining a proposal, checking in, and ending the pair.</summary>
public sealed class TendDyad(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> RespondAsync(DyadView view, bool accept, CancellationToken cancellationToken = default)
    {
        if (!view.IsPartner || view.Dyad.Status != DyadStatus.Proposed)
        {
            return Outcome.Refused("This proposal is not waiting for your answer.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await db.Dyads.Where(d => d.Id == view.Dyad.Id && d.Status == DyadStatus.Proposed).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, accept ? DyadStatus.Active : DyadStatus.Declined)
            .SetProperty(d => d.StartedAt, accept ? now : null)
            .SetProperty(d => d.EndsAt, accept ? now.AddDays(7 * view.Dyad.TermWeeks) : null), cancellationToken);
        return changed == 1 ? Outcome.Done : Outcome.Refused("This proposal was answered already.");
    }

    public async Task<Outcome> CheckInAsync(DyadView view, string text, CancellationToken cancellationToken = default)
    {
        if (view.Dyad.Status != DyadStatus.Active)
        {
            return Outcome.Refused("Check-ins belong to an active pair.");
        }
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            return Outcome.Refused("Write a short check-in: a few words, up to 4,000 characters.", "CheckIn");
        }
        db.DyadCheckIns.Add(new DyadCheckIn { Id = Guid.NewGuid(), DyadId = view.Dyad.Id, AuthorUserId = view.Me, Text = text.Trim(), WrittenAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public async Task<Outcome> EndAsync(DyadView view, CancellationToken cancellationToken = default)
    {
        var ended = await db.Dyads.Where(d => d.Id == view.Dyad.Id && (d.Status == DyadStatus.Active || d.Status == DyadStatus.Proposed))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DyadStatus.Ended).SetProperty(d => d.EndsAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        return ended == 1 ? Outcome.Done : Outcome.Refused("This pair has ended already.");
    }
}
