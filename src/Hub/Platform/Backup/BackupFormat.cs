using System.Diagnostics;
using Npgsql;
using Microsolidarity.Hub.Platform.Cli;

namespace Microsolidarity.Hub.Platform.Backup;

/// <summary>
/// One backup is one zip: <c>manifest.json</c>, the database (<c>database/hub.db</c>, a consistent copy
/// made with SQLite's online backup, or <c>database/hub.pgdump</c>, pg_dump's custom format), and
/// <c>files/</c>, every file of the file store under its key (photos, covers, audio, handbook files and
/// exports), whichever store it is: the data folder or an object store. A backup made with one store
/// restores into the other. What the data folder keeps for one node alone is left out
/// (<see cref="Files.LocalFileStore.IsNodeLocal"/>): the development mailbox, the handbook's git clone and
/// downloaded remote images can be made again.
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

    /// <summary>Never restored into the store: not a key, or something of one node's data folder (the live database above all).</summary>
    public static bool IsSkipped(string relative) => !Files.FileKeys.IsValid(relative) || Files.LocalFileStore.IsNodeLocal(relative);

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
            return (127, CliWords.T["Cli.Backup.ToolMissing", tool]);
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
