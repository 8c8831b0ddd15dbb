using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Every entry of every fund, oldest first, as CSV or JSON, for the treasurers' own books.
/// Contributors appear by an opaque pledge id only, never by name. Descriptions the hub wrote are in the treasurer's
/// language (<see cref="StoredWords"/>); the column names and values stay as machines read them.
/// </summary>
public sealed class ExportLedger(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public sealed record Line(Guid Id, string Fund, string Currency, string Amount, string Kind, string Description, string? Category,
        DateTime OccurredAtUtc, DateTime RecordedAtUtc, string RecordedBy, Guid? PledgeId, Guid? EventId, Guid? ProposalId, string? ExternalId, Guid? ReversesEntryId);

    public async Task<IReadOnlyList<Line>> LinesAsync(CancellationToken cancellationToken) =>
        (await EntriesAsync(cancellationToken)).Select(ToLine).ToList();

    private async Task<IReadOnlyList<LedgerEntry>> EntriesAsync(CancellationToken cancellationToken) =>
        (await db.LedgerEntries.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(e => e.OccurredAt).ThenBy(e => e.RecordedAt).ToList();

    private Line ToLine(LedgerEntry e) => new(e.Id, e.Fund, e.Currency, Money.Plain(e.AmountMinor), e.Kind.ToString(), StoredWords.Say(strings, e.Description), e.Category,
        e.OccurredAt, e.RecordedAt, e.RecordedBy, e.PledgeId, e.EventId, e.ProposalId, e.ExternalId, e.ReversesEntryId);

    /// <summary>
    /// Descriptions and categories come from people and from imported files, so they go through
    /// <see cref="SpreadsheetCsv"/>; the amount is written as a number, so the sheet can sum it.
    /// </summary>
    public async Task<byte[]> CsvAsync(CancellationToken cancellationToken)
    {
        using var csv = new SpreadsheetCsv("id", "fund", "currency", "amount", "kind", "description", "category", "occurredAtUtc", "recordedAtUtc",
            "recordedBy", "pledgeId", "eventId", "proposalId", "externalId", "reversesEntryId");
        foreach (var entry in await EntriesAsync(cancellationToken))
        {
            var line = ToLine(entry);
            csv.Text(line.Id.ToString()).Text(line.Fund).Text(line.Currency).Number(Money.ToDecimal(entry.AmountMinor), "0.00")
                .Text(line.Kind).Text(line.Description).Text(line.Category)
                .Text(line.OccurredAtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
                .Text(line.RecordedAtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
                .Text(line.RecordedBy).Text(line.PledgeId?.ToString()).Text(line.EventId?.ToString()).Text(line.ProposalId?.ToString())
                .Text(line.ExternalId).Text(line.ReversesEntryId?.ToString())
                .EndRow();
        }
        return csv.ToUtf8();
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public async Task<string> JsonAsync(CancellationToken cancellationToken) =>
        JsonSerializer.Serialize(await LinesAsync(cancellationToken), Json);
}
