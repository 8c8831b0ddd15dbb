using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Data;

namespace Microsolidarity.Hub.Features.Handbook;

public sealed record SearchHit(string Path, string Title, string SnippetHtml);

/// <summary>
/// Full-text search over the handbook with English stemming: SQLite FTS5 (porter) or PostgreSQL
/// (to_tsvector('english')), ranked, with the matched words marked in a snippet.
/// </summary>
public sealed class HandbookSearch(HubDbContext db)
{
    private const char Start = '\u0001';
    private const char Stop = '\u0002';

    public static async Task ReindexAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancel)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection)
        {
            return; // PostgreSQL searches the pages table itself, through an expression index.
        }
        await using var empty = PlainConnections.Command(connection, transaction, "DELETE FROM HandbookSearch");
        await empty.ExecuteNonQueryAsync(cancel);
        await using var fill = PlainConnections.Command(connection, transaction,
            "INSERT INTO HandbookSearch (Path, Title, Body) SELECT Path, Title, PlainText FROM HandbookPages WHERE NOT Hidden");
        await fill.ExecuteNonQueryAsync(cancel);
    }

    public async Task<IReadOnlyList<SearchHit>> RunAsync(string query, int limit = 30, CancellationToken cancel = default)
    {
        var words = Words(query).Take(12).ToList();
        if (words.Count == 0)
        {
            return [];
        }
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancel);
        try
        {
            await using var command = connection.CreateCommand();
            if (db.Database.IsSqlite())
            {
                // Each word quoted (no FTS syntax from readers), the last one as a prefix for search as you type.
                command.CommandText = """
                    SELECT Path, Title, snippet(HandbookSearch, 2, char(1), char(2), '…', 16)
                    FROM HandbookSearch WHERE HandbookSearch MATCH $q ORDER BY bm25(HandbookSearch, 0.0, 5.0, 1.0) LIMIT $limit
                    """;
                Add(command, "$q", string.Join(' ', words.Select((w, i) => $"\"{w}\"" + (i == words.Count - 1 ? "*" : ""))));
            }
            else
            {
                command.CommandText = """
                    SELECT "Path", "Title", ts_headline('english', "PlainText", q, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=12')
                    FROM "HandbookPages", to_tsquery('english', @q) AS q
                    WHERE NOT "Hidden" AND to_tsvector('english', "Title" || ' ' || "PlainText") @@ q
                    ORDER BY ts_rank(setweight(to_tsvector('english', "Title"), 'A') || to_tsvector('english', "PlainText"), q) DESC
                    LIMIT @limit
                    """;
                // Letters and digits only, so no reader's text is tsquery syntax; every word must match, the last as a prefix.
                var terms = words.Select(w => new string([.. w.Where(char.IsLetterOrDigit)])).Where(w => w.Length > 0).ToList();
                if (terms.Count == 0)
                {
                    return [];
                }
                Add(command, "@q", string.Join(" & ", terms.Select((w, i) => i == terms.Count - 1 ? w + ":*" : w)));
            }
            Add(command, command.CommandText.Contains("$limit") ? "$limit" : "@limit", limit);
            var hits = new List<SearchHit>();
            await using var reader = await command.ExecuteReaderAsync(cancel);
            while (await reader.ReadAsync(cancel))
            {
                hits.Add(new(reader.GetString(0), reader.GetString(1), Highlight(reader.IsDBNull(2) ? "" : reader.GetString(2))));
            }
            return hits;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static readonly char[] Separators = [' ', '"', '\'', '(', ')', '*', ':', '^', '-', '+', '.', ',', ';', '?', '!'];

    /// <summary>
    /// The reader's words, without FTS syntax and without control characters: FTS5 reads its query
    /// as a C string, so a NUL byte would end it mid-quote ("unterminated string").
    /// </summary>
    internal static IEnumerable<string> Words(string query) =>
        new string([.. query.Select(c => char.IsControl(c) || char.IsWhiteSpace(c) || Separators.Contains(c) ? ' ' : c)])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The snippet is plain text: escape it, then turn the markers into &lt;mark&gt;.</summary>
    private static string Highlight(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(Start.ToString(), "<mark>").Replace(Stop.ToString(), "</mark>");
}
