using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Data;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Transactions exported from Open Collective as CSV. The treasurer maps the file's columns (the
/// last mapping is remembered), sees a preview, then imports. Rows already imported are recognised
/// by their transaction id; if any row cannot be read, nothing is imported and every such row is
/// listed, so a file is never half in the ledger.
/// </summary>
public sealed class ImportOpenCollective(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public const string MappingSetting = "commons-import-mapping";

    public sealed record Mapping(string Date, string TransactionId, string Description, string Kind, string Amount, string Currency)
    {
        public IEnumerable<(string Field, string Column)> Columns =>
            [("Date", Date), ("TransactionId", TransactionId), ("Description", Description), ("Kind", Kind), ("Amount", Amount), ("Currency", Currency)];
    }

    /// <summary>The columns of Open Collective's "Platform Default" export.</summary>
    public static readonly Mapping PlatformDefault = new("Effective Date & Time", "Transaction ID", "Description", "Kind", "Amount", "Currency");

    public sealed record Row(int Line, DateTime OccurredAtUtc, string TransactionId, string Description, LedgerKind Kind, long AmountMinor, string Currency, bool Duplicate);

    public sealed record Problem(int Line, string Message);

    public sealed record Preview(IReadOnlyList<Row> Rows, IReadOnlyList<Problem> Problems)
    {
        public int New => Rows.Count(r => !r.Duplicate);
        public int Duplicates => Rows.Count(r => r.Duplicate);
    }

    /// <summary>The header row, or a message when the file is not a CSV with one.</summary>
    public static (IReadOnlyList<string> Headers, string? Error) ReadHeaders(string csv, IStringLocalizer strings)
    {
        if (string.IsNullOrWhiteSpace(csv))
        {
            return ([], strings["Commons.Import.FileEmpty"]);
        }
        try
        {
            using var reader = CsvReader.Create(new StringReader(csv), Options(null), false);
            reader.ReadHeader();
            var headers = reader.Headers.Select(h => h.Trim()).ToList();
            if (headers.Count < 2)
            {
                return ([], strings["Commons.Import.NoHeader"]);
            }
            return (headers, null);
        }
        catch (CsvFormatException)
        {
            return ([], strings["Commons.Import.NotCsv"]);
        }
    }

    /// <summary>The saved mapping if it fits these headers, otherwise Open Collective's defaults where present.</summary>
    public async Task<Mapping> SuggestAsync(IReadOnlyList<string> headers, CancellationToken cancellationToken)
    {
        var saved = await db.HubSettings.Where(s => s.Key == MappingSetting).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);
        if (saved is not null && JsonSerializer.Deserialize<Mapping>(saved) is { } mapping && mapping.Columns.All(c => headers.Contains(c.Column)))
        {
            return mapping;
        }
        string Pick(string wanted) => headers.FirstOrDefault(h => string.Equals(h, wanted, StringComparison.OrdinalIgnoreCase)) ?? "";
        return new Mapping(Pick(PlatformDefault.Date), Pick(PlatformDefault.TransactionId), Pick(PlatformDefault.Description),
            Pick(PlatformDefault.Kind), Pick(PlatformDefault.Amount), Pick(PlatformDefault.Currency));
    }

    public async Task<(Preview? Preview, Outcome Outcome)> PreviewAsync(string csv, Mapping mapping, CancellationToken cancellationToken)
    {
        var (headers, error) = ReadHeaders(csv, strings);
        if (error is not null)
        {
            return (null, Outcome.Refused(error, "File"));
        }
        foreach (var (field, column) in mapping.Columns)
        {
            if (string.IsNullOrWhiteSpace(column) || !headers.Contains(column))
            {
                return (null, Outcome.Refused(strings["Commons.Import.ChooseColumn", FieldName(field, strings), column], field));
            }
        }
        if (mapping.Columns.Select(c => c.Column).Distinct(StringComparer.Ordinal).Count() < mapping.Columns.Count())
        {
            return (null, Outcome.Refused(strings["Commons.Import.ColumnTwice"]));
        }
        var rows = new List<Row>();
        var problems = new List<Problem>();
        using (var reader = CsvReader.Create(new StringReader(csv), Options(bad => problems.Add(new Problem((int)bad.LineNumber, Describe(bad.Reason, strings)))), false))
        {
            reader.ReadHeader();
            var header = reader.Headers.Select(h => h.Trim()).ToList();
            int Index(string column) => header.IndexOf(column);
            while (reader.Read())
            {
                var line = (int)reader.LineNumber;
                string Cell(string column) => (reader.GetString(Index(column)) ?? "").Trim();
                var id = Cell(mapping.TransactionId);
                var messages = new List<string>();
                if (id.Length == 0)
                {
                    messages.Add(strings["Commons.Import.IdEmpty"]);
                }
                if (!DateTime.TryParse(Cell(mapping.Date), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
                {
                    messages.Add(strings["Commons.Import.NotADate", Cell(mapping.Date)]);
                }
                if (!Money.TryParse(Cell(mapping.Amount), out var amount) || amount == 0)
                {
                    messages.Add(strings["Commons.Import.NotAnAmount", Cell(mapping.Amount)]);
                }
                var currency = Cell(mapping.Currency).ToUpperInvariant();
                if (!Money.IsKnown(currency))
                {
                    messages.Add(strings["Commons.Import.NotACurrency", Cell(mapping.Currency)]);
                }
                if (messages.Count > 0)
                {
                    problems.Add(new Problem(line, strings["Commons.Import.LineProblems", string.Join("; ", messages)]));
                    continue;
                }
                var description = Cell(mapping.Description);
                rows.Add(new Row(line, DateTime.SpecifyKind(date, DateTimeKind.Utc), id, description.Length > 0 ? description : "Open Collective transaction",
                    KindOf(Cell(mapping.Kind), amount), amount, currency, false));
            }
        }
        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new Problem(1, strings["Commons.Import.NoTransactions"]));
        }
        foreach (var repeated in rows.GroupBy(r => r.TransactionId).Where(g => g.Count() > 1))
        {
            problems.Add(new Problem(repeated.Skip(1).First().Line, strings["Commons.Import.IdRepeated", repeated.Key]));
        }
        var ids = rows.Select(r => ExternalId(r.TransactionId)).ToList();
        var known = (await db.LedgerEntries.Where(e => e.ExternalId != null && ids.Contains(e.ExternalId)).Select(e => e.ExternalId!).ToListAsync(cancellationToken)).ToHashSet();
        rows = [.. rows.Select(r => r with { Duplicate = known.Contains(ExternalId(r.TransactionId)) })];
        return (new Preview(rows, problems), Outcome.Done);
    }

    public async Task<(Preview? Preview, Outcome Outcome)> RunAsync(string treasurerId, string csv, Mapping mapping, CancellationToken cancellationToken = default)
    {
        if (!await db.CommonsRoles.AnyAsync(r => r.UserId == treasurerId && r.Role == CommonsRoleKind.Treasurer, cancellationToken))
        {
            return (null, Outcome.Refused(strings["Commons.Refused.TreasurersImport"]));
        }
        var (preview, outcome) = await PreviewAsync(csv, mapping, cancellationToken);
        if (preview is null)
        {
            return (null, outcome);
        }
        if (preview.Problems.Count > 0)
        {
            return (preview, Outcome.Refused(strings.Plural("Commons.Import.LinesUnread", preview.Problems.Count)));
        }
        foreach (var row in preview.Rows.Where(r => !r.Duplicate))
        {
            var entry = await RecordLedgerEntry.NewEntryAsync(db, time, treasurerId, row.Kind, row.AmountMinor, row.Currency, row.Description, null, row.OccurredAtUtc, cancellationToken);
            entry.ExternalId = ExternalId(row.TransactionId);
            db.LedgerEntries.Add(entry);
        }
        await HubSettings.SetAsync(db, MappingSetting, JsonSerializer.Serialize(mapping), time.GetUtcNow().UtcDateTime);
        try
        {
            // One SaveChanges: one transaction, so the file goes in whole or not at all.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (preview, Outcome.Refused(strings["Commons.Import.Race"]));
        }
        return (preview, Outcome.Done);
    }

    private static string ExternalId(string transactionId) => $"opencollective:{transactionId}";

    /// <summary>Open Collective's kinds; the amount's sign says whether money came in or went out.</summary>
    private static LedgerKind KindOf(string kind, long amount) => kind.Trim().ToUpperInvariant() switch
    {
        "CONTRIBUTION" or "ADDED_FUNDS" => amount > 0 ? LedgerKind.Contribution : LedgerKind.Transfer,
        "EXPENSE" => LedgerKind.Expense,
        "HOST_FEE" or "PLATFORM_FEE" or "PAYMENT_PROCESSOR_FEE" or "PAYMENT_PROCESSOR_COVER" => LedgerKind.Fee,
        _ => LedgerKind.Transfer,
    };

    public static string FieldName(string field, IStringLocalizer strings) => field switch
    {
        "Date" or "TransactionId" or "Description" or "Kind" or "Amount" or "Currency" => strings[$"Commons.Import.Field.{field}"],
        _ => field,
    };

    private static string Describe(CsvMalformedReason reason, IStringLocalizer strings) => reason switch
    {
        CsvMalformedReason.FieldCountMismatch => strings["Commons.Import.ColumnCount"],
        CsvMalformedReason.UnterminatedQuote => strings["Commons.Import.UnterminatedQuote"],
        _ => strings["Commons.Import.NotWellFormed"],
    };

    /// <summary>Malformed lines are skipped and reported, never guessed at: money is not the place to recover quietly.</summary>
    private static CsvReaderOptions Options(Action<CsvMalformedRecord>? onMalformed) => new()
    {
        TrimWhitespace = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Skip,
        FieldCountMismatch = CsvFieldCountHandling.Skip,
        OnMalformedRecord = onMalformed,
    };
}
