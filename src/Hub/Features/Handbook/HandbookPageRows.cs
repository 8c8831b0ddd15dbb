using System.Data.Common;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform.Data;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// Writes an import's pages as rows, with one command reused for every row inside the import's transaction
/// (SQLite keeps the statement prepared between executions; Npgsql prepares it automatically). EF's
/// SaveChanges sends one <c>INSERT ... RETURNING</c> per page on SQLite, with its change-tracking
/// bookkeeping around each, and that was most of an import's time; these rows need none of it: nothing
/// reads their ids back, and the import clears the handbook's caches after its commit.
/// The column and parameter spelling (<c>"Quoted"</c>, <c>@name</c>) is the same on SQLite and PostgreSQL.
/// </summary>
internal static class HandbookPageRows
{
    private static readonly (string Column, Func<HandbookPage, object?> Value)[] Columns =
    [
        ("SourcePath", p => p.SourcePath),
        ("Path", p => p.Path),
        ("Title", p => p.Title),
        ("Description", p => p.Description),
        ("Cover", p => p.Cover),
        ("Hidden", p => p.Hidden),
        ("Markdown", p => p.Markdown),
        ("Html", p => p.Html),
        ("PlainText", p => p.PlainText),
        ("Outline", p => p.Outline),
        ("Order", p => p.Order),
        ("ParentPath", p => p.ParentPath),
        ("InSummary", p => p.InSummary),
        ("Author", p => p.Author),
        ("ContentHash", p => p.ContentHash),
        ("UpdatedAt", p => p.UpdatedAt),
        ("ImportedAt", p => p.ImportedAt),
    ];

    private static readonly string InsertSql =
        $"INSERT INTO \"HandbookPages\" ({string.Join(", ", Columns.Select(c => $"\"{c.Column}\""))}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c.Column))})";

    private static readonly string UpdateSql =
        $"UPDATE \"HandbookPages\" SET {string.Join(", ", Columns.Select(c => $"\"{c.Column}\" = @{c.Column}"))} WHERE \"Id\" = @Id";

    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<HandbookPage> pages, CancellationToken cancel) =>
        WriteAsync(connection, transaction, pages, InsertSql, withId: false, cancel);

    /// <summary>Each page replaces the row with its <see cref="HandbookPage.Id"/>.</summary>
    public static Task UpdateAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<HandbookPage> pages, CancellationToken cancel) =>
        WriteAsync(connection, transaction, pages, UpdateSql, withId: true, cancel);

    private static async Task WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<HandbookPage> pages, string sql, bool withId, CancellationToken cancel)
    {
        if (pages.Count == 0)
        {
            return;
        }
        await using var command = PlainConnections.Command(connection, transaction, sql);
        var parameters = Columns.Select(c => PlainConnections.Parameter(command, c.Column)).ToArray();
        var id = withId ? PlainConnections.Parameter(command, "Id") : null;
        foreach (var page in pages)
        {
            cancel.ThrowIfCancellationRequested();
            for (var i = 0; i < Columns.Length; i++)
            {
                parameters[i].Value = Columns[i].Value(page) ?? DBNull.Value;
            }
            if (id is not null)
            {
                id.Value = page.Id;
            }
            await command.ExecuteNonQueryAsync(cancel);
        }
    }
}
