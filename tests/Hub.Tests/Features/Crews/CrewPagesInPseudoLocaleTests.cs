using System.Net;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Platform.Localization;

namespace Microsolidarity.Hub.Tests.Features.Crews;

/// <summary>The crew pages a member reaches, read in the pseudo-locale: every word the hub shows goes through localisation.</summary>
public sealed partial class CrewPagesInPseudoLocaleTests(SharedHubWithPseudoLocale shared) : IClassFixture<SharedHubWithPseudoLocale>
{

    private Task<SharedHubWithPseudoLocale.Reader> PersonAsync(string who) => shared.PersonAsync(who);

    [Fact]
    public async Task CrewPages_ShowNoWordThatSkippedLocalisation()
    {
        var caller = await PersonAsync("caller");
        var ben = await PersonAsync("ben");
        var cy = await PersonAsync("cy");
        var crewName = Unique.Name("Tuesday crew");
        var purpose = "Peer coaching with the case clinic.";

        await AssertLocalisedAsync(caller.Client, "/crews", "the crews page without a crew", []);
        await AssertLocalisedAsync(caller.Client, "/crews/new", "the form to call a crew", [caller.Name]);

        var (called, _) = await caller.Client.SubmitAsync("/crews/new", new Dictionary<string, string>
        {
            ["Input.Name"] = crewName,
            ["Input.Purpose"] = purpose,
            ["Input.Invitees"] = $"{ben.Email}\n{cy.Email}",
            ["Input.Cadence"] = "Weekly",
            ["Input.Meetings"] = "6",
            ["Input.SlotDay"] = "Tuesday",
            ["Input.SlotTime"] = "19:00",
            ["Input.TimeZone"] = "Europe/Lisbon",
        });
        Assert.Equal(HttpStatusCode.Redirect, called.StatusCode);
        var crew = called.Headers.Location!.OriginalString;
        string[] data = [crewName, purpose, caller.Name, ben.Name, cy.Name, "Europe/Lisbon"];

        await AssertLocalisedAsync(ben.Client, "/crews", "the crews page with an invitation", data);
        await AssertLocalisedAsync(ben.Client, crew, "the crew's page for an invited person", data);
        await AssertLocalisedAsync(caller.Client, crew, "the forming crew's page for its caller", data);

        foreach (var person in new[] { ben.Client, cy.Client })
        {
            var (answered, _) = await person.SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Respond");
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }
        await AssertLocalisedAsync(caller.Client, crew, "the crew's page ready to start", data);
        await AssertLocalisedAsync(caller.Client, "/crews", "the crews page with a crew", data);

        var firstDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        while (firstDate.DayOfWeek != DayOfWeek.Tuesday)
        {
            firstDate = firstDate.AddDays(1);
        }
        var (started, startedPage) = await caller.Client.SubmitAsync(crew, new Dictionary<string, string> { ["FirstDate"] = firstDate.ToString("yyyy-MM-dd") }, handler: "Start");
        Assert.True(started.StatusCode == HttpStatusCode.Redirect, startedPage.QuerySelector("main")?.TextContent);
        // The card drawer is the practice library's own partial, localised with that library.
        string[] drawer = ["Looking for a way in? Draw a card: a question to talk about, a mission for before next time, or something to do together.", "Draw a card", "See the whole deck"];
        await AssertLocalisedAsync(caller.Client, crew, "the crew's page with its meetings", [.. data, .. drawer]);
    }

    [Fact]
    public async Task DyadPages_ShowNoWordThatSkippedLocalisation()
    {
        var ana = await PersonAsync("ana");
        var ben = await PersonAsync("ben");
        await AssertLocalisedAsync(ana.Client, "/dyads", "the dyads page without a dyad", []);
        await AssertLocalisedAsync(ana.Client, "/dyads/new", "the form to propose a dyad", [ana.Name]);

        var (proposed, proposedPage) = await ana.Client.SubmitAsync("/dyads/new", new Dictionary<string, string>
        {
            ["PartnerEmail"] = ben.Email,
            ["Kind"] = "PeerCoaching",
            ["Weeks"] = "6",
        });
        Assert.True(proposed.StatusCode == HttpStatusCode.Redirect, proposedPage.QuerySelector("main")?.TextContent);
        string[] data = [ana.Name, ben.Name, ben.Email];
        await AssertLocalisedAsync(ana.Client, "/dyads", "the dyads page waiting for an answer", data);
        await AssertLocalisedAsync(ben.Client, "/dyads", "the dyads page with a proposal", data);
    }

    private static Task AssertLocalisedAsync(FormClient client, string path, string page, string[] data) =>
        PseudoLocalePages.AssertNoLeaksAsync(client, path, page, data);
}
