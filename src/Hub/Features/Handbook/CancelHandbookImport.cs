using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>Stops the running import before it publishes anything; the handbook stays exactly as it was.</summary>
public sealed class CancelHandbookImport(HubDbContext db, HandbookImportGate gate, HandbookImportRunner runner, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CancellationToken cancel = default)
    {
        var running = await db.Set<HandbookSync>().Where(s => s.Id == HandbookSync.SingletonId).Select(s => s.RunningImportId).FirstOrDefaultAsync(cancel);
        if (running is not { } id || !await gate.RequestCancelAsync(id, cancel))
        {
            return Outcome.Refused(strings["Handbook.Refused.NothingToCancel"]);
        }
        runner.CancelHere(id);
        return Outcome.Done;
    }
}
