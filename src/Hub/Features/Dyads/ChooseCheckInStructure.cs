using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Features.Practices;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Dyads;

/// <summary>
/// Either of the two chooses a practice from the library (one made for pairs) to shape their check-ins,
/// or goes back to checking in freely (an empty choice).
/// </summary>
public sealed class ChooseCheckInStructure(HubDbContext db, ReadPractices practices, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(DyadView view, string practice, CancellationToken cancellationToken = default)
    {
        if (view.Dyad.Status is not (DyadStatus.Active or DyadStatus.Proposed))
        {
            return Outcome.Refused(strings["Dyads.Ops.Ended"]);
        }
        practice = practice.Trim();
        string? chosen = null;
        if (practice != "")
        {
            if (await practices.FindAsync(practice, cancellationToken) is not { } found || !found.Scales.Contains(Scale.Dyad))
            {
                return Outcome.Refused(strings["Dyads.Ops.ChoosePractice"], "Practice");
            }
            chosen = found.Slug;
        }
        await db.Dyads.Where(d => d.Id == view.Dyad.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.CheckInPractice, chosen), cancellationToken);
        return Outcome.Done;
    }
}
