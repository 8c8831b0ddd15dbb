using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Data;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Platform.Cli;

namespace Microsolidarity.Hub.Platform.Backup;

/// <summary>
/// <c>hub restore FILE</c>, with the hub stopped: puts back the database and the files of a backup, the
/// files into whichever store is configured now (the data folder, or an object store).
/// Everything is checked before anything is replaced (the manifest, the provider, the database copy
/// opens, the store answers), so a wrong or damaged file leaves the current data as it was.
/// </summary>
public sealed class RestoreBackup(DatabaseOptions database, DatabaseConnection connection, IOptions<HubOptions> hub, IFileStore store)
{
    public async Task<(bool Ok, string Message)> RunAsync(string file, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(file))
        {
            return (false, CliWords.T["Cli.Restore.NoFile", file]);
        }
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(file);
        }
        catch (InvalidDataException)
        {
            return (false, CliWords.T["Cli.Restore.NotZip", file]);
        }
        using (zip)
        {
            BackupFormat.Manifest? manifest = null;
            if (zip.GetEntry("manifest.json") is { } m)
            {
                await using var s = m.Open();
                try
                {
                    manifest = await JsonSerializer.DeserializeAsync<BackupFormat.Manifest>(s, cancellationToken: cancellationToken);
                }
                catch (JsonException)
                {
                }
            }
            if (manifest is not { Format: BackupFormat.Name })
            {
                return (false, CliWords.T["Cli.Restore.NoManifest", file]);
            }
            if (manifest.Version > BackupFormat.Version)
            {
                return (false, CliWords.T["Cli.Restore.Newer", manifest.Version]);
            }
            var here = database.IsPostgres ? "postgres" : "sqlite";
            if (manifest.Provider != here)
            {
                return (false, CliWords.T["Cli.Restore.OtherProvider", manifest.Provider, here]);
            }
            var entry = zip.GetEntry(database.IsPostgres ? BackupFormat.PostgresEntry : BackupFormat.SqliteEntry);
            if (entry is null)
            {
                return (false, CliWords.T["Cli.Restore.NoDatabase"]);
            }
            if (await store.ProblemAsync(cancellationToken) is { } problem)
            {
                return (false, CliWords.T["Cli.Restore.NothingRestored", problem]);
            }
            var scratch = Directory.CreateTempSubdirectory("hub-restore-");
            try
            {
                var copy = Path.Combine(scratch.FullName, Path.GetFileName(entry.FullName));
                entry.ExtractToFile(copy);
                var dataRoot = hub.Value.DataDirectoryFullPath;
                Directory.CreateDirectory(dataRoot);
                if (database.IsPostgres)
                {
                    // --clean --if-exists drops what the dump holds before creating it again, inside one transaction.
                    var (exit, error) = await BackupFormat.RunPostgresToolAsync("pg_restore", connection.ConnectionString,
                        ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--dbname", new Npgsql.NpgsqlConnectionStringBuilder(connection.ConnectionString).Database ?? "", copy],
                        cancellationToken);
                    if (exit != 0)
                    {
                        return (false, CliWords.T["Cli.Restore.PgRestoreFailed", exit, error]);
                    }
                }
                else
                {
                    var check = await CheckSqliteAsync(copy, cancellationToken);
                    if (check is not null)
                    {
                        return (false, check);
                    }
                    var live = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
                    SqliteConnection.ClearAllPools();
                    foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
                    {
                        File.Delete(live + suffix); // pages of the old database must not be replayed onto the restored one
                    }
                    File.Move(copy, live, overwrite: true);
                }
                var restored = 0;
                var types = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
                foreach (var f in zip.Entries.Where(e => e.FullName.StartsWith(BackupFormat.FilesPrefix, StringComparison.Ordinal) && e.Name != ""))
                {
                    var key = f.FullName[BackupFormat.FilesPrefix.Length..];
                    if (BackupFormat.IsSkipped(key))
                    {
                        continue; // nothing outside the store's folder or bucket, and never the live database
                    }
                    await using var content = f.Open();
                    await store.PutAsync(key, content, types.TryGetContentType(key, out var type) ? type : "application/octet-stream", cancellationToken);
                    restored++;
                }
                return (true, CliWords.T["Cli.Restore.Done", here, manifest.CreatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), restored, store.Description]);
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
        }
    }

    private static async Task<string?> CheckSqliteAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
            await c.OpenAsync(cancellationToken);
            await using var command = c.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
            return result == "ok" ? null : $"The database in the backup is damaged ({result}); nothing was changed.";
        }
        catch (SqliteException e)
        {
            return $"The database in the backup cannot be read ({e.Message}); nothing was changed.";
        }
    }
}
