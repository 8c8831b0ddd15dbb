using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Platform.Data;
using Microsolidarity.Hub.Platform.Cli;

namespace Microsolidarity.Hub.Platform.Backup;

/// <summary>
/// <c>hub backup --out FILE</c>: a consistent copy of the database and of the file store's files (the data
/// folder's, or an object store's), taken while the hub may keep running. The zip is written beside the
/// target and renamed at the end, so a failed backup never leaves a half file under the name asked for.
/// </summary>
public sealed class CreateBackup(HubDbContext db, DatabaseOptions database, DatabaseConnection connection, IFileStore store, TimeProvider time)
{
    public async Task<(bool Ok, string Message)> RunAsync(string outFile, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(outFile);
        if (!database.IsPostgres && !File.Exists(new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource))
        {
            return (false, CliWords.T["Cli.Backup.NoDatabase"]);
        }
        if (await store.ProblemAsync(cancellationToken) is { } problem)
        {
            return (false, CliWords.T["Cli.Backup.NothingBackedUp", problem]);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        var scratch = Directory.CreateTempSubdirectory("hub-backup-");
        try
        {
            string entry, dump;
            if (database.IsPostgres)
            {
                (entry, dump) = (BackupFormat.PostgresEntry, Path.Combine(scratch.FullName, "hub.pgdump"));
                var (exit, error) = await BackupFormat.RunPostgresToolAsync("pg_dump", connection.ConnectionString,
                    ["--format=custom", "--no-owner", "--no-privileges", "--file", dump], cancellationToken);
                if (exit != 0)
                {
                    return (false, CliWords.T["Cli.Backup.PgDumpFailed", exit, error]);
                }
            }
            else
            {
                (entry, dump) = (BackupFormat.SqliteEntry, Path.Combine(scratch.FullName, "hub.db"));
                // SQLite's online backup copies a consistent state even while the hub writes (WAL).
                await using var source = new SqliteConnection(connection.ConnectionString);
                await source.OpenAsync(cancellationToken);
                await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dump, Pooling = false }.ConnectionString);
                await copy.OpenAsync(cancellationToken);
                source.BackupDatabase(copy);
            }
            var lastMigration = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();
            var files = new List<StoredFileInfo>();
            await foreach (var file in store.ListAsync("", cancellationToken))
            {
                // A backup written into the data folder is not a file of the store (nor is the one being written).
                if (store is not LocalFileStore local || !local.PathOf(file.Key).StartsWith(target, StringComparison.Ordinal))
                {
                    files.Add(file);
                }
            }
            await using (var stream = File.Create(partial))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                var manifest = new BackupFormat.Manifest(BackupFormat.Name, BackupFormat.Version, database.IsPostgres ? "postgres" : "sqlite",
                    time.GetUtcNow().UtcDateTime, lastMigration, files.Count);
                await using (var m = zip.CreateEntry("manifest.json").Open())
                {
                    await JsonSerializer.SerializeAsync(m, manifest, BackupFormat.Json, cancellationToken);
                }
                zip.CreateEntryFromFile(dump, entry, CompressionLevel.Optimal);
                foreach (var file in files)
                {
                    await using var stored = await store.OpenAsync(file.Key, cancellationToken);
                    if (stored is null)
                    {
                        continue; // removed since it was listed (a replaced photo): the backup holds what is still there
                    }
                    var copy = zip.CreateEntry(BackupFormat.FilesPrefix + file.Key, CompressionLevel.Fastest);
                    copy.LastWriteTime = file.LastModified;
                    await using var into = copy.Open();
                    await stored.Content.CopyToAsync(into, cancellationToken);
                }
            }
            File.Move(partial, target, overwrite: true);
            return (true, CliWords.T["Cli.Backup.Done", database.IsPostgres ? "PostgreSQL" : "SQLite", files.Count, store.Description, target]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(partial);
            scratch.Delete(recursive: true);
        }
    }
}
