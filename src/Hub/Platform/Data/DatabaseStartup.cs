using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Platform.Data;

public static class DatabaseStartup
{
    /// <summary>Applies pending migrations (unless turned off and not forced) and puts SQLite in WAL mode.</summary>
    public static async Task MigrateAsync(IServiceProvider services, bool force)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        // Asking what is pending reads the history table only; MigrateAsync also takes the migration lock and
        // compares the model with the last snapshot, about a tenth of a second that every command paid.
        if ((options.MigrateAtStart || force) && (await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await db.Database.MigrateAsync();
            await GivePaymentReferencesAsync(db);
        }
        if (options.IsSqlite)
        {
            // WAL lets readers go on while one writer commits; it is a property of the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>
    /// Pledges and tickets made before payment references existed get theirs after the upgrade's
    /// migration, so every open pledge and ticket can be paid by transfer. Rows made since carry one.
    /// </summary>
    private static async Task GivePaymentReferencesAsync(HubDbContext db)
    {
        var taken = new HashSet<string>();
        string Next()
        {
            string reference;
            do
            {
                reference = PaymentReference.New();
            } while (!taken.Add(reference));
            return reference;
        }
        foreach (var pledge in await db.Pledges.Where(p => p.Reference == null).ToListAsync())
        {
            pledge.Reference = Next();
        }
        foreach (var ticket in await db.Tickets.Where(t => t.PaymentReference == null).ToListAsync())
        {
            ticket.PaymentReference = Next();
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
