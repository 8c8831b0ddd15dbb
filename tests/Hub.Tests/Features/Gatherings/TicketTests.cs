using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Data.Platform;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

public sealed class TicketTests : IAsyncLifetime
{
    private HubFactory hub = null!;
    private WebApplicationFactory<Program> withHandler = null!;

    /// <summary>Books the surplus as the commons would: a row in the closing unit of work, never saved by itself.</summary>
    private sealed class RecordingHandler(HubDbContext db) : IEventSettledHandler
    {
        public Task OnSettledAsync(EventSettled settled, CancellationToken cancellationToken)
        {
            db.HubSettings.Add(new HubSetting { Key = $"settled:{settled.EventId}", Value = $"{settled.Income:0.00}/{settled.Costs:0.00}/{settled.Surplus:0.00}/{settled.Currency}", UpdatedAt = DateTime.UtcNow });
            return Task.CompletedTask;
        }
    }

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync(s => s["Hub:PublicUrl"] = "http://hub.test", smtp: false);
        withHandler = hub.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddScoped<IEventSettledHandler, RecordingHandler>()));
    }

    public async Task DisposeAsync()
    {
        await withHandler.DisposeAsync();
        await hub.DisposeAsync();
    }

    private static Viewer Person(string id, bool admin = false) => new(id, admin, true, new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>(), null);

    [Fact]
    public async Task Tickets_TiersScholarshipCodeAndPayment_CloseReportsTheSurplusInTheSameUnitOfWork()
    {
        using var scope = withHandler.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<HubDbContext>();
        foreach (var name in new[] { "host", "ana", "ben", "cy" })
        {
            db.Users.Add(new HubUser { Id = name, UserName = $"{name}@test.example", Email = $"{name}@test.example", DisplayName = name, CreatedAt = DateTime.UtcNow });
        }
        await db.SaveChangesAsync();
        var host = Person("host", admin: true);
        var date = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd");
        var (_, id) = await services.GetRequiredService<CreateEvent>().RunAsync(host, new EventInput(EventScale.Network, null, null, "Summer camp", "", EventKind.Camp,
            EventVisibility.Public, false, "Camp ground", "", date, "10:00", "", "18:00", "Europe/Madrid", "", 30, false, "", AttendeeListVisibility.HostsOnly));
        var eventId = id!.Value;
        var setUp = services.GetRequiredService<SetUpTickets>();
        Assert.True((await setUp.AddTierAsync(host, eventId, "Standard", "80", false, null)).Succeeded);
        Assert.True((await setUp.AddTierAsync(host, eventId, "Pay what you can", null, true, "20")).Succeeded);
        Assert.Equal("TierPrice", (await setUp.AddTierAsync(host, eventId, "Broken", "eighty", false, null)).Field);
        Assert.True((await setUp.AddCodeAsync(host, eventId, "crew10", 10)).Succeeded);
        Assert.False((await setUp.AddCodeAsync(Person("ana"), eventId, "MINE", 100)).Succeeded);
        var tiers = await db.TicketTiers.AsNoTracking().Where(t => t.EventId == eventId).OrderBy(t => t.Order).ToListAsync();

        var answer = services.GetRequiredService<AnswerEvent>();
        var choose = services.GetRequiredService<ChooseTicket>();
        Assert.Contains("going first", (await choose.RunAsync(Person("ana"), eventId, tiers[0].Id, null, null, null)).Message);
        foreach (var person in new[] { "ana", "ben", "cy" })
        {
            await answer.RunAsync(Person(person), eventId, null, RsvpStatus.Going);
        }
        Assert.True((await choose.RunAsync(Person("ana"), eventId, tiers[0].Id, null, "CREW10", null)).Succeeded); // 72.00
        Assert.Contains("from 20", (await choose.RunAsync(Person("ben"), eventId, tiers[1].Id, "15", null, null)).Message);
        Assert.Contains("not a code", (await choose.RunAsync(Person("ben"), eventId, tiers[1].Id, "25", "FREE", null)).Message);
        Assert.True((await choose.RunAsync(Person("ben"), eventId, tiers[1].Id, "25", null, null)).Succeeded);
        Assert.True((await choose.RunAsync(Person("cy"), eventId, tiers[0].Id, null, null, "I am between jobs this summer and would love to come.")).Succeeded);

        var tend = services.GetRequiredService<TendTicket>();
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.EventId == eventId).ToDictionaryAsync(t => t.UserId);
        Assert.Equal(72.00m, tickets["ana"].Amount);
        Assert.Contains("Decide the scholarship first", (await tend.MarkPaidAsync(host, tickets["cy"].Id)).Message);
        Assert.Equal("Granted", (await tend.DecideScholarshipAsync(host, tickets["cy"].Id, true, "100")).Field);
        Assert.True((await tend.DecideScholarshipAsync(host, tickets["cy"].Id, true, "60")).Succeeded);
        foreach (var person in new[] { "ana", "cy" })
        {
            Assert.True((await tend.MarkPaidAsync(host, tickets[person].Id)).Succeeded);
        }
        Assert.False((await tend.MarkPaidAsync(Person("ben"), tickets["ben"].Id)).Succeeded);
        Assert.True((await setUp.AddBudgetLineAsync(host, eventId, false, "Camp ground", "50")).Succeeded);
        Assert.True((await setUp.AddBudgetLineAsync(host, eventId, true, "Donation", "10")).Succeeded);

        var close = services.GetRequiredService<CloseEvent>();
        Assert.Contains("after it has ended", (await close.RunAsync(host, eventId)).Outcome.Message);
        await db.GatheringEvents.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartsAt, e => e.StartsAt.AddDays(-20)).SetProperty(e => e.EndsAt, e => e.EndsAt.AddDays(-20)));
        db.ChangeTracker.Clear(); // as a new request would see it
        var (closed, budget) = await close.RunAsync(host, eventId);
        Assert.True(closed.Succeeded, closed.Message);
        // Paid: Ana 72 and Cy 80 - 60 = 20; Ben's 25 is unpaid. Income 92 + 10, costs 50.
        Assert.Equal(102m, budget!.Income);
        Assert.Equal(52m, budget.Surplus);
        Assert.Equal(25m, budget.Unpaid);
        using var check = withHandler.Services.CreateScope();
        var setting = await check.ServiceProvider.GetRequiredService<HubDbContext>().HubSettings.SingleAsync(s => s.Key == $"settled:{eventId}");
        Assert.Equal("102.00/50.00/52.00/EUR", setting.Value);
        Assert.Contains("closed already", (await close.RunAsync(host, eventId)).Outcome.Message);
        Assert.Contains("closed", (await setUp.AddBudgetLineAsync(host, eventId, false, "Late cost", "5")).Message);
    }

    [Fact]
    public async Task DoubleSubmit_AnswerAndTicket_MakeOneOfEachAndTheTicketShowsHowToPayWithItsReference()
    {
        await hub.CreatePersonAsync("doublehost@test.example", "a tent and a kettle", admin: true, name: "Dara Host");
        var member = await hub.CreatePersonAsync("doubleclick@test.example", "a tent and a kettle", name: "Tam Quick");
        var host = await hub.SignedInClientAsync("doublehost@test.example", "a tent and a kettle");
        var client = await hub.SignedInClientAsync("doubleclick@test.example", "a tent and a kettle");
        var path = await GatheringTestKit.CreateAsync(host, GatheringTestKit.Form("network", "Harvest gathering", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)),
            f => f["Input.Capacity"] = "20"));
        var eventId = GatheringTestKit.IdOf(path);
        var (tier, _) = await host.SubmitAsync($"/gatherings/{eventId}/tickets", new Dictionary<string, string> { ["TierName"] = "Standard", ["TierPrice"] = "60" }, "Tier");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, tier.StatusCode);
        using (var scope = hub.Services.CreateScope())
        {
            var save = scope.ServiceProvider.GetRequiredService<Hub.Features.Commons.SaveBankAccount>();
            Assert.True((await save.RunAsync(member.Id, true, new("EUR", "Harvest Circle", "GB82 WEST 1234 5698 7654 32", "", "Cash at the door works too."))).Succeeded);
        }

        // "Going", clicked twice: one answer, one place taken, and both clicks land on the event with the first's notice.
        var answers = await Platform.Web.SubmitTwice.RunAsync(client, $"/gatherings/{eventId}", "Answer", new Dictionary<string, string> { ["Reply"] = "Going" });
        Assert.All(answers, r => Assert.Equal(System.Net.HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(answers.Select(r => r.Headers.Location!.OriginalString).Distinct());
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            Assert.Equal(1, await db.Rsvps.CountAsync(r => r.EventId == eventId && r.UserId == member.Id));
            Assert.Equal(1, await db.EventOccurrences.Where(o => o.EventId == eventId).SumAsync(o => o.GoingCount));
        }
        var (_, afterAnswer) = await client.GetAsync(answers[2].Headers.Location!.OriginalString);
        Assert.Contains("You are going", afterAnswer.QuerySelector("main")!.TextContent);

        // "Choose this ticket", clicked twice: one ticket (before, the second click met the unique index and failed).
        var tierId = (await client.GetAsync($"/gatherings/{eventId}")).Page.QuerySelector("#tier option")!.GetAttribute("value")!;
        var tickets = await Platform.Web.SubmitTwice.RunAsync(client, $"/gatherings/{eventId}", "Ticket", new Dictionary<string, string> { ["TierId"] = tierId });
        Assert.All(tickets, r => Assert.Equal(System.Net.HttpStatusCode.Redirect, r.StatusCode));
        string reference;
        using (var scope = hub.Services.CreateScope())
        {
            var ticket = await scope.ServiceProvider.GetRequiredService<HubDbContext>().Tickets.SingleAsync(t => t.EventId == eventId && t.UserId == member.Id);
            reference = ticket.PaymentReference!;
        }
        Assert.Matches("^MSH-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{2}$", reference);

        // No Stripe keys here: the ticket shows the commons' bank details with its reference, and no card button.
        var (_, page) = await client.GetAsync($"/gatherings/{eventId}");
        var pay = page.QuerySelector("#pay-ticket")!.TextContent;
        Assert.Contains("60.00 EUR", pay);
        Assert.Contains("GB82 WEST 1234 5698 7654 32", pay);
        Assert.Contains("Cash at the door works too.", pay);
        Assert.Contains(reference, pay);
        Assert.DoesNotContain("by card", pay);
        Assert.Null(page.QuerySelector("form[action*='handler=Pay']"));

        // The hosts find the ticket by the reference as the bank wrote it, and mark it paid.
        var (_, found) = await host.GetAsync($"/gatherings/{eventId}/tickets?q={Uri.EscapeDataString(reference.Replace("-", "").ToLowerInvariant())}");
        var row = Assert.Single(found.QuerySelectorAll("#tickets tbody tr"));
        Assert.Equal(reference, row.QuerySelector("td.reference")!.TextContent);
        var (_, missing) = await host.GetAsync($"/gatherings/{eventId}/tickets?q=MSH-ZZZZ-ZZ");
        Assert.Contains("No ticket matches", missing.QuerySelector("main")!.TextContent);
    }
}
