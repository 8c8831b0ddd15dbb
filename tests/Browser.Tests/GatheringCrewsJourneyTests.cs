using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// A host of the demo's autumn gathering says they are going, forms the day's temporary crews, publishes them, says
/// they would like to go on with theirs, and prints the table sheet; then looks at a past gathering's published crews.
/// </summary>
public sealed class GatheringCrewsJourneyTests
{
    [Fact]
    public async Task Host_FormsPublishesAndPrintsTheCrewsOfADate()
    {
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-gathering-crews");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>());
        var lines = hub.Output.ToList();
        var email = lines.Single(l => l.TrimStart().StartsWith("Email:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var password = lines.Single(l => l.TrimStart().StartsWith("Password:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();

        await using var browser = await BrowserSession.StartAsync("gathering-crews-journey");
        var page = browser.Page;
        await page.GotoAsync($"{hub.BaseUrl}/account/sign-in?returnUrl=/gatherings");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Riverside autumn gathering" }).First.ClickAsync();
        await page.GetByLabel("The hosts ask").FillAsync("To host a table or two.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Going", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are going");

        await page.GetByRole(AriaRole.Link, new() { Name = "Crews for this date" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Anyone you would rather not sit with?" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".rather-not-list li")).ToHaveCountAsync(3);
        await browser.CheckPageAsync("rather-not");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save, privately" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("nobody on your list");

        await page.GetByLabel("People per crew").SelectOptionAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Form the crews" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The crews are formed");
        await Assertions.Expect(page.Locator(".crew-table")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".crew-table .person")).ToHaveCountAsync(4);
        await browser.CheckPageLightAndDarkAsync("formed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the crews" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your crew: crew 1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".my-table .faces li")).ToHaveCountAsync(4);
        await browser.CheckPageLightAndDarkAsync("published");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, I would like to go on" }).ClickAsync();
        await Assertions.Expect(page.Locator("#my-answer")).ToContainTextAsync("You said yes");

        await page.GetByRole(AriaRole.Link, new() { Name = "Print the table sheet" }).ClickAsync();
        await Assertions.Expect(page.Locator(".sheet-crew")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".sheet-crew")).ToContainTextAsync("Kofi Mensah-Reed");
        await browser.CheckPageAsync("print");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".print-intro").First).ToBeHiddenAsync();
        await browser.PhotographAsync("print-media.png");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the crews" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to Riverside autumn gathering" }).ClickAsync();
        await Assertions.Expect(page.Locator("#my-crew")).ToContainTextAsync("Noor Haddad-Lind");
        await browser.CheckPageAsync("event-with-my-crew");
    }
}
