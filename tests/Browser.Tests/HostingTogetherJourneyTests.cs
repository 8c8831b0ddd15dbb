using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// A host of the demo congregation tends hosting together: the autumn gathering's hosts and what each did, a member's
/// proposed event to say yes to, the congregation's levels, and the members' page with an invitation to host waiting.
/// </summary>
public sealed class HostingTogetherJourneyTests
{
    [Fact]
    public async Task Host_SeesCoHostsAndTheirLog_SaysYesToAProposal_AndDescribesALevel()
    {
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-hosting");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string> { ["Environment"] = "Development" });
        var lines = hub.Output.ToList();
        var email = lines.Single(l => l.TrimStart().StartsWith("Email:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var password = lines.Single(l => l.TrimStart().StartsWith("Password:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();

        await using var browser = await BrowserSession.StartAsync("hosting-together");
        var page = browser.Page;
        await page.GotoAsync($"{hub.BaseUrl}/account/sign-in?returnUrl=/congregations/riverside/host");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The hosting page lists the proposal waiting and the setting for members' events.
        var membersEvents = page.GetByRole(AriaRole.Region, new() { Name = "Members' events" });
        await Assertions.Expect(membersEvents).ToContainTextAsync("Repair café by the river");
        await browser.CheckPageAsync("hosting-members-events");
        await membersEvents.GetByRole(AriaRole.Link, new() { Name = "Repair café by the river" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kofi Mensah-Reed proposes this event" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("proposal-to-decide");
        await page.GetByRole(AriaRole.Button, new() { Name = "Not this time" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message-error")).ToContainTextAsync("kind words");
        await browser.CheckPageAsync("proposal-decline-without-words");
        await page.GetByLabel("A few words for Kofi Mensah-Reed").FillAsync("What a good idea. Bring your toolbox!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, put it up" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The event is up");
        await browser.CheckPageAsync("proposal-approved-event");

        // The autumn gathering: Noor co-hosts with Tomas, and what each did is listed.
        await page.GotoAsync($"{hub.BaseUrl}/gatherings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Riverside autumn gathering" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Hosting together" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Who hosts" })).ToContainTextAsync("Noor Haddad-Lind co-hosts");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "What the hosts did" })).ToContainTextAsync("added the discount code CREWMATE");
        await browser.CheckPageAsync("event-hosts");

        // The levels, described, and the congregation's page explaining them.
        await page.GotoAsync($"{hub.BaseUrl}/congregations/riverside/levels");
        await page.GetByLabel("What it means here").First.FillAsync("Comes to gatherings and calls, and is welcome in any crew.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save Friend" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Friend is saved");
        await browser.CheckPageAsync("levels");
        await page.GotoAsync($"{hub.BaseUrl}/congregations/riverside");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Levels, and the path between them" })).ToContainTextAsync("welcome in any crew");

        // The members' page: Noor's invitation to host waits for her answer.
        await page.GotoAsync($"{hub.BaseUrl}/congregations/riverside/members");
        await Assertions.Expect(page.Locator(".member-list")).ToContainTextAsync("Invited to host Riverside Congregation; waiting for Noor Haddad-Lind's answer.");
        await browser.CheckPageAsync("members-invitation-waiting");
    }
}
