using System.Data.Common;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform.Data;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// Reads and writes the handbook's one <see cref="HandbookInfo"/> row (sidebar, redirects, title, licence)
/// inside the import's transaction, with plain SQL like the import's other rows (<see cref="HandbookPageRows"/>).
/// </summary>
internal static class HandbookInfoRow
{
    private static readonly (string Column, Func<HandbookInfo, object?> Value)[] Columns =
    [
        ("Title", i => i.Title),
        ("Source", i => i.Source),
        ("SourceIsGit", i => i.SourceIsGit),
        ("EditUrlPrefix", i => i.EditUrlPrefix),
        ("NavigationJson", i => i.NavigationJson),
        ("RedirectsJson", i => i.RedirectsJson),
        ("Author", i => i.Author),
        ("LicenceName", i => i.LicenceName),
        ("LicenceUrl", i => i.LicenceUrl),
        ("ImportedAt", i => i.ImportedAt),
    ];

    /// <summary>The first row (the one readers are shown), or null before the first import.</summary>
    public static async Task<HandbookInfo?> ReadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancel)
    {
        await using var command = PlainConnections.Command(connection, transaction,
            "SELECT \"Id\", \"Title\", \"Source\", \"SourceIsGit\", \"EditUrlPrefix\", \"NavigationJson\", \"RedirectsJson\", \"Author\", \"LicenceName\", \"LicenceUrl\" " +
            "FROM \"Handbooks\" ORDER BY \"Id\" LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancel);
        if (!await reader.ReadAsync(cancel))
        {
            return null;
        }
        return new HandbookInfo
        {
            Id = reader.GetInt32(0),
            Title = reader.GetString(1),
            Source = reader.GetString(2),
            SourceIsGit = reader.GetBoolean(3),
            EditUrlPrefix = reader.IsDBNull(4) ? null : reader.GetString(4),
            NavigationJson = reader.GetString(5),
            RedirectsJson = reader.GetString(6),
            Author = reader.GetString(7),
            LicenceName = reader.GetString(8),
            LicenceUrl = reader.GetString(9),
        };
    }

    /// <summary>Adds the row when it is new (<see cref="HandbookInfo.Id"/> 0), else writes every column of it.</summary>
    public static async Task SaveAsync(DbConnection connection, DbTransaction transaction, HandbookInfo info, CancellationToken cancel)
    {
        var sql = info.Id == 0
            ? $"INSERT INTO \"Handbooks\" ({string.Join(", ", Columns.Select(c => $"\"{c.Column}\""))}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c.Column))})"
            : $"UPDATE \"Handbooks\" SET {string.Join(", ", Columns.Select(c => $"\"{c.Column}\" = @{c.Column}"))} WHERE \"Id\" = @Id";
        await using var command = PlainConnections.Command(connection, transaction, sql, [.. Columns.Select(c => (c.Column, c.Value(info))), ("Id", info.Id)]);
        await command.ExecuteNonQueryAsync(cancel);
    }
}
