using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Commons;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Tests.Platform.Web;

namespace Microsolidarity.Hub.Tests.Features.Commons;

/// <summary>Paying has an end: bank details with a reference per pledge and ticket, and card payments through Stripe (a local Stripe-compatible server).</summary>
[Collection("commons")]
public sealed partial class PayingTests(CommonsFixture commons)
{
    [GeneratedRegex("^MSH-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{2}$")]
    private static partial Regex ReferenceShape();

    private static Dictionary<string, string> Account(string iban, string holder = "Network Commons") => new()
    {
        ["Currency"] = "EUR",
        ["AccountHolder"] = holder,
        ["Iban"] = iban,
        ["Bic"] = "COBADEFFXXX",
        ["Instructions"] = "",
    };

    [Fact]
    public async Task BankDetails_IbanCheckedThenShownWithThePledgesReference_TreasurerFindsThePledgeByIt()
    {
        var (_, treasurer) = await commons.PersonAsync("Banker", CommonsRoleKind.Treasurer);
        var (member, client) = await commons.PersonAsync("Transferer");
        var (refused, _) = await client.GetAsync("/commons/bank-details");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // One digit wrong: the checksum says so, beside the field, and nothing is saved.
        var (_, wrong) = await treasurer.SubmitAsync("/commons/bank-details", Account("DE89 3704 0044 0532 0130 01"), "Save");
        Assert.Contains("check digits", wrong.QuerySelector("#iban-error")!.TextContent);
        Assert.Equal("DE89 3704 0044 0532 0130 01", wrong.QuerySelector("#iban")!.GetAttribute("value"));
        var (_, noHolder) = await treasurer.SubmitAsync("/commons/bank-details", Account("DE89370400440532013000", holder: ""), "Save");
        Assert.Contains("name the account is held in", noHolder.QuerySelector("#holder-error")!.TextContent);
        Assert.Equal(0, await commons.DbAsync(db => db.BankAccounts.CountAsync(a => a.Currency == "EUR")));
        var (saved, _) = await treasurer.SubmitAsync("/commons/bank-details", Account("de89 3704 0044 0532 0130 00"), "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("DE89370400440532013000", await commons.DbAsync(db => db.BankAccounts.Where(a => a.Currency == "EUR").Select(a => a.Iban).SingleAsync()));
        // Where IBANs are not used, words do.
        var (words, _) = await treasurer.SubmitAsync("/commons/bank-details", new Dictionary<string, string>
        { ["Currency"] = "USD", ["Instructions"] = "Account 12345678, routing 021000021, in the name of the commons." }, "Save");
        Assert.Equal(HttpStatusCode.Redirect, words.StatusCode);

        var (_, pledged) = await client.SubmitAsync("/commons/contribute", new Dictionary<string, string> { ["Input.Amount"] = "7", ["Input.Currency"] = "EUR", ["Input.Monthly"] = "true" }, "Pledge");
        var pledge = await commons.DbAsync(db => db.Pledges.SingleAsync(p => p.UserId == member.Id));
        Assert.Matches(ReferenceShape(), pledge.Reference);
        var (_, page) = await client.GetAsync("/commons/contribute");
        var transfer = page.QuerySelector(".bank-transfer")!.TextContent;
        Assert.Contains("DE89 3704 0044 0532 0130 00", transfer);
        Assert.Contains("Network Commons", transfer);
        Assert.Contains(pledge.Reference!, transfer);

        // The statement says "msh 7k2q9f" or so: the treasurer's search finds the one pledge.
        var typed = pledge.Reference!.ToLowerInvariant().Replace("-", " ");
        var (_, found) = await treasurer.GetAsync("/commons/treasury?q=" + Uri.EscapeDataString(typed));
        var cards = found.QuerySelectorAll("#pledges-heading ~ .card-list .card");
        Assert.Equal(pledge.Reference, Assert.Single(cards).QuerySelector(".reference")!.TextContent);
        var (_, none) = await treasurer.GetAsync("/commons/treasury?q=MSH-2222-22");
        Assert.Contains("No open pledge matches", none.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Pledge_SubmittedTwiceAtOnceAndAgain_MakesOnePledgeAndShowsTheFirstResult()
    {
        var (member, client) = await commons.PersonAsync("Doubleclicker");
        var responses = await SubmitTwice.RunAsync(client, "/commons/contribute", "Pledge",
            new Dictionary<string, string> { ["Input.Amount"] = "4", ["Input.Currency"] = "EUR", ["Input.Monthly"] = "false" });
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("/commons/contribute", r.Headers.Location!.OriginalString));
        Assert.Equal(1, await commons.DbAsync(db => db.Pledges.CountAsync(p => p.UserId == member.Id)));
        // A new page has a new form: pledging again is a second pledge, as it should be.
        var (again, _) = await client.SubmitAsync("/commons/contribute", new Dictionary<string, string> { ["Input.Amount"] = "4", ["Input.Currency"] = "EUR", ["Input.Monthly"] = "false" }, "Pledge");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(2, await commons.DbAsync(db => db.Pledges.CountAsync(p => p.UserId == member.Id)));
        // A form sent back with a mistake keeps its token usable: fixed, it goes through once.
        var (_, page) = await client.GetAsync("/commons/contribute");
        var form = page.Forms.First(f => (f.Action ?? "").Contains("handler=Pledge", StringComparison.Ordinal));
        var values = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var (bad, badPage) = await client.PostAsync(form.GetAttribute("action")!, new Dictionary<string, string>(values) { ["Input.Amount"] = "-1", ["Input.Currency"] = "EUR" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("above zero", badPage.QuerySelector("#amount-error")!.TextContent);
        var (good, _) = await client.PostAsync(form.GetAttribute("action")!, new Dictionary<string, string>(values) { ["Input.Amount"] = "1", ["Input.Currency"] = "EUR" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(3, await commons.DbAsync(db => db.Pledges.CountAsync(p => p.UserId == member.Id)));
    }

    private static Viewer Person(string id, bool admin = false) => new(id, admin, true, new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>(), null);

    private async Task<HttpStatusCode> WebhookAsync(string payload)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        content.Headers.Add("Stripe-Signature", LocalStripe.Sign(payload, CommonsFixture.WebhookSecret));
        return (await commons.Hub.NewClient().Http.PostAsync("/commons/stripe/webhook", content)).StatusCode;
    }

    [Fact]
    public async Task StripeTicket_ReturnRacesTheWebhook_RecordsOnePaymentAndARefundReversesIt()
    {
        var (host, _) = await commons.PersonAsync("Camphost");
        var (camper, client) = await commons.PersonAsync("Camper");
        var date = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd");
        var (created, id) = await commons.RunAsync<CreateEvent, (Outcome, Guid?)>(op => op.RunAsync(Person(host.Id, admin: true), new EventInput(EventScale.Network, null, null, "Autumn camp", "", EventKind.Camp,
            EventVisibility.Public, false, "Camp ground", "", date, "10:00", "", "18:00", "Europe/Madrid", "", 30, false, "", AttendeeListVisibility.HostsOnly)));
        Assert.True(created.Succeeded, created.Message);
        var eventId = id!.Value;
        Assert.True((await commons.RunAsync<SetUpTickets>(op => op.AddTierAsync(Person(host.Id, admin: true), eventId, "Standard", "85.50", false, null))).Succeeded);
        var tierId = await commons.DbAsync(db => db.TicketTiers.Where(t => t.EventId == eventId).Select(t => t.Id).SingleAsync());
        await commons.RunAsync<AnswerEvent, AnswerEvent.Result>(op => op.RunAsync(Person(camper.Id), eventId, null, RsvpStatus.Going));
        var (_, eventPage) = await client.SubmitAsync($"/gatherings/{eventId}", new Dictionary<string, string> { ["TierId"] = tierId.ToString() }, "Ticket");

        // With Stripe's keys the ticket is paid by card; the checkout carries the ticket and comes back to the hub.
        var (_, page) = await client.GetAsync($"/gatherings/{eventId}");
        Assert.Contains("Pay 85.50 EUR by card", page.QuerySelector("#pay-ticket")!.TextContent);
        var (pay, _) = await client.SubmitAsync($"/gatherings/{eventId}", new Dictionary<string, string>(), "Pay");
        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);
        var session = commons.Stripe.SessionAt(pay.Headers.Location!.OriginalString);
        Assert.Equal(8550, (long)session["amount_total"]!);
        Assert.Equal("http://hub.test.example/commons/stripe/return?session_id={CHECKOUT_SESSION_ID}", (string)session["success_url"]!);
        var ticketId = await commons.DbAsync(db => db.Tickets.Where(t => t.EventId == eventId).Select(t => t.Id).SingleAsync());
        Assert.Equal(ticketId.ToString(), (string)session["metadata"]!["hub_ticket_id"]!);

        // Coming back before paying (or with a made-up session) records nothing.
        var returned = commons.Hub.NewClient().Http;
        var sessionId = (string)session["id"]!;
        Assert.Equal($"/gatherings", (await returned.GetAsync($"/commons/stripe/return?session_id={sessionId}")).Headers.Location!.OriginalString);
        Assert.Equal("/commons", (await returned.GetAsync("/commons/stripe/return?session_id=cs_test_made_up")).Headers.Location!.OriginalString);
        Assert.False(await commons.DbAsync(db => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Paid).SingleAsync()));

        // Paid: the person's return and Stripe's webhook arrive at the same moment, and Stripe repeats the webhook later.
        var intent = commons.Stripe.Pay(session);
        var completed = LocalStripe.Event("checkout.session.completed", session);
        var back = returned.GetAsync($"/commons/stripe/return?session_id={sessionId}");
        var results = await Task.WhenAll(WebhookAsync(completed), WebhookAsync(completed));
        Assert.Equal($"/gatherings/{eventId}", (await back).Headers.Location!.OriginalString);
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r));
        Assert.Equal(HttpStatusCode.OK, await WebhookAsync(completed));
        var entry = Assert.Single(await commons.DbAsync(db => db.LedgerEntries.Where(e => e.TicketId == ticketId).ToListAsync()));
        Assert.Equal((8550L, LedgerKind.EventIncome, CommonsFunds.ForEvent(eventId), $"stripe:{sessionId}", intent),
            (entry.AmountMinor, entry.Kind, entry.Fund, entry.ExternalId!, entry.ProviderPaymentId!));
        Assert.True(await commons.DbAsync(db => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Paid).SingleAsync()));
        var (_, paidPage) = await client.GetAsync($"/gatherings/{eventId}");
        Assert.Contains("paid. Thank you", paidPage.QuerySelector("#my-ticket")!.TextContent);
        Assert.Null(paidPage.QuerySelector("#pay-ticket"));

        // Closing the event books the rest of its income beside the card payment, not the ticket twice:
        // 85.50 by card and 10 of donations, 20 of costs, so the fund holds 75.50 less the commons' 10% (7.55).
        using (var scope = commons.Hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Hub.Data.HubDbContext>();
            var booking = ActivatorUtilities.CreateInstance<BookEventSurplus>(scope.ServiceProvider);
            await booking.OnSettledAsync(new Hub.Platform.Contracts.EventSettled(eventId, "Autumn camp", "/gatherings", DateTime.UtcNow, "EUR", 95.50m, 20m, host.Id), CancellationToken.None);
            await db.SaveChangesAsync();
        }
        Assert.Equal(6795, await commons.DbAsync(db => db.LedgerEntries.Where(e => e.Fund == CommonsFunds.ForEvent(eventId)).SumAsync(e => e.AmountMinor)));

        // A refund in Stripe's dashboard, in two parts, each report delivered twice: two reversing entries, and the ticket is unpaid again.
        foreach (var refunded in new[] { 3000L, 3000L, 8550L, 8550L })
        {
            Assert.Equal(HttpStatusCode.OK, await WebhookAsync(LocalStripe.Refunded(intent, 8550, refunded, "eur")));
        }
        var reversals = await commons.DbAsync(db => db.LedgerEntries.Where(e => e.ReversesEntryId == entry.Id).OrderBy(e => e.AmountMinor).ToListAsync());
        Assert.Equal([-5550L, -3000L], reversals.Select(r => r.AmountMinor));
        Assert.All(reversals, r => Assert.Equal(CommonsFunds.ForEvent(eventId), r.Fund));
        Assert.Equal(6795 - 8550, await commons.DbAsync(db => db.LedgerEntries.Where(e => e.Fund == CommonsFunds.ForEvent(eventId)).SumAsync(e => e.AmountMinor)));
        Assert.False(await commons.DbAsync(db => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Paid).SingleAsync()));
        // A forged refund (wrong secret) changes nothing.
        var forged = LocalStripe.Refunded(intent, 8550, 100, "eur");
        using var content = new StringContent(forged, Encoding.UTF8, "application/json");
        content.Headers.Add("Stripe-Signature", LocalStripe.Sign(forged, "whsec_someone_else"));
        Assert.Equal(HttpStatusCode.BadRequest, (await commons.Hub.NewClient().Http.PostAsync("/commons/stripe/webhook", content)).StatusCode);
    }
}
