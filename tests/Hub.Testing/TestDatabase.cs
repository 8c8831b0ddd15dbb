using Npgsql;

namespace Microsolidarity.Hub.Testing;

/// <summary>
/// The database a test runs against, chosen by HUB_TEST_PROVIDER (sqlite, the default, or postgres).
/// For PostgreSQL each instance is a new database on the server in HUB_TEST_POSTGRES, which
/// ./test.sh starts on a free loopback port; it is dropped afterwards.
/// A migrated database is a copy of <see cref="MigratedTemplate"/>: the hub's own <c>migrate</c> verb runs
/// once per test process, and every test hub starts from a copy of its result instead of replaying every
/// migration (a copied file for SQLite, <c>CREATE DATABASE … TEMPLATE</c> for PostgreSQL).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public string Provider { get; }

    /// <summary>Empty for SQLite: the hub then keeps hub.db in its data directory.</summary>
    public string ConnectionString { get; }

    private readonly string? serverConnectionString;
    private readonly string? databaseName;

    private readonly bool migrated;

    private TestDatabase(string provider, string connectionString, string? server, string? name, bool migrated) =>
        (Provider, ConnectionString, serverConnectionString, databaseName, this.migrated) = (provider, connectionString, server, name, migrated);

    public static string ProviderUnderTest =>
        (Environment.GetEnvironmentVariable("HUB_TEST_PROVIDER") ?? "sqlite").Trim().ToLowerInvariant();

    public bool IsPostgres => Provider == "postgres";

    /// <param name="migrated">
    /// Start from the current schema (a copy of the template) rather than an empty database: for tests of
    /// what the hub does, not of how it migrates.
    /// </param>
    public static async Task<TestDatabase> CreateAsync(bool migrated = false)
    {
        if (ProviderUnderTest == "sqlite")
        {
            if (migrated)
            {
                await MigratedTemplate.SqliteFileAsync(); // made now, so a broken migration fails here, clearly
            }
            return new TestDatabase("sqlite", "", null, null, migrated);
        }
        if (ProviderUnderTest != "postgres")
        {
            throw new InvalidOperationException($"HUB_TEST_PROVIDER is '{ProviderUnderTest}'; use sqlite or postgres.");
        }
        var server = PostgresServer;
        var name = migrated
            ? await PostgresCopies.TakeAsync(server)
            : await CreatePostgresAsync(server, template: null);
        return new TestDatabase("postgres", ConnectionStringFor(server, name), server, name, migrated);
    }

    private static async Task<string> CreatePostgresAsync(string server, string? template)
    {
        var name = PostgresName("hub_test");
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>A database name that says which test process made it: hub_test_p1234_…</summary>
    internal static string PostgresName(string prefix) => $"{prefix}_p{Environment.ProcessId}_{Guid.NewGuid():N}";

    /// <summary>
    /// Drops the databases of earlier test processes that are no longer running. A test process drops its own
    /// on the way out, but the test runner may end it before it has (and a run that is killed never does), so
    /// the next run on the same server tidies up; databases of runs still going are left alone.
    /// </summary>
    internal static async Task DropLeftoversAsync(NpgsqlConnection connection)
    {
        var names = new List<string>();
        await using (var list = new NpgsqlCommand(@"SELECT datname FROM pg_database WHERE datname ~ '^hub_(test|template)_p[0-9]+_'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }
        foreach (var name in names.Where(n => !IsRunning(int.Parse(n.Split('_')[2][1..], System.Globalization.CultureInfo.InvariantCulture))))
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task DropPostgresAsync(string server, string name)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Copies of the migrated template made a little ahead of the tests that take them, and dropped behind them:
    /// copying a database takes the server a few tenths of a second, mostly writing files, which a test then
    /// no longer waits for while its neighbour's hub keeps the processor busy. Every copy is still used once.
    /// </summary>
    private static class PostgresCopies
    {
        private const int Ahead = 2;
        private static readonly Lock Gate = new();
        private static readonly Queue<Task<string>> Ready = new();
        private static readonly List<Task> Dropping = [];
        private static bool exitHooked;

        public static Task<string> TakeAsync(string server)
        {
            lock (Gate)
            {
                if (!exitHooked)
                {
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => Finish(server);
                    exitHooked = true;
                }
                while (Ready.Count < Ahead + 1)
                {
                    Ready.Enqueue(Task.Run(async () => await CreatePostgresAsync(server, await MigratedTemplate.PostgresDatabaseAsync())));
                }
                return Ready.Dequeue();
            }
        }

        public static void Drop(string server, string name)
        {
            lock (Gate)
            {
                Dropping.RemoveAll(t => t.IsCompleted);
                Dropping.Add(Task.Run(() => DropPostgresAsync(server, name)));
            }
        }

        /// <summary>At the end of the run: the drops still going finish, and the copies no test took are dropped.</summary>
        private static void Finish(string server)
        {
            Task[] pending;
            lock (Gate)
            {
                pending = [.. Dropping, .. Ready.Select(async copy => await DropPostgresAsync(server, await copy))];
                Ready.Clear();
            }
            try
            {
                Task.WaitAll(pending, TimeSpan.FromSeconds(30));
            }
            catch (AggregateException)
            {
                // The server may already be stopping with the test run; it is thrown away with it.
            }
        }
    }

    internal static string PostgresServer
    {
        get
        {
            var server = Environment.GetEnvironmentVariable("HUB_TEST_POSTGRES");
            return string.IsNullOrWhiteSpace(server)
                ? throw new InvalidOperationException(
                    "HUB_TEST_PROVIDER=postgres needs HUB_TEST_POSTGRES, a connection string to a server tests may create databases on. " +
                    "./test.sh starts one (apt-get install postgresql provides initdb and pg_ctl).")
                : server;
        }
    }

    internal static string ConnectionStringFor(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    /// <summary>
    /// Puts the database where the hub will look for it: for a migrated SQLite database, a copy of the
    /// template's file in the hub's data directory. PostgreSQL databases live on the server already.
    /// </summary>
    public async Task PrepareDataDirectoryAsync(string dataDirectory)
    {
        if (IsPostgres || !migrated)
        {
            return;
        }
        Directory.CreateDirectory(dataDirectory);
        var template = await MigratedTemplate.SqliteFileAsync();
        foreach (var suffix in MigratedTemplate.SqliteFileSuffixes)
        {
            if (File.Exists(template + suffix))
            {
                File.Copy(template + suffix, Path.Combine(dataDirectory, "hub.db" + suffix));
            }
        }
    }

    /// <summary>
    /// Runs one statement on a running hub's database from outside it, for a journey that needs a state only time
    /// would bring (a meeting that has happened); the browser goes on from there as people would. A statement for
    /// each provider, since each writes dates its own way. Returns the rows changed.
    /// </summary>
    /// <param name="dataDirectory">The hub's data folder, where SQLite's hub.db is.</param>
    public async Task<int> ExecuteAsync(string dataDirectory, string sqlite, string postgres)
    {
        if (IsPostgres)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(postgres, connection);
            return await command.ExecuteNonQueryAsync();
        }
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "hub.db"),
            Pooling = false,
            DefaultTimeout = 30, // the hub may be writing at the same moment: wait for its lock rather than fail
        };
        await using var sqliteConnection = new Microsoft.Data.Sqlite.SqliteConnection(file.ConnectionString);
        await sqliteConnection.OpenAsync();
        await using var sqliteCommand = sqliteConnection.CreateCommand();
        sqliteCommand.CommandText = sqlite;
        return await sqliteCommand.ExecuteNonQueryAsync();
    }

    /// <summary>Settings that point the hub at this database, as configuration keys.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings()
    {
        yield return new("Database:Provider", Provider);
        if (IsPostgres)
        {
            yield return new("ConnectionStrings:Hub", ConnectionString);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (serverConnectionString is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        if (migrated)
        {
            PostgresCopies.Drop(serverConnectionString, databaseName!);
            return;
        }
        await DropPostgresAsync(serverConnectionString, databaseName!);
    }
}
