using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Features.Commons;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Tests.Features.Commons;

[Collection("commons")]
public sealed class ContributionTests(CommonsFixture commons)
{
    [Fact]
    public async Task Payment_MonthlyAtThreshold_MakesANetworkMemberAndLapseEndsItWithAFriendlyEmail()
    {
        var (treasurer, treasurerClient) = await commons.PersonAsync("Teller", CommonsRoleKind.Treasurer);
        var (member, client) = await commons.PersonAsync("Pledger");
        var (_, badPage) = await client.SubmitAsync("/commons/contribute", new Dictionary<string, string> { ["Input.Amount"] = "-3", ["Input.Currency"] = "EUR", ["Input.Monthly"] = "true" }, "Pledge");
        Assert.Contains("above zero", badPage.QuerySelector("#amount-error")!.TextContent);
        var (pledged, _) = await client.SubmitAsync("/commons/contribute", new Dictionary<string, string> { ["Input.Amount"] = "3", ["Input.Currency"] = "EUR", ["Input.Monthly"] = "true" }, "Pledge");
        Assert.Equal(HttpStatusCode.Redirect, pledged.StatusCode);
        var pledge = await commons.DbAsync(db => db.Pledges.SingleAsync(p => p.UserId == member.Id));

        // The treasurer's desk lists the pledge; recording the payment makes the member.
        var (paid, _) = await treasurerClient.SubmitAsync("/commons/treasury", new Dictionary<string, string>
        { ["pledgeId"] = pledge.Id.ToString(), ["paymentAmount"] = "3.00", ["paymentDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, "Payment");
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.NotNull(await commons.DbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.NetworkMemberSince).SingleAsync()));
        await commons.Hub.Smtp!.WaitForAsync(member.Email!, "Welcome to the network");
        var (_, page) = await client.GetAsync("/commons/contribute");
        Assert.Contains("You are a network member", page.QuerySelector("main")!.TextContent);

        // Nothing lapses while the month is paid.
        Assert.Equal(0, await commons.RunAsync<NetworkMembership, int>(m => m.LapseAsync()));
        // Forty days later with no payment (moved back in the database, as time would), it lapses once, with an email.
        await commons.DbAsync(db => db.Pledges.Where(p => p.Id == pledge.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PaidThrough, DateTime.UtcNow.AddDays(-40))));
        Assert.Equal(1, await commons.RunAsync<NetworkMembership, int>(m => m.LapseAsync()));
        Assert.Equal(0, await commons.RunAsync<NetworkMembership, int>(m => m.LapseAsync()));
        Assert.Null(await commons.DbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.NetworkMemberSince).SingleAsync()));
        var email = await commons.Hub.Smtp!.WaitForAsync(member.Email!, "network membership has paused");
        Assert.Contains("Thank you", email.TextBody);

        // Paying again renews it.
        var (renewed, _) = await commons.RunAsync<RecordPayment, (Outcome, Guid?)>(p => p.ByTreasurerAsync(treasurer.Id, new RecordPayment.Input(pledge.Id, 300, "EUR", DateTime.UtcNow)));
        Assert.True(renewed.Succeeded);
        Assert.NotNull(await commons.DbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.NetworkMemberSince).SingleAsync()));
    }

    [Fact]
    public async Task Payment_BelowThresholdOrHostGranted_LeavesMembershipAsItWas()
    {
        var (treasurer, _) = await commons.PersonAsync("Counter", CommonsRoleKind.Treasurer);
        var (small, _) = await commons.PersonAsync("Small");
        var (_, smallPledge) = await commons.RunAsync<PledgeContribution, (Outcome, Guid?)>(p => p.RunAsync(small.Id, 299, "EUR", monthly: true));
        await commons.RunAsync<RecordPayment, (Outcome, Guid?)>(p => p.ByTreasurerAsync(treasurer.Id, new RecordPayment.Input(smallPledge!.Value, 299, "EUR", DateTime.UtcNow)));
        Assert.Null(await commons.DbAsync(db => db.Users.Where(u => u.Id == small.Id).Select(u => u.NetworkMemberSince).SingleAsync()));

        // A host granted this one by hand: a lapsed contribution never takes it away.
        var (granted, _) = await commons.PersonAsync("Granted");
        var since = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await commons.DbAsync(db => db.Users.Where(u => u.Id == granted.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.NetworkMemberSince, since)));
        var (_, grantedPledge) = await commons.RunAsync<PledgeContribution, (Outcome, Guid?)>(p => p.RunAsync(granted.Id, 500, "EUR", monthly: true));
        await commons.RunAsync<RecordPayment, (Outcome, Guid?)>(p => p.ByTreasurerAsync(treasurer.Id, new RecordPayment.Input(grantedPledge!.Value, 500, "EUR", DateTime.UtcNow.AddDays(-90))));
        await commons.RunAsync<NetworkMembership, int>(m => m.LapseAsync());
        Assert.Equal(since, await commons.DbAsync(db => db.Users.Where(u => u.Id == granted.Id).Select(u => u.NetworkMemberSince).SingleAsync()));

        // The wrong currency for the pledge is refused rather than converted.
        var (wrong, _) = await commons.RunAsync<RecordPayment, (Outcome, Guid?)>(p => p.ByTreasurerAsync(treasurer.Id, new RecordPayment.Input(grantedPledge!.Value, 500, "USD", DateTime.UtcNow)));
        Assert.Contains("never converts", wrong.Message);
    }

    [Fact]
    public async Task DeleteAccount_Contributor_KeepsTheMoneyInTheLedgerWithoutThePerson()
    {
        var (treasurer, _) = await commons.PersonAsync("Ledgerkeeper", CommonsRoleKind.Treasurer);
        var (leaver, client) = await commons.ContributorAsync("Leaver", treasurer, 700);
        var (_, export) = await client.GetAsync("/account/download-data");
        Assert.Contains("\"commons\"", client.LastHtml);
        Assert.Contains("700", client.LastHtml);
        var balance = (await commons.RunAsync<LedgerBalances, IReadOnlyDictionary<string, long>>(b => b.ForFundAsync(CommonsFunds.Commons)))["EUR"];
        var (deleted, page) = await client.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Password"] = CommonsFixture.Password, ["Understood"] = "true" });
        Assert.True(deleted.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        Assert.Equal(0, await commons.DbAsync(db => db.LedgerEntries.CountAsync(e => e.ContributorUserId == leaver.Id)));
        Assert.Equal(0, await commons.DbAsync(db => db.Pledges.CountAsync(p => p.UserId == leaver.Id)));
        Assert.Equal(balance, (await commons.RunAsync<LedgerBalances, IReadOnlyDictionary<string, long>>(b => b.ForFundAsync(CommonsFunds.Commons)))["EUR"]);
    }

    private static string Sign(string payload, string secret, long timestamp)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var signature = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{timestamp}.{payload}")));
        return $"t={timestamp},v1={signature}";
    }

    private static string CheckoutCompleted(string sessionId, Guid pledgeId, long amount) => $$$"""
        {"id":"evt_{{{sessionId}}}","object":"event","api_version":"{{{Stripe.StripeConfiguration.ApiVersion}}}","created":{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}},
         "livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"checkout.session.completed",
         "data":{"object":{"id":"{{{sessionId}}}","object":"checkout.session","amount_total":{{{amount}}},"currency":"eur","mode":"subscription",
           "payment_status":"paid","status":"complete","metadata":{"hub_pledge_id":"{{{pledgeId}}}"} } } }
        """;

    [Fact]
    public async Task StripeWebhook_SignedTwiceOrForged_RecordsOnePaymentAndRefusesTheForgery()
    {
        var (member, _) = await commons.PersonAsync("Carder");
        var (_, pledgeId) = await commons.RunAsync<PledgeContribution, (Outcome, Guid?)>(p => p.RunAsync(member.Id, 500, "EUR", monthly: true));
        var payload = CheckoutCompleted("cs_test_" + Guid.NewGuid().ToString("N"), pledgeId!.Value, 500);
        var http = commons.Hub.NewClient().Http;
        async Task<HttpStatusCode> PostAsync(string body, string signature)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            content.Headers.Add("Stripe-Signature", signature);
            return (await http.PostAsync("/commons/stripe/webhook", content)).StatusCode;
        }
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(payload, Sign(payload, "whsec_someone_else", now)));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(payload.Replace("500", "50000"), Sign(payload, CommonsFixture.WebhookSecret, now)));
        Assert.Equal(0, await commons.DbAsync(db => db.LedgerEntries.CountAsync(e => e.PledgeId == pledgeId)));

        // Stripe retries deliveries; two at once and one later still make one entry.
        var signature = Sign(payload, CommonsFixture.WebhookSecret, now);
        var results = await Task.WhenAll(PostAsync(payload, signature), PostAsync(payload, signature));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(payload, signature));
        var entries = await commons.DbAsync(db => db.LedgerEntries.Where(e => e.PledgeId == pledgeId).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(500, entry.AmountMinor);
        Assert.Equal(member.Id, entry.ContributorUserId);
        Assert.StartsWith("stripe:cs_test_", entry.ExternalId);
        Assert.NotNull(await commons.DbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.NetworkMemberSince).SingleAsync()));
    }

    [Fact]
    public async Task StripeWebhook_SubscriptionRenewal_RecordsTheNextMonthOnce()
    {
        var (member, _) = await commons.PersonAsync("Renewer");
        var (_, pledgeId) = await commons.RunAsync<PledgeContribution, (Outcome, Guid?)>(p => p.RunAsync(member.Id, 400, "EUR", monthly: true));
        var invoice = "in_test_" + Guid.NewGuid().ToString("N");
        var payload = $$$"""
            {"id":"evt_{{{invoice}}}","object":"event","api_version":"{{{Stripe.StripeConfiguration.ApiVersion}}}","created":{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}},
             "livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"invoice.paid",
             "data":{"object":{"id":"{{{invoice}}}","object":"invoice","amount_paid":400,"currency":"eur","billing_reason":"subscription_cycle","status":"paid",
               "parent":{"type":"subscription_details","subscription_details":{"subscription":"sub_test_1","metadata":{"hub_pledge_id":"{{{pledgeId}}}"} } } } } }
            """;
        var http = commons.Hub.NewClient().Http;
        for (var delivery = 0; delivery < 2; delivery++)
        {
            using var content = new StringContent(payload, Encoding.UTF8, "application/json");
            content.Headers.Add("Stripe-Signature", Sign(payload, CommonsFixture.WebhookSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/commons/stripe/webhook", content)).StatusCode);
        }
        var entry = Assert.Single(await commons.DbAsync(db => db.LedgerEntries.Where(e => e.PledgeId == pledgeId).ToListAsync()));
        Assert.Equal(($"stripe:{invoice}", 400L), (entry.ExternalId!, entry.AmountMinor));
        Assert.NotNull(await commons.DbAsync(db => db.Pledges.Where(p => p.Id == pledgeId).Select(p => p.PaidThrough).SingleAsync()));
    }

    private const string OpenCollectiveCsv = """
        "Effective Date & Time","Transaction ID","Description","Kind","Amount","Currency","Host Currency"
        "2026-01-05T10:00:00.000Z","oc-tx-1","Monthly contribution from a backer","CONTRIBUTION","10.00","EUR","EUR"
        "2026-01-05T10:00:00.000Z","oc-tx-2","Payment processor fee","PAYMENT_PROCESSOR_FEE","-0.55","EUR","EUR"
        "2026-02-11T08:30:00.000Z","oc-tx-3","Facilitation of the February call","EXPENSE","-40.00","EUR","EUR"
        "2026-02-12T08:30:00.000Z","oc-tx-4","A gift in dollars","CONTRIBUTION","25.00","USD","USD"
        """;

    [Fact]
    public async Task ImportOpenCollective_PlatformDefault_ImportsOnceAndRecognisesDuplicates()
    {
        var (_, client) = await commons.PersonAsync("Importer", CommonsRoleKind.Treasurer);
        var before = await commons.DbAsync(db => db.LedgerEntries.CountAsync());
        var (preview, previewPage) = await UploadAsync(client, OpenCollectiveCsv);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("4 new transactions, 0 already imported", previewPage.QuerySelector("main")!.TextContent);
        Assert.Equal("Effective Date & Time", previewPage.QuerySelector("#map-Date option[selected]")!.GetAttribute("value"));
        var (imported, _) = await client.SubmitAsync2(previewPage, "Import");
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var entries = await commons.DbAsync(db => db.LedgerEntries.Where(e => e.ExternalId!.StartsWith("opencollective:oc-tx-")).ToListAsync());
        Assert.Equal(4, entries.Count);
        Assert.Equal(-4000, entries.Single(e => e.ExternalId == "opencollective:oc-tx-3").AmountMinor);
        Assert.Equal(LedgerKind.Fee, entries.Single(e => e.ExternalId == "opencollective:oc-tx-2").Kind);
        Assert.Equal(new DateTime(2026, 2, 11, 8, 30, 0, DateTimeKind.Utc), entries.Single(e => e.ExternalId == "opencollective:oc-tx-3").OccurredAt);

        // The same file again, with one new line: only the new line goes in.
        var again = OpenCollectiveCsv + "\n\"2026-03-01T09:00:00.000Z\",\"oc-tx-5\",\"March backer\",\"CONTRIBUTION\",\"10.00\",\"EUR\",\"EUR\"";
        var (_, againPage) = await UploadAsync(client, again);
        Assert.Contains("1 new transaction, 4 already imported", againPage.QuerySelector("main")!.TextContent);
        await client.SubmitAsync2(againPage, "Import");
        Assert.Equal(before + 5, await commons.DbAsync(db => db.LedgerEntries.CountAsync()));
    }

    [Fact]
    public async Task ImportOpenCollective_BadRowsOrHalfMatchingColumns_ReportsEveryProblemAndImportsNothing()
    {
        var (treasurer, client) = await commons.PersonAsync("Careful", CommonsRoleKind.Treasurer);
        var before = await commons.DbAsync(db => db.LedgerEntries.CountAsync());
        var broken = OpenCollectiveCsv.Replace("oc-tx-", "bad-tx-")
            + "\n\"not a date\",\"bad-tx-9\",\"Odd\",\"CONTRIBUTION\",\"ten\",\"EUR\",\"EUR\""
            + "\n\"2026-03-01T09:00:00.000Z\",\"bad-tx-10\",\"Odd currency\",\"CONTRIBUTION\",\"10.00\",\"DOGE\",\"EUR\""
            + "\n\"2026-03-01T09:00:00.000Z\",\"bad-tx-11\",\"Too short\"";
        var (_, page) = await UploadAsync(client, broken);
        var alert = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Line 6: “not a date” is not a date; “ten” is not an amount", alert);
        Assert.Contains("Line 7: “DOGE” is not a currency", alert);
        Assert.Contains("Line 8:", alert);
        Assert.Null(page.QuerySelector("form[action*='handler=Import']"));
        // Posting the import anyway (a stale page) is refused whole.
        var mapping = ImportOpenCollective.PlatformDefault;
        var (_, outcome) = await commons.RunAsync<ImportOpenCollective, (ImportOpenCollective.Preview?, Outcome)>(i => i.RunAsync(treasurer.Id, broken, mapping));
        Assert.Contains("nothing was imported", outcome.Message);

        // A file whose columns do not match: the mapping step says which field is missing.
        var (_, halfPage) = await UploadAsync(client, "\"Date\",\"Reference\",\"Amount\"\n\"2026-01-01\",\"x\",\"5\"");
        Assert.Null(halfPage.QuerySelector("form[action*='handler=Import']"));
        var (_, mapped) = await client.PostAsync("/commons/import?handler=Preview", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = halfPage.QuerySelector("form[action*='handler=Preview'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Csv"] = "\"Date\",\"Reference\",\"Amount\"\n\"2026-01-01\",\"x\",\"5\"",
            ["Date"] = "Date",
            ["TransactionId"] = "Reference",
            ["Amount"] = "Amount",
        });
        Assert.Contains("Choose the file's column for the description", mapped.QuerySelector("#map-Description-error")!.TextContent);
        Assert.Equal(before, await commons.DbAsync(db => db.LedgerEntries.CountAsync()));
    }

    private static async Task<(HttpResponseMessage, AngleSharp.Html.Dom.IHtmlDocument)> UploadAsync(Testing.FormClient client, string csv)
    {
        var (_, form) = await client.GetAsync("/commons/import");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "transactions.csv" },
        };
        var response = await client.Http.PostAsync("/commons/import?handler=Upload", content);
        var html = await response.Content.ReadAsStringAsync();
        return (response, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html));
    }
}

internal static class FormClientExtensions
{
    /// <summary>Submits a form of a page already in hand (the import's steps carry the file in the form).</summary>
    public static async Task<(HttpResponseMessage, AngleSharp.Html.Dom.IHtmlDocument)> SubmitAsync2(this Testing.FormClient client, AngleSharp.Html.Dom.IHtmlDocument page, string handler)
    {
        var form = page.Forms.First(f => (f.Action ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase));
        var values = form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        return await client.PostAsync(form.GetAttribute("action")!, values);
    }
}
