using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Tests.Features.Congregations;
using Microsolidarity.Hub.Tests.Features.Rounds;
using Microsolidarity.Hub.Tests.Platform.Localization;

namespace Microsolidarity.Hub.Tests.Features.Commons;

/// <summary>
/// The common fund's pages and the groups' boards, read in the pseudo-locale: every word the hub itself writes there
/// goes through localisation. One hub for both; the commons starts empty (its empty states are read first), then holds
/// a contribution, an expense, a goal and two proposals. What the test made (names, purposes, card texts, the
/// payment references) and the currencies' codes (the same in every language) are taken away before looking.
/// </summary>
public sealed class CommonsPagesInPseudoLocaleTests(SharedHubWithPseudoLocale shared) : IClassFixture<SharedHubWithPseudoLocale>
{
    private readonly HubFactory hub = shared.Hub;

    private Task<SharedHubWithPseudoLocale.Reader> PersonAsync(string who, bool admin = false) => shared.PersonAsync(who, admin);

    /// <summary>The shared bank transfer box (Platform/Web/Shared) names the account's IBAN and BIC as every language does.</summary>
    private static readonly string[] BankWords = ["IBAN", "BIC"];

    private async Task<T> RunAsync<TOperation, T>(Func<TOperation, Task<T>> run) where TOperation : notnull
    {
        using var scope = hub.Services.CreateScope();
        return await run(scope.ServiceProvider.GetRequiredService<TOperation>());
    }

    private async Task Done<TOperation>(Func<TOperation, Task<Outcome>> run) where TOperation : notnull
    {
        var outcome = await RunAsync(run);
        Assert.True(outcome.Succeeded, outcome.Message);
    }

    [Fact]
    public async Task CommonsPages_ForVisitorMemberContributorTreasurerAndAdministrator_ShowNoWordThatSkippedLocalisation()
    {
        var visitor = hub.NewClient();
        PseudoLocalePages.Use(visitor);
        string[] codes = [.. Money.Currencies];
        await PseudoLocalePages.AssertNoLeaksAsync(visitor, "/commons", "the commons for a visitor, before any money", codes);

        var keeper = await PersonAsync("keeper", admin: true);
        var member = await PersonAsync("ines");
        var newcomer = await PersonAsync("otto");
        foreach (var role in new[] { CommonsRoleKind.Treasurer, CommonsRoleKind.Administrator, CommonsRoleKind.VetoHolder })
        {
            await Done<NameCommonsRole>(op => op.RunAsync(keeper.Id, keeper.Email, role));
        }
        string[] people = [keeper.Name, keeper.Email, member.Name, newcomer.Name];
        await PseudoLocalePages.AssertNoLeaksAsync(keeper.Client, "/commons/treasury", "the treasury, empty", [.. codes, .. people]);
        await PseudoLocalePages.AssertNoLeaksAsync(keeper.Client, "/commons/bank-details", "the bank details, none yet", [.. codes, .. people]);
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, "/commons/contribute", "the contribution page before a pledge", [.. codes, .. people]);

