using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Microsolidarity.Hub.Platform.Data;

/// <summary>
/// Connections to the hub's database without EF Core, for work that a short command runs once: EF's first use
/// in a process (its internal service provider, the compiled model's construction, the compilation of each
/// LINQ query) cost a one-page handbook import more than a second of CPU, far more than its SQL
/// (docs/benchmarks.md). The connection string and the pools are EF's own (the same <see cref="DatabaseConnection"/>),
/// and SQLite gets the same per-connection settings (<see cref="SqlitePragmas"/>). SQL written for these
/// connections quotes every name (<c>"Table"</c>) and names parameters <c>@name</c>, which both databases read alike.
/// </summary>
public sealed class PlainConnections(DatabaseOptions options, DatabaseConnection connection)
{
    public bool IsSqlite => options.IsSqlite;

    /// <summary>An open connection; the caller disposes it (which returns it to the pool).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancel = default)
    {
        DbConnection opened = options.IsPostgres ? new NpgsqlConnection(connection.ConnectionString) : new SqliteConnection(connection.ConnectionString);
        try
        {
            await opened.OpenAsync(cancel);
            if (opened is SqliteConnection sqlite)
            {
                await SqlitePragmas.ApplyOnceAsync(sqlite, options.SqliteBusyTimeoutMs, cancel);
            }
            return opened;
        }
        catch
        {
            await opened.DisposeAsync();
            throw;
        }
    }

    /// <summary>A command with its parameters, in the transaction if there is one (SQLite refuses a command outside the open one).</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Parameter(command, name).Value = value ?? DBNull.Value;
        }
        return command;
    }

    /// <summary>Adds a parameter named <c>@name</c>, to be given its value later (a command reused for many rows).</summary>
    public static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
