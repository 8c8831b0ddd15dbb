using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using static Microsolidarity.Hub.Tests.Features.Rounds.RoundTestKit;

namespace Microsolidarity.Hub.Tests.Features.Rounds;

/// <summary>The demo's open formation round, through a host's and a not-yet-joined member's eyes.</summary>
public sealed class DemoFormationRoundTests
{
    [Fact]
    public async Task Demo_OpenRound_CanBeJoinedAndRunIntoAProposal()
    {
        await using var hub = await HubFactory.StartAsync(s => s["Hub:SeedDemo"] = "true", smtp: false);
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var round = await db.FormationRounds.SingleAsync(r => r.CongregationId != null);
            Assert.Equal(FormationStage.Open, round.Stage);
            Assert.Equal(4, await db.FormationParticipants.CountAsync(p => p.RoundId == round.Id));
            Assert.True(await db.FormationPreferences.CountAsync() >= 3);
            // Demo people get passwords here only so the test can look through their eyes.
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Accounts.HubUser>>();
            foreach (var email in new[] { "ilse@demo.hub.example", "wren@demo.hub.example" })
            {
                await users.AddPasswordAsync((await users.FindByEmailAsync(email))!, "demo password for tests");
            }
        }
        var host = await hub.SignedInClientAsync("ilse@demo.hub.example", "demo password for tests");
        var wren = await hub.SignedInClientAsync("wren@demo.hub.example", "demo password for tests");
        var (_, list) = await wren.GetAsync("/congregations/riverside/formation");
        var link = list.QuerySelector("ul.card-list a")!.GetAttribute("href")!;
        Assert.Contains("Crews after the autumn gathering", list.QuerySelector("main")!.TextContent);
        var (_, join) = await wren.GetAsync(link);
        Assert.Contains("Join the round", join.QuerySelector("main")!.TextContent);
        Assert.Equal(4, join.QuerySelectorAll(".preference-list > li").Length);
        Assert.Equal("music, cooking", join.QuerySelector("#interests")!.GetAttribute("value")); // from her profile
        Assert.NotEmpty(join.QuerySelectorAll("table.availability input:checked")); // her usual Thursday evening

        var (ran, _) = await PostAsync(host, link, "Run", []);
        Assert.Equal(HttpStatusCode.Redirect, ran.StatusCode);
        var (_, proposal) = await host.GetAsync(link);
        // Four people free on Tuesday evening, but one "rather not" keeps two of them apart: a crew of three, one not placed.
        Assert.Single(proposal.QuerySelectorAll("section.proposed-crew:not(.unplaced)"));
        Assert.Contains("3 people", proposal.QuerySelector("#crew-1")!.TextContent);
        Assert.Contains("Tuesday", proposal.QuerySelector("#crew-1 .slot")!.TextContent);
        // Who is left out, and the reason, name no preference: "someone's preferences" beside a crew of three
        // told the host that the one left out gave, or got, a "rather not" about one of those three.
        var unplaced = proposal.QuerySelector("#unplaced")!.TextContent;
        Assert.Contains(Grouping.FormCrews.NoCrewCouldTakeThem, unplaced);
        Assert.DoesNotContain("prefer", unplaced, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("rather", unplaced, StringComparison.OrdinalIgnoreCase);
    }
}