        await Done<SaveBankAccount>(op => op.RunAsync(keeper.Id, true, new SaveBankAccount.Input("EUR", "Commons of the network", "DE89 3704 0044 0532 0130 00", "COBADEFFXXX", "")));
        var (pledged, pledgeId) = await RunAsync<PledgeContribution, (Outcome, Guid?)>(op => op.RunAsync(member.Id, 150000, "EUR", monthly: true));
        Assert.True(pledged.Succeeded, pledged.Message);
        var (paid, _) = await RunAsync<RecordPayment, (Outcome, Guid?)>(op => op.ByTreasurerAsync(keeper.Id, new RecordPayment.Input(pledgeId!.Value, 150000, "EUR", DateTime.UtcNow)));
        Assert.True(paid.Succeeded, paid.Message);
        await RunAsync<PledgeContribution, (Outcome, Guid?)>(op => op.RunAsync(newcomer.Id, 500, "EUR", monthly: false));
        var room = "Room for the spring call";
        var (spent, _) = await RunAsync<RecordLedgerEntry, (Outcome, Guid?)>(op => op.RunAsync(keeper.Id,
            new RecordLedgerEntry.Input(LedgerKind.Expense, 26550, "EUR", room, "scholarship", DateTime.UtcNow)));
        Assert.True(spent.Succeeded, spent.Message);
        var goal = "Scholarships for the summer camp";
        await Done<SetFundraisingGoal>(op => op.RunAsync(keeper.Id, goal, "scholarship", 200000, "EUR"));
        var purpose = "Facilitation of the autumn calls";
        var recipient = "The facilitation fund";
        var (_, open) = await RunAsync<ProposeSpending, (Outcome, Guid?)>(op => op.RunAsync(member.Id, new ProposeSpending.Input(30000, "EUR", purpose, recipient, null)));
        var advice = "Yes: the calls are where newcomers arrive.";
        await Done<GiveAdvice>(op => op.RunAsync(member.Id, open!.Value, AdviceKind.Support, advice));
        var paidPurpose = "Captions for the recorded talks";
        var (_, decided) = await RunAsync<ProposeSpending, (Outcome, Guid?)>(op => op.RunAsync(member.Id, new ProposeSpending.Input(12000, "EUR", paidPurpose, recipient, null)));
        var reason = "Clear support and a small amount.";
        await Done<DecideProposal>(op => op.RunAsync(keeper.Id, decided!.Value, approve: true, reason));
        await Done<PayProposal>(op => op.RunAsync(keeper.Id, decided!.Value));
        var references = await RunAsync<HubDbContext, List<string>>(db => db.Pledges.Select(p => p.Reference!).ToListAsync());
        string[] data = [.. codes, .. people, .. references, room, "scholarship", goal, purpose, recipient, advice, paidPurpose, reason,
            "Commons of the network", "DE89 3704 0044 0532 0130 00", "COBADEFFXXX", "Monthly contribution", "One-off contribution",
            .. BankWords];
        // The ledger's stored descriptions are written once, in English (see the architecture's note on stored words).
        string[] ledger = [.. data, $"{paidPurpose} (approved proposal)"];

