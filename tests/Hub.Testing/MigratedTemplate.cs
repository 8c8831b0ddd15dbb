using Npgsql;

namespace Microsolidarity.Hub.Testing;

/// <summary>
/// One database per test process brought to the current schema by the hub's real <c>migrate</c> verb
/// (the same executable and migrations a host runs), which test databases are then copied from.
/// Replaying every migration for each of some 200 test hubs per provider was most of what a hub's start
/// cost in the suite. Tests of migrating itself (the CLI tests) ask for an empty database instead.
/// </summary>
public static class MigratedTemplate
{
    /// <summary>A SQLite database in WAL mode is the file and, until checkpointed, its -wal and -shm companions.</summary>
    public static readonly string[] SqliteFileSuffixes = ["", "-wal", "-shm"];

    private static readonly Lazy<Task<string>> sqlite = new(CreateSqliteAsync);
    private static readonly Lazy<Task<string>> postgres = new(CreatePostgresAsync);

    /// <summary>The migrated hub.db (its path); copy it, never open it.</summary>
    public static Task<string> SqliteFileAsync() => sqlite.Value;

    /// <summary>The name of the migrated database on the test server; nobody connects to it after migrating.</summary>
    public static Task<string> PostgresDatabaseAsync() => postgres.Value;

    /// <summary>
    /// A new working folder for the hub's executable (<see cref="HubProcess"/>) whose data folder already holds a
    /// copy of the migrated SQLite database, for tests of what the hub does rather than of how it migrates
    /// (the browser journeys). Replaying every migration cost each journey about 4 s of CPU; the first start
    /// (the administrator's credentials, demo content where asked) still happens, since it does not belong
    /// to migrating.
    /// </summary>
    public static async Task<string> NewHubFolderAsync(string prefix)
    {
        var template = await SqliteFileAsync();
        var folder = TestPaths.NewTemporaryDirectory(prefix);
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(data);
        foreach (var suffix in SqliteFileSuffixes)
        {
            if (File.Exists(template + suffix))
            {
                File.Copy(template + suffix, Path.Combine(data, "hub.db" + suffix));
            }
        }
        return folder;
    }

    private static async Task<string> CreateSqliteAsync()
    {
        var folder = TestPaths.NewTemporaryDirectory("hub-template");
        await MigrateAsync(folder, new Dictionary<string, string> { ["Database:Provider"] = "sqlite" });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return Path.Combine(folder, "data", "hub.db");
    }

    private static async Task<string> CreatePostgresAsync()
    {
        var server = TestDatabase.PostgresServer;
        var name = TestDatabase.PostgresName("hub_template");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await TestDatabase.DropLeftoversAsync(connection);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var folder = TestPaths.NewTemporaryDirectory("hub-template");
        await MigrateAsync(folder, new Dictionary<string, string>
        {
            ["Database:Provider"] = "postgres",
            // No pooling: CREATE DATABASE … TEMPLATE refuses while any session is connected to the template.
            ["ConnectionStrings:Hub"] = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionStringFor(server, name)) { Pooling = false }.ConnectionString,
        });
        TryDelete(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                using var connection = new NpgsqlConnection(server);
                connection.Open();
                using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                command.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The server may already be stopping with the test run; it is thrown away with it.
            }
        };
        return name;
    }

    private static async Task MigrateAsync(string folder, Dictionary<string, string> settings)
    {
        var (exit, output) = await HubProcess.RunToEndAsync(folder, settings, "migrate");
        if (exit != 0)
        {
            throw new InvalidOperationException($"The hub could not migrate the template database (exit {exit}):\n{output}");
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
