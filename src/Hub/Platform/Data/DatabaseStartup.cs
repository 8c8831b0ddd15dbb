using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Platform.Data;

public static class DatabaseStartup
{
    /// <summary>Applies pending migrations (unless turned off and not forced) and puts SQLite in WAL mode.</summary>
    public static async Task MigrateAsync(IServiceProvider services, bool force)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        var connections = services.GetRequiredService<PlainConnections>();
        // Asking what is pending reads the history table only; MigrateAsync also takes the migration lock and
        // compares the model with the last snapshot, about a tenth of a second that every command paid. EF itself
        // is started only when there is something to apply: its first DbContext alone cost a short command
        // about half a second of CPU (docs/benchmarks.md).
        if ((options.MigrateAtStart || force) && await HasPendingMigrationsAsync(connections, options))
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            await db.Database.MigrateAsync();
            await GivePaymentReferencesAsync(db);
        }
        if (options.IsSqlite)
        {
            // WAL lets readers go on while one writer commits; it is a property of the file, so once is enough.
            await using var connection = await connections.OpenAsync();
            await using var wal = PlainConnections.Command(connection, null, "PRAGMA journal_mode=WAL;");
            await wal.ExecuteNonQueryAsync();
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
    /// The ids of the provider's migrations, as EF finds them (<c>Database.GetMigrations()</c>: the types of the
    /// migrations assembly marked as migrations of <see cref="HubDbContext"/>), read here without starting EF.
    /// </summary>
    internal static IReadOnlyList<string> KnownMigrations(DatabaseOptions options)
    {
        var assembly = Assembly.Load(options.IsPostgres ? HubDatabase.PostgresMigrationsAssembly : HubDatabase.SqliteMigrationsAssembly);
        return assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(HubDbContext))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// Whether a migration of the hub is not yet in the database's history table. EF's own
    /// <c>GetPendingMigrationsAsync</c> first builds a model of the history table by conventions (EF's whole
    /// model builder, run once per process: the largest single cost of a short command's start, measured in
    /// docs/benchmarks.md); the ids are one column of one table, so they are read here with one plain query.
    /// </summary>
    internal static async Task<bool> HasPendingMigrationsAsync(PlainConnections connections, DatabaseOptions options)
    {
        var known = KnownMigrations(options);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await connections.OpenAsync();
        try
        {
            await using var command = PlainConnections.Command(connection, null, $"SELECT \"MigrationId\" FROM \"{HistoryRepository.DefaultTableName}\"");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            // No history table yet (a new database): everything is pending, and EF's migration creates it. Any
            // other failure (the server cannot be reached) comes back from opening the connection, or from EF's
            // own migration with its own message.
            // (Not IHistoryRepository.ExistsAsync: with Npgsql it said yes for a database without the table.)
            return known.Count > 0;
        }
        return known.Any(id => !applied.Contains(id));
    }
}
