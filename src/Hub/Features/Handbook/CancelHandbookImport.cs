using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>Stops the running import before it publishes anything; the handbook stays exactly as it was.</summary>
public sealed class CancelHandbookImport(HubDbContext db, HandbookImportGate gate, HandbookImportRunner runner)
{
    public async Task<Outcome> RunAsync(CancellationToken cancel = default)
    {
        var running = await db.Set<HandbookSync>().Where(s => s.Id == HandbookSync.SingletonId).Select(s => s.RunningImportId).FirstOrDefaultAsync(cancel);
        if (running is not { } id || !await gate.RequestCancelAsync(id, cancel))
        {
            return Outcome.Refused("No import is running now, so there is nothing to cancel.");
        }
        runner.CancelHere(id);
        return Outcome.Done;
    }
}
