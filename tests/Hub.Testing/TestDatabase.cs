using Npgsql;

namespace Microsolidarity.Hub.Testing;

/// <summary>
/// The database a test runs against, chosen by HUB_TEST_PROVIDER (sqlite, the default, or postgres).
/// For PostgreSQL each instance is a new database on the server in HUB_TEST_POSTGRES, which
/// ./test.sh starts on a free loopback port; it is dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public string Provider { get; }

    /// <summary>Empty for SQLite: the hub then keeps hub.db in its data directory.</summary>
    public string ConnectionString { get; }

    private readonly string? serverConnectionString;
    private readonly string? databaseName;

    private TestDatabase(string provider, string connectionString, string? server, string? name) =>
        (Provider, ConnectionString, serverConnectionString, databaseName) = (provider, connectionString, server, name);

    public static string ProviderUnderTest =>
        (Environment.GetEnvironmentVariable("HUB_TEST_PROVIDER") ?? "sqlite").Trim().ToLowerInvariant();

    public bool IsPostgres => Provider == "postgres";

    public static async Task<TestDatabase> CreateAsync()
    {
        if (ProviderUnderTest == "sqlite")
        {
            return new TestDatabase("sqlite", "", null, null);
        }
        if (ProviderUnderTest != "postgres")
        {
            throw new InvalidOperationException($"HUB_TEST_PROVIDER is '{ProviderUnderTest}'; use sqlite or postgres.");
        }
        var server = Environment.GetEnvironmentVariable("HUB_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                "HUB_TEST_PROVIDER=postgres needs HUB_TEST_POSTGRES, a connection string to a server tests may create databases on. " +
                "./test.sh starts one (apt-get install postgresql provides initdb and pg_ctl).");
        }
        var name = $"hub_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase("postgres", builder.ConnectionString, server, name);
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
