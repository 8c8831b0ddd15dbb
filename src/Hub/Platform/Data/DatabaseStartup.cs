using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
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
        if ((options.MigrateAtStart || force) && await HasPendingMigrationsAsync(db))
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

    /// <summary>
    /// Whether a migration of the hub is not yet in the database's history table. EF's own
    /// <c>GetPendingMigrationsAsync</c> first builds a model of the history table by conventions (EF's whole
    /// model builder, run once per process: the largest single cost of a short command's start, measured in
    /// docs/benchmarks.md); the ids are one column of one table, so they are read here with one plain query.
    /// </summary>
    private static async Task<bool> HasPendingMigrationsAsync(HubDbContext db)
    {
        var known = db.Database.GetMigrations().ToList();
        var table = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(HistoryRepository.DefaultTableName);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT \"MigrationId\" FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            // No history table yet (a new database): everything is pending, and EF's migration creates it. Any
            // other failure (the server cannot be reached) comes back from EF's own migration with its own message.
            // (Not IHistoryRepository.ExistsAsync: with Npgsql it said yes for a database without the table.)
            return known.Count > 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return known.Any(id => !applied.Contains(id));
    }
}
