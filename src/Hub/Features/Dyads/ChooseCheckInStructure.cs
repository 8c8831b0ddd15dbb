using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Features.Practices;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Dyads;

/// <summary>
/// Either of the two chooses a practice from the library (one made for pairs) to shape their check-ins,
/// or goes back to checking in freely (an empty choice).
/// </summary>
public sealed class ChooseCheckInStructure(HubDbContext db, ReadPractices practices)
{
    public async Task<Outcome> RunAsync(DyadView view, string practice, CancellationToken cancellationToken = default)
    {
        if (view.Dyad.Status is not (DyadStatus.Active or DyadStatus.Proposed))
        {
            return Outcome.Refused("This pair has ended; its check-ins stay as they were.");
        }
        practice = practice.Trim();
        string? chosen = null;
        if (practice != "")
        {
            if (await practices.FindAsync(practice, cancellationToken) is not { } found || !found.Scales.Contains(Scale.Dyad))
            {
                return Outcome.Refused("Choose one of the practices for pairs from the list.", "Practice");
            }
            chosen = found.Slug;
        }
        await db.Dyads.Where(d => d.Id == view.Dyad.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.CheckInPractice, chosen), cancellationToken);
        return Outcome.Done;
    }
}
