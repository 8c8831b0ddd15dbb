using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Features.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Commons;

[Collection("commons")]
public sealed class SurplusAndProposalTests(CommonsFixture commons)
{
    private async Task SettleAsync(EventSettled settled, bool save = true)
    {
        using var scope = commons.Hub.Services.CreateScope();
        var stored = await commons.DbAsync(db => db.LedgerEntries.CountAsync(e => e.EventId == settled.EventId));
        var handlers = scope.ServiceProvider.GetServices<IEventSettledHandler>().ToList();
        Assert.Single(handlers);
        await handlers[0].OnSettledAsync(settled, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        // The handler adds and never saves: before the caller's SaveChanges nothing is in the database.
        Assert.Equal(stored, await db.LedgerEntries.CountAsync(e => e.EventId == settled.EventId));
        if (save)
        {
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task EventSettled_PositiveSurplus_BooksIncomeCostsAndTheShareInTheCallersUnitOfWork()
    {
        var (host, _) = await commons.PersonAsync("Host");
        var id = Guid.NewGuid();
        var before = await commons.RunAsync<LedgerBalances, IReadOnlyDictionary<string, long>>(b => b.ForFundAsync(CommonsFunds.Commons));
        var settled = new EventSettled(id, "Summer camp", "/gatherings/summer-camp", new DateTime(2026, 8, 20, 16, 0, 0, DateTimeKind.Utc), "EUR", 4200.00m, 3187.45m, host.Id);
        await SettleAsync(settled, save: false);
        Assert.Equal(0, await commons.DbAsync(db => db.LedgerEntries.CountAsync(e => e.EventId == id)));
        await SettleAsync(settled);
        await SettleAsync(settled); // settled twice (a retry): booked once
        var entries = await commons.DbAsync(db => db.LedgerEntries.Where(e => e.EventId == id).ToListAsync());
        Assert.Equal(4, entries.Count);
        // 10% of 1012.55 is 101.255: at least the share, so 101.26.
        Assert.Equal(10126, entries.Single(e => e.Fund == CommonsFunds.Commons).AmountMinor);
        Assert.Equal(0, entries.Where(e => e.Fund != CommonsFunds.Commons).Sum(e => e.AmountMinor) - (420000 - 318745 - 10126));
        var after = await commons.RunAsync<LedgerBalances, IReadOnlyDictionary<string, long>>(b => b.ForFundAsync(CommonsFunds.Commons));
        Assert.Equal(before.GetValueOrDefault("EUR") + 10126, after["EUR"]);

        var loss = Guid.NewGuid();
        await SettleAsync(new EventSettled(loss, "Rainy retreat", "/gatherings/rainy", DateTime.UtcNow, "USD", 900m, 1200m, host.Id));
        Assert.Equal(0, await commons.DbAsync(db => db.LedgerEntries.CountAsync(e => e.EventId == loss && e.Fund == CommonsFunds.Commons)));

        var (_, page) = await commons.Hub.NewClient().GetAsync("/commons");
        var row = page.QuerySelectorAll("#events-heading ~ .table-wrap tr").Single(r => r.TextContent.Contains("Summer camp"));
        Assert.Contains("€1,012.55", row.TextContent);
        Assert.Contains("€101.26", row.TextContent);
        Assert.Contains(page.QuerySelectorAll("#events-heading ~ .table-wrap tr"), r => r.TextContent.Contains("Rainy retreat") && r.TextContent.Contains("−$300.00"));
    }

    [Fact]
    public async Task Proposal_TwoAdministratorsDecideAtOnce_ExactlyOneDecisionCounts()
    {
        var (treasurer, _) = await commons.PersonAsync("Bursar", CommonsRoleKind.Treasurer);
        var (first, _) = await commons.PersonAsync("FirstAdmin", CommonsRoleKind.Administrator);
        var (second, _) = await commons.PersonAsync("SecondAdmin", CommonsRoleKind.Administrator);
        var (proposer, _) = await commons.ContributorAsync("Proposer", treasurer);
        for (var round = 0; round < 8; round++)
        {
            var (_, id) = await commons.RunAsync<ProposeSpending, (Outcome, Guid?)>(p => p.RunAsync(proposer.Id, new ProposeSpending.Input(5000, "EUR", $"Round {round}", "The call facilitators", null)));
            var results = await Task.WhenAll(
                commons.RunAsync<DecideProposal>(d => d.RunAsync(first.Id, id!.Value, approve: true, "Good use of the fund")),
                commons.RunAsync<DecideProposal>(d => d.RunAsync(second.Id, id!.Value, approve: false, "Not now")));
            Assert.Single(results, r => r.Succeeded);
            var proposal = await commons.DbAsync(db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id));
            var winner = results[0].Succeeded ? (first.Id, ProposalState.Approved, "Good use of the fund") : (second.Id, ProposalState.Declined, "Not now");
            Assert.Equal(winner, (proposal.DecidedByUserId!, proposal.State, proposal.DecisionReason!));
        }
    }

    [Fact]
    public async Task Proposal_AdviceDecisionVetoAndPayment_FollowTheRulesAndLeaveTheHistory()
    {
        var (treasurer, treasurerClient) = await commons.PersonAsync("Payer", CommonsRoleKind.Treasurer);
        var (admin, adminClient) = await commons.PersonAsync("Decider", CommonsRoleKind.Administrator);
        var (vetoHolder, vetoClient) = await commons.PersonAsync("Backstop", CommonsRoleKind.VetoHolder);
        var (stranger, strangerClient) = await commons.PersonAsync("Stranger");
        var (proposer, proposerClient) = await commons.ContributorAsync("Dreamer", treasurer);
        var (adviser, adviserClient) = await commons.ContributorAsync("Adviser", treasurer);

        var (refused, _) = await commons.RunAsync<ProposeSpending, (Outcome, Guid?)>(p => p.RunAsync(stranger.Id, new ProposeSpending.Input(100, "EUR", "Me", "Me", null)));
        Assert.Contains("people who have contributed", refused.Message);
        Assert.Contains("for contributors", (await strangerClient.GetAsync("/commons/proposals")).Page.QuerySelector("main")!.TextContent);

        var (_, badPage) = await proposerClient.SubmitAsync("/commons/proposals", new Dictionary<string, string> { ["Amount"] = "0", ["Currency"] = "EUR", ["Purpose"] = "x", ["Recipient"] = "y" });
        Assert.Contains("above zero", badPage.QuerySelector("#amount-error")!.TextContent);
        var (created, _) = await proposerClient.SubmitAsync("/commons/proposals", new Dictionary<string, string>
        { ["Amount"] = "250", ["Currency"] = "EUR", ["Purpose"] = "A scholarship fund for the summer camp", ["Recipient"] = "The scholarship fund", ["Scholarship"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.Http.GetAsync(url)).StatusCode);

        var (_, emptyAdvice) = await adviserClient.SubmitAsync(url, new Dictionary<string, string> { ["Kind"] = "Concern", ["Text"] = "" }, "Advise");
        Assert.Contains("in words", emptyAdvice.QuerySelector("#advice-error")!.TextContent);
        await adviserClient.SubmitAsync(url, new Dictionary<string, string> { ["Kind"] = "Support", ["Text"] = "Yes, scholarships keep the camp open to everyone." }, "Advise");
        await proposerClient.SubmitAsync(url, new Dictionary<string, string> { ["Kind"] = "Concern", ["Text"] = "Let us cap each grant." }, "Advise");

        var (_, noReason) = await adminClient.SubmitAsync(url, new Dictionary<string, string> { ["Approve"] = "true", ["Reason"] = "" }, "Decide");
        Assert.Contains("Write the reason", noReason.QuerySelector("#reason-error")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await adminClient.SubmitAsync(url, new Dictionary<string, string> { ["Approve"] = "true", ["Reason"] = "Strong support, concern heard: cap of 150 each." }, "Decide")).Item1.StatusCode);
        await commons.Hub.Smtp!.WaitForAsync(proposer.Email!, "Your proposal was approved");
        // Advice is closed once decided.
        var id = Guid.Parse(url.Split('/').Last());
        Assert.False((await commons.RunAsync<GiveAdvice>(a => a.RunAsync(adviser.Id, id, AdviceKind.Objection, "Too late"))).Succeeded);

        var balance = (await commons.RunAsync<LedgerBalances, IReadOnlyDictionary<string, long>>(b => b.ForFundAsync(CommonsFunds.Commons)))["EUR"];
        Assert.Equal(HttpStatusCode.Redirect, (await treasurerClient.SubmitAsync(url, new Dictionary<string, string>(), "Pay")).Item1.StatusCode);
        Assert.False((await commons.RunAsync<PayProposal>(p => p.RunAsync(treasurer.Id, id))).Succeeded);
        var expense = await commons.DbAsync(db => db.LedgerEntries.SingleAsync(e => e.ProposalId == id));
        Assert.Equal((-25000, LedgerKind.Expense, "scholarship"), (expense.AmountMinor, expense.Kind, expense.Category));
        Assert.DoesNotContain("Dreamer", expense.Description);
        Assert.Equal(balance - 25000, (await commons.RunAsync<LedgerBalances, IReadOnlyDictionary<string, long>>(b => b.ForFundAsync(CommonsFunds.Commons)))["EUR"]);

        var (_, history) = await adviserClient.GetAsync(url);
        var text = history.QuerySelector("main")!.TextContent;
        Assert.Contains("Yes, scholarships keep the camp open", text);
        Assert.Contains("Let us cap each grant.", text);
        Assert.Contains("Strong support, concern heard", text);
        Assert.Contains("Paid", text);
        var (_, publicPage) = await commons.Hub.NewClient().GetAsync("/commons");
        Assert.Contains("scholarship", publicPage.QuerySelector("#scholarships-heading")!.ParentElement!.TextContent);
        Assert.DoesNotContain("Dreamer", publicPage.Body!.TextContent);

        // The veto: only its holder, only with a reason, and it closes an open proposal.
        var (_, second) = await commons.RunAsync<ProposeSpending, (Outcome, Guid?)>(p => p.RunAsync(proposer.Id, new ProposeSpending.Input(90000, "EUR", "A sound system", "A shop", null)));
        Assert.False((await commons.RunAsync<VetoProposal>(v => v.RunAsync(admin.Id, second!.Value, "no"))).Succeeded);
        Assert.False((await commons.RunAsync<VetoProposal>(v => v.RunAsync(vetoHolder.Id, second!.Value, " "))).Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, (await vetoClient.SubmitAsync($"/commons/proposals/{second}", new Dictionary<string, string> { ["Reason"] = "Most of the fund, no advice yet." }, "Veto")).Item1.StatusCode);
        Assert.False((await commons.RunAsync<DecideProposal>(d => d.RunAsync(admin.Id, second!.Value, approve: true, "Too late"))).Succeeded);
        Assert.Equal(ProposalState.Vetoed, await commons.DbAsync(db => db.Proposals.Where(p => p.Id == second).Select(p => p.State).SingleAsync()));
    }

    [Fact]
    public async Task AdminPage_NamesRolesAndOneVetoHolder_OnlyForHubAdministrators()
    {
        var (first, _) = await commons.PersonAsync("VetoOne");
        var (secondUser, secondClient) = await commons.PersonAsync("VetoTwo");
        Assert.Equal(HttpStatusCode.Forbidden, (await secondClient.Http.GetAsync("/admin/commons")).StatusCode);
        var (adminGet, adminPage) = await commons.AdminClient.GetAsync("/admin/commons");
        Assert.True(adminGet.StatusCode == HttpStatusCode.OK, adminGet.StatusCode + adminPage.Body!.TextContent);
        var (unknown, unknownPage) = await commons.AdminClient.SubmitAsync("/admin/commons", new Dictionary<string, string> { ["Email"] = "nobody@test.example", ["Role"] = "Treasurer" }, "Name");
        Assert.Contains("No one with a confirmed account", unknownPage.QuerySelector("#email-error")!.TextContent);
        await commons.AdminClient.SubmitAsync("/admin/commons", new Dictionary<string, string> { ["Email"] = first.Email!, ["Role"] = "VetoHolder" }, "Name");
        await commons.AdminClient.SubmitAsync("/admin/commons", new Dictionary<string, string> { ["Email"] = secondUser.Email!, ["Role"] = "VetoHolder" }, "Name");
        var holders = await commons.DbAsync(db => db.CommonsRoles.Where(r => r.Role == CommonsRoleKind.VetoHolder).Select(r => r.UserId).ToListAsync());
        Assert.Equal([secondUser.Id], holders);
    }

    /// <summary>A contributor whose saved language is German (saved before their first request, which would cache it).</summary>
    private async Task<(HubUser User, FormClient Client)> GermanContributorAsync(string name, HubUser treasurer)
    {
        var email = Unique.Email(name.ToLowerInvariant());
        var user = await commons.Hub.CreatePersonAsync(email, CommonsFixture.Password, name: name);
        await commons.DbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "de")));
        var (_, pledgeId) = await commons.RunAsync<PledgeContribution, (Outcome, Guid?)>(op => op.RunAsync(user.Id, 500, "EUR", monthly: true));
        var (paid, _) = await commons.RunAsync<RecordPayment, (Outcome, Guid?)>(op => op.ByTreasurerAsync(treasurer.Id, new RecordPayment.Input(pledgeId!.Value, 500, "EUR", DateTime.UtcNow)));
        Assert.True(paid.Succeeded, paid.Message);
        return (user, await commons.Hub.SignedInClientAsync(email, CommonsFixture.Password));
    }

    [Fact]
    public async Task AnAmount_ReadsAsGermanWritesMoney_ForAGermanReader_AndAsEnglishDoes_ForAnEnglishOne()
    {
        var (treasurer, _) = await commons.PersonAsync("Zahlmeister", CommonsRoleKind.Treasurer);
        var (_, adminClient) = await commons.PersonAsync("Reader", CommonsRoleKind.Administrator);
        var (_, german) = await GermanContributorAsync("Lotte", treasurer);
        var (created, _) = await german.SubmitAsync("/commons/proposals", new Dictionary<string, string>
        { ["Amount"] = "1234.50", ["Currency"] = "EUR", ["Purpose"] = "Ein Raum für das Herbsttreffen", ["Recipient"] = "Das Gemeindehaus" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        static string Heading(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("h1")!.TextContent.Trim().Replace('\u00A0', ' ');
        Assert.Equal("Ein Vorschlag über 1.234,50 €", Heading((await german.GetAsync(url)).Page));
        Assert.Equal("A proposal for €1,234.50", Heading((await adminClient.GetAsync(url)).Page));
        // Form values stay as machines read them, whatever the reader's language.
        var (_, treasury) = await (await commons.PersonAsync("Kasse", CommonsRoleKind.Treasurer)).Client.GetAsync("/commons/treasury");
        Assert.All(treasury.QuerySelectorAll("input[name=paymentAmount]"), i => Assert.DoesNotContain(",", i.GetAttribute("value")));
    }

    [Fact]
    public async Task AProposalDeclinedInEnglish_ReachesItsGermanProposer_InGerman_WithTheReasonAsWritten()
    {
        var (treasurer, _) = await commons.PersonAsync("Buchhalterin", CommonsRoleKind.Treasurer);
        var (_, adminClient) = await commons.PersonAsync("Decider", CommonsRoleKind.Administrator);
        var (proposer, german) = await GermanContributorAsync("Jonas", treasurer);
        var (created, _) = await german.SubmitAsync("/commons/proposals", new Dictionary<string, string>
        { ["Amount"] = "80", ["Currency"] = "EUR", ["Purpose"] = "Ein neuer Beamer", ["Recipient"] = "Ein Laden" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var (decided, _) = await adminClient.SubmitAsync(url, new Dictionary<string, string> { ["Approve"] = "false", ["Reason"] = "The library lends one for free." }, "Decide");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        await commons.Hub.DrainOutboxAsync();
        var mail = await commons.Hub.Smtp!.WaitForAsync(proposer.Email!, "Dein Vorschlag wurde abgelehnt");
        Assert.StartsWith("Hallo Jonas,", mail.TextBody);
        Assert.Contains("Dein Vorschlag für das Gemeingut, „Ein neuer Beamer“, wurde abgelehnt.", mail.TextBody);
        Assert.Contains("Die Begründung: The library lends one for free.", mail.TextBody);
        Assert.Contains("Vorschlag lesen", mail.TextBody);
    }
}
