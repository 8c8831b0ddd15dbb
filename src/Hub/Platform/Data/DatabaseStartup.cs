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
        }
        if (options.IsSqlite)
        {
            // WAL lets readers go on while one writer commits; it is a property of the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
