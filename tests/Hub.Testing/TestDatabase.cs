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
        var template = migrated ? await MigratedTemplate.PostgresDatabaseAsync() : null;
        var name = $"hub_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
        return new TestDatabase("postgres", ConnectionStringFor(server, name), server, name, migrated);
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
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
