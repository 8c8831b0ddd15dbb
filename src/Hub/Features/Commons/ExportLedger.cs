using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Every entry of every fund, oldest first, as CSV or JSON, for the treasurers' own books.
/// Contributors appear by an opaque pledge id only, never by name.
/// </summary>
public sealed class ExportLedger(HubDbContext db)
{
    public sealed record Line(Guid Id, string Fund, string Currency, string Amount, string Kind, string Description, string? Category,
        DateTime OccurredAtUtc, DateTime RecordedAtUtc, string RecordedBy, Guid? PledgeId, Guid? EventId, Guid? ProposalId, string? ExternalId, Guid? ReversesEntryId);

    public async Task<IReadOnlyList<Line>> LinesAsync(CancellationToken cancellationToken)
    {
        var entries = await db.LedgerEntries.AsNoTracking().ToListAsync(cancellationToken);
        return entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.RecordedAt)
            .Select(e => new Line(e.Id, e.Fund, e.Currency, Money.Plain(e.AmountMinor), e.Kind.ToString(), e.Description, e.Category,
                e.OccurredAt, e.RecordedAt, e.RecordedBy, e.PledgeId, e.EventId, e.ProposalId, e.ExternalId, e.ReversesEntryId)).ToList();
    }

    public async Task<string> CsvAsync(CancellationToken cancellationToken)
    {
        var builder = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = CsvWriter.Create(builder, new CsvWriterOptions(), false))
        {
            string[] header = ["id", "fund", "currency", "amount", "kind", "description", "category", "occurredAtUtc", "recordedAtUtc", "recordedBy", "pledgeId", "eventId", "proposalId", "externalId", "reversesEntryId"];
            foreach (var name in header)
            {
                writer.WriteField(name);
            }
            writer.EndRecord();
            foreach (var line in await LinesAsync(cancellationToken))
            {
                foreach (var value in new[] { line.Id.ToString(), line.Fund, line.Currency, line.Amount, line.Kind, line.Description, line.Category,
                    line.OccurredAtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), line.RecordedAtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    line.RecordedBy, line.PledgeId?.ToString(), line.EventId?.ToString(), line.ProposalId?.ToString(), line.ExternalId, line.ReversesEntryId?.ToString() })
                {
                    writer.WriteField(value);
                }
                writer.EndRecord();
            }
        }
        return builder.ToString();
    }

    public async Task<string> JsonAsync(CancellationToken cancellationToken) =>
        JsonSerializer.Serialize(await LinesAsync(cancellationToken), new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
}