        await PseudoLocalePages.AssertNoLeaksAsync(visitor, "/commons?with=money", "the commons for a visitor", data);
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, "/commons", "the commons for a contributor", data);
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, "/commons/contribute", "a contributor's pledges and bank transfer", data);
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, "/commons/proposals", "the proposals for a contributor", data);
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, $"/commons/proposals/{open}", "an open proposal for a contributor", data);
        await PseudoLocalePages.AssertNoLeaksAsync(newcomer.Client, "/commons/proposals", "the proposals for someone not yet a contributor", data);
        await PseudoLocalePages.AssertNoLeaksAsync(newcomer.Client, "/commons/contribute", "a pledge not yet paid", data);
        await PseudoLocalePages.AssertNoLeaksAsync(keeper.Client, "/commons", "the commons for its administrator", data);
        await PseudoLocalePages.AssertNoLeaksAsync(keeper.Client, $"/commons/proposals/{open}", "an open proposal for the administrator and veto holder", data);
        await PseudoLocalePages.AssertNoLeaksAsync(keeper.Client, $"/commons/proposals/{decided}", "a paid proposal with its history", data);
        await PseudoLocalePages.AssertNoLeaksAsync(keeper.Client, "/commons/treasury", "the treasury with pledges and entries", ledger);
        await PseudoLocalePages.AssertNoLeaksAsync(keeper.Client, "/commons/treasury?q=zzqx", "the treasury with no pledge found", [.. ledger, "zzqx"]);
        await PseudoLocalePages.AssertNoLeaksAsync(keeper.Client, "/commons/bank-details", "the bank details with an account", data);
        await PseudoLocalePages.AssertNoLeaksAsync(keeper.Client, "/commons/import", "the Open Collective import", data);
        await PseudoLocalePages.AssertNoLeaksAsync(keeper.Client, "/admin/commons", "the commons' roles", data);

        // Refused forms: their messages are localised too, the operation's as well as the page's.
        var (refused, refusedPage) = await member.Client.SubmitAsync("/commons/proposals", new Dictionary<string, string>
        { ["Amount"] = "40", ["Currency"] = "EUR", ["Purpose"] = "", ["Recipient"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.StartsWith("⟦", refusedPage.QuerySelector("#purpose-error")!.TextContent.Trim());
        Assert.Empty(PseudoLocalePages.LeaksIn(refusedPage, [.. data, "40"]));
        var (_, badAmount) = await member.Client.SubmitAsync("/commons/contribute", new Dictionary<string, string> { ["Input.Amount"] = "1.234", ["Input.Currency"] = "EUR", ["Input.Monthly"] = "true" }, handler: "Pledge");
        Assert.StartsWith("⟦", badAmount.QuerySelector("#amount-error")!.TextContent.Trim());
        Assert.Empty(PseudoLocalePages.LeaksIn(badAmount, [.. data, "1.234"]));
        var (_, badIban) = await keeper.Client.SubmitAsync("/commons/bank-details", new Dictionary<string, string>
        { ["Currency"] = "GBP", ["AccountHolder"] = "", ["Iban"] = "GB00 0000 0000 0000 0000 00", ["Bic"] = "1234", ["Instructions"] = "" }, handler: "Save");
        Assert.StartsWith("⟦", badIban.QuerySelector("#iban-error")!.TextContent.Trim());
        Assert.Empty(PseudoLocalePages.LeaksIn(badIban, [.. data, "GB00 0000 0000 0000 0000 00", "GB00", "1234"]));
    }

    [Fact]
    public async Task BoardPages_OfACrewAWorkingGroupAndACongregation_ShowNoWordThatSkippedLocalisation()
    {
        var host = await PersonAsync("host");
        var member = await PersonAsync("dana");
        var congregation = Unique.Name("Riverside Circle");
        var slug = CongregationTestKit.SlugOf(await CongregationTestKit.CreateAsync(host.Client, congregation, "InvitationOnly"));
        await RoundTestKit.AddMemberAsync(hub, slug, member.Email);
        var group = "Garden team";
        var groupPurpose = "Tend the shared garden.";
        var crewName = Unique.Name("Tuesday crew");
        Guid groupId = Guid.NewGuid(), crewId = Guid.NewGuid();
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var congregationId = await db.Congregations.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
            var now = DateTime.UtcNow;
            db.WorkingGroups.Add(new WorkingGroup { Id = groupId, CongregationId = congregationId, Name = group, Purpose = groupPurpose, EndsOn = DateOnly.FromDateTime(now.AddMonths(2)), StartedByUserId = member.Id, CreatedAt = now });
            var crew = new Crew { Id = crewId, Name = crewName, Purpose = "Peer support.", CongregationId = congregationId, CallerUserId = host.Id, TimeZone = "Europe/Lisbon", JoinedCount = 2, CreatedAt = now };
            crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crewId, UserId = host.Id, Status = CrewMemberStatus.Joined, Position = 0, InvitedAt = now, JoinedAt = now });
            crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crewId, UserId = member.Id, Status = CrewMemberStatus.Joined, Position = 1, InvitedAt = now, JoinedAt = now });
            db.Crews.Add(crew);
            await db.SaveChangesAsync();
        }
        var card = "We start late every time.";
        string[] data = [congregation, host.Name, member.Name, group, groupPurpose, crewName, card];
        foreach (var (board, what) in new[]
        {
            ($"/congregations/{slug}/board", "a congregation's board"),
            ($"/congregations/{slug}/working-groups/{groupId}/board", "a working group's board"),
            ($"/crews/{crewId}/board", "a crew's board"),
        })
        {
            await PseudoLocalePages.AssertNoLeaksAsync(member.Client, board, $"{what}, empty", data);
            var (added, addedPage) = await member.Client.SubmitAsync(board, new Dictionary<string, string> { ["Column"] = "Awareness", ["Text"] = card }, handler: "Add");
            Assert.True(added.StatusCode == HttpStatusCode.Redirect, addedPage.QuerySelector("main")?.TextContent);
            await PseudoLocalePages.AssertNoLeaksAsync(host.Client, board, $"{what} with a card", data);
        }
        var (refused, refusedPage) = await host.Client.SubmitAsync($"/crews/{crewId}/board", new Dictionary<string, string> { ["Column"] = "Tasks", ["Text"] = " " }, handler: "Add");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.StartsWith("⟦", refusedPage.QuerySelector("#text-tasks-error")!.TextContent.Trim());
        Assert.Empty(PseudoLocalePages.LeaksIn(refusedPage, data));
    }
}
