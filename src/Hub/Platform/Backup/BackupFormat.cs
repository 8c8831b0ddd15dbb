using System.Diagnostics;
using Npgsql;

namespace Microsolidarity.Hub.Platform.Backup;

/// <summary>
/// One backup is one zip: <c>manifest.json</c>, the database (<c>database/hub.db</c>, a consistent copy
/// made with SQLite's online backup, or <c>database/hub.pgdump</c>, pg_dump's custom format), and
/// <c>files/</c>, everything the data folder holds besides the database (photos, handbook files, audio).
/// The development mailbox and the handbook's git clone are left out: they can be made again.
/// </summary>
internal static class BackupFormat
{
    public const string Name = "microsolidarity-hub-backup";
    public const int Version = 1;
    public static readonly System.Text.Json.JsonSerializerOptions Json = new() { WriteIndented = true };
    public const string SqliteEntry = "database/hub.db";
    public const string PostgresEntry = "database/hub.pgdump";
    public const string FilesPrefix = "files/";

    public sealed record Manifest(string Format, int Version, string Provider, DateTime CreatedAt, string? LastMigration, int Files);

    /// <summary>Folders under the data directory that are not backed up, relative, with forward slashes.</summary>
    public static readonly string[] Skipped = ["mail", "handbook/git"];

    public static bool IsDatabaseFile(string relative) =>
        relative is "hub.db" or "hub.db-wal" or "hub.db-shm" or "hub.db-journal";

    public static bool IsSkipped(string relative) =>
        IsDatabaseFile(relative) || Skipped.Any(s => relative == s || relative.StartsWith(s + "/", StringComparison.Ordinal));

    /// <summary>Runs pg_dump or pg_restore with the connection's settings in the environment, never on the command line.</summary>
    public static async Task<(int Exit, string Error)> RunPostgresToolAsync(string tool, string connectionString, IEnumerable<string> args,
        CancellationToken cancellationToken)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["PGHOST"] = c.Host ?? "localhost";
        start.Environment["PGPORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = c.Database ?? "";
        start.Environment["PGUSER"] = c.Username ?? "";
        if (!string.IsNullOrEmpty(c.Password))
        {
            start.Environment["PGPASSWORD"] = c.Password;
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (127, $"{tool} was not found. Install PostgreSQL's client tools (Debian: apt-get install postgresql-client) of the server's version.");
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, (await error).Trim() + (await output).Trim());
        }
    }
}
