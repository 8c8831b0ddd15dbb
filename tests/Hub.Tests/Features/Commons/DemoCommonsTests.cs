using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Commons;

/// <summary>The demo's commons, as a visitor and as each role sees it, and every such page through the Nu HTML checker.</summary>
public sealed class DemoCommonsTests
{
    [Fact]
    public async Task Demo_CommonsPages_ShowAYearOfTheFundAndAreValidHtml()
    {
        await using var hub = await HubFactory.StartAsync(s => s["Hub:SeedDemo"] = "true", smtp: false);
        int entries;
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            entries = await db.LedgerEntries.CountAsync();
            Assert.Equal(2, await db.LedgerEntries.Where(e => e.Kind == LedgerKind.EventShare && e.Fund == CommonsFunds.Commons).CountAsync());
            Assert.Equal(1, await db.Proposals.CountAsync(p => p.State == ProposalState.Open));
            // Demo people get passwords here only so the test can look through their eyes.
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Accounts.HubUser>>();
            foreach (var email in new[] { "ilse@demo.hub.example", "tomas@demo.hub.example", "kofi@demo.hub.example" })
            {
                await users.AddPasswordAsync((await users.FindByEmailAsync(email))!, "demo password for tests");
            }
        }
        var visitor = hub.NewClient();
        var (_, page) = await visitor.GetAsync("/commons");
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Spring intensive in Lisbon", main);
        Assert.Contains("€142.00", main); // 10% of a €1,420 surplus
        Assert.Contains("Online practice program, autumn cohort", main);
        Assert.NotNull(page.QuerySelector("svg.balance-chart polyline"));
        Assert.Equal(2, page.QuerySelectorAll("svg.balance-chart polyline").Length); // EUR and USD, never converted
        Assert.Contains("Scholarships for the summer gathering", main);
        Assert.DoesNotContain("Ilse", main);

        var pages = new Dictionary<string, string> { ["commons with demo"] = visitor.LastHtml };
        var treasurer = await hub.SignedInClientAsync("ilse@demo.hub.example", "demo password for tests");
        foreach (var path in new[] { "/commons/treasury", "/commons/contribute", "/commons/proposals", "/commons/import" })
        {
            pages[$"treasurer {path}"] = await (await treasurer.Http.GetAsync(path)).Content.ReadAsStringAsync();
        }
        var (_, proposals) = await treasurer.GetAsync("/commons/proposals");
        var proposal = proposals.QuerySelector(".card-list a")!.GetAttribute("href")!;
        var administrator = await hub.SignedInClientAsync("tomas@demo.hub.example", "demo password for tests");
        pages["administrator proposal"] = await (await administrator.Http.GetAsync(proposal)).Content.ReadAsStringAsync();
        await administrator.SubmitAsync(proposal, new Dictionary<string, string> { ["Approve"] = "true", ["Reason"] = "" }, "Decide");
        pages["decision without a reason"] = administrator.LastHtml;
        await treasurer.SubmitAsync("/commons/treasury", new Dictionary<string, string> { ["Kind"] = "Expense", ["Amount"] = "-1", ["Currency"] = "EUR", ["Description"] = "" }, "Entry");
        pages["treasury with errors"] = treasurer.LastHtml;
        var kofi = await hub.SignedInClientAsync("kofi@demo.hub.example", "demo password for tests");
        await kofi.SubmitAsync("/commons/contribute", new Dictionary<string, string> { ["Input.Amount"] = "abc", ["Input.Currency"] = "EUR", ["Input.Monthly"] = "true" }, "Pledge");
        pages["contribute with errors"] = kofi.LastHtml;
        var (_, import) = await treasurer.GetAsync("/commons/import");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(import.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("\"Effective Date & Time\",\"Transaction ID\",\"Description\",\"Kind\",\"Amount\",\"Currency\"\n\"2026-01-05\",\"t1\",\"Backer\",\"CONTRIBUTION\",\"10.00\",\"EUR\"\n\"soon\",\"t2\",\"Odd\",\"CONTRIBUTION\",\"x\",\"EUR\"")), "file", "oc.csv" },
        };
        pages["import preview with problems"] = await (await treasurer.Http.PostAsync("/commons/import?handler=Upload", upload)).Content.ReadAsStringAsync();
        Assert.Contains("Line 3:", pages["import preview with problems"]);

        pages["control"] = "<!DOCTYPE html><html lang=en><title>x</title><p><div></p>";
        var errors = await NuHtmlChecker.ErrorsAsync(pages);
        Assert.Contains(errors, e => e.StartsWith("control:", StringComparison.Ordinal));
        var real = errors.Where(e => !e.StartsWith("control:", StringComparison.Ordinal)).ToList();
        Assert.True(real.Count == 0, string.Join("\n", real));
        using (var scope = hub.Services.CreateScope())
        {
            Assert.Equal(entries, await scope.ServiceProvider.GetRequiredService<HubDbContext>().LedgerEntries.CountAsync());
        }
    }
}
