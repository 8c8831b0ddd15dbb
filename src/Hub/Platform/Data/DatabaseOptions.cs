namespace Microsolidarity.Hub.Platform.Data;

/// <summary>Settings under <c>Database:</c>; the connection string is <c>ConnectionStrings:Hub</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Apply pending migrations when the hub starts. Turn off when a deploy step runs <c>hub migrate</c>.</summary>
    public bool MigrateAtStart { get; set; } = true;

    /// <summary>How long SQLite waits for a lock before giving up, in milliseconds.</summary>
    public int SqliteBusyTimeoutMs { get; set; } = 5000;

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, "sqlite", StringComparison.OrdinalIgnoreCase);
}
