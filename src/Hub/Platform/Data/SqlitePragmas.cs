using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Microsolidarity.Hub.Platform.Data;

/// <summary>
/// Per-connection SQLite settings: wait for locks instead of failing at once (several requests write
/// at the same time), and enforce foreign keys. WAL itself is set once on the file, at start.
/// The settings live as long as the native connection, which the pool keeps open across requests,
/// while EF opens and closes its connection object around every query: so they are applied once per
/// native connection, not once per query (that cost a third of a signed-in page's time).
/// </summary>
internal sealed class SqlitePragmas(int busyTimeoutMs) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Applied = [];

    private string Sql => Settings(busyTimeoutMs);

    private static string Settings(int busyTimeoutMs) => $"PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The same settings for a connection opened without EF (<see cref="PlainConnections"/>), once per native connection too.</summary>
    public static async Task ApplyOnceAsync(SqliteConnection connection, int busyTimeoutMs, CancellationToken cancel)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Settings(busyTimeoutMs);
            await command.ExecuteNonQueryAsync(cancel);
        }
    }

    /// <summary>True the first time this native connection is seen (then it is remembered until it is freed).</summary>
    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Applied.TryAdd(handle, handle);
}
