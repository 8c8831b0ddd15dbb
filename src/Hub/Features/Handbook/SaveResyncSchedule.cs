using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>Sets how often the handbook is pulled again from its git URL; the next-due time is stored so restarts keep it.</summary>
public sealed class SaveResyncSchedule(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(HandbookResyncInterval interval, CancellationToken cancel = default)
    {
        if (!Enum.IsDefined(interval))
        {
            return Outcome.Refused(strings["Handbook.Refused.Interval"], "Interval");
        }
        if (interval != HandbookResyncInterval.Off
            && !await db.Handbooks.AnyAsync(h => h.SourceIsGit, cancel))
        {
            return Outcome.Refused(strings["Handbook.Refused.ResyncNeedsGit"], "Interval");
        }
        DateTime? next = interval == HandbookResyncInterval.Off ? null : time.GetUtcNow().UtcDateTime + ResyncHandbook.Period(interval);
        await db.Set<HandbookSync>().Where(s => s.Id == HandbookSync.SingletonId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Interval, interval)
            .SetProperty(x => x.NextDueAt, next), cancel);
        return Outcome.Done;
    }
}
