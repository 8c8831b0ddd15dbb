using System.Data.Common;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform.Data;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// Stores an import's row (<see cref="HandbookImport"/>) without EF, every column at once as EF's
/// <c>Add</c> and <c>Update</c> did: the claim adds it and the import writes its outcome, each once per run,
/// and on the command line EF's first use would cost more than the whole import (docs/benchmarks.md).
/// </summary>
internal static class HandbookImportRows
{
    private static readonly (string Column, Func<HandbookImport, object?> Value)[] Columns =
    [
        ("Source", i => i.Source),
        ("StartedAt", i => i.StartedAt),
        ("FinishedAt", i => i.FinishedAt),
        ("Succeeded", i => i.Succeeded),
        ("PagesAdded", i => i.PagesAdded),
        ("PagesChanged", i => i.PagesChanged),
        ("PagesRemoved", i => i.PagesRemoved),
        ("PagesUnchanged", i => i.PagesUnchanged),
        ("Changes", i => i.Changes),
        ("Problems", i => i.Problems),
        ("ProblemCount", i => i.ProblemCount),
        ("Trigger", i => i.Trigger),
        ("Stage", i => i.Stage),
        ("FilesRead", i => i.FilesRead),
        ("FilesTotal", i => i.FilesTotal),
        ("PagesRendered", i => i.PagesRendered),
        ("PagesTotal", i => i.PagesTotal),
        ("CancelRequested", i => i.CancelRequested),
        ("Cancelled", i => i.Cancelled),
    ];

    private static readonly string InsertSql =
        $"INSERT INTO \"HandbookImports\" ({string.Join(", ", Columns.Select(c => $"\"{c.Column}\""))}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c.Column))}) RETURNING \"Id\"";

    private static readonly string UpdateSql =
        $"UPDATE \"HandbookImports\" SET {string.Join(", ", Columns.Select(c => $"\"{c.Column}\" = @{c.Column}"))} WHERE \"Id\" = @Id";

    /// <summary>Adds the row and sets <see cref="HandbookImport.Id"/> to the id the database gave it.</summary>
    public static async Task InsertAsync(DbConnection connection, DbTransaction? transaction, HandbookImport record, CancellationToken cancel)
    {
        await using var command = Command(connection, transaction, InsertSql, record);
        record.Id = Convert.ToInt32(await command.ExecuteScalarAsync(cancel), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Writes every column of the row with the record's <see cref="HandbookImport.Id"/>.</summary>
    public static async Task UpdateAsync(DbConnection connection, DbTransaction? transaction, HandbookImport record, CancellationToken cancel)
    {
        await using var command = Command(connection, transaction, UpdateSql, record);
        PlainConnections.Parameter(command, "Id").Value = record.Id;
        await command.ExecuteNonQueryAsync(cancel);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, HandbookImport record) =>
        PlainConnections.Command(connection, transaction, sql, [.. Columns.Select(c => (c.Column, c.Value(record)))]);
}
