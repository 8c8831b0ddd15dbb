using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// A host opens a crew formation round; four members give their preferences; the host runs it, adjusts by
/// keyboard and by drag and drop, and publishes; the proposed crew consents and forms.
/// </summary>
public sealed class FormationRoundJourneyTests
{
    private const string Password = "tea in the round room";

    [Fact]
    public async Task Host_RunsARound_MembersConsent_CrewForms()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-rounds");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
            ["Hub:SeedDemo"] = "false",
            ["RateLimits:AccountFormsPerMinute"] = "100",
            ["Formation:SearchIterations"] = "20000", // a step cap, not the clock: the same rooms on any machine
        });
        await using var browser = await BrowserSession.StartAsync("formation-round-journey");
        var page = browser.Page;
        var url = hub.BaseUrl;
        string[] members = ["Ben Tallow", "Ana Sorrel", "Cai Ferro", "Dee Lumen"];
        string Email(string name) => $"{name.Split(' ')[0].ToLowerInvariant()}@test.example";

        await AccountSteps.SignUpAsync(page, url, smtp, "Rosa Hearth", "rosa@test.example", Password);
        foreach (var name in members)
        {
            await AccountSteps.SignUpAsync(page, url, smtp, name, Email(name), Password);
        }

        // Rosa starts an open congregation; the four join it.
        await AccountSteps.SignInAsync(page, url, "rosa@test.example", Password, "/congregations/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Kiln Street Congregation");
        await page.GetByLabel("Purpose").FillAsync("Neighbours who gather twice a year so that crews can form.");
        await page.GetByLabel("Place").FillAsync("Porto");
        await page.GetByLabel("Anyone: people join at once").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the congregation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kiln Street Congregation" })).ToBeVisibleAsync();
        var congregation = new Uri(page.Url).AbsolutePath;
        foreach (var name in members)
        {
            await AccountSteps.SignInAsync(page, url, Email(name), Password, congregation);
            await page.GetByRole(AriaRole.Button, new() { Name = "Join Kiln Street Congregation" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Crew formation rounds" })).ToBeVisibleAsync();
        }

        // Rosa opens a round from the congregation page.
        await AccountSteps.SignInAsync(page, url, "rosa@test.example", Password, congregation);
        await page.GetByRole(AriaRole.Link, new() { Name = "Crew formation rounds" }).ClickAsync();
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("No formation round yet");
        await page.GetByLabel("Title").FillAsync("Crews after the spring gathering");
        await page.GetByLabel("Preferences close at").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the round and invite the members" }).ClickAsync();
        await Assertions.Expect(page.Locator("#due-error")).ToContainTextAsync("Choose when preferences close");
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Crews after the spring gathering");
        await browser.CheckPageAsync("rounds-with-errors");
        await page.GetByLabel("Preferences close at").FillAsync(DateTime.UtcNow.AddDays(4).ToString("yyyy-MM-ddT20:00"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the round and invite the members" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Crews after the spring gathering" })).ToBeVisibleAsync();
        var round = new Uri(page.Url).AbsolutePath;
        await browser.CheckPageAsync("round-open-host");
        await smtp.WaitForAsync(Email("Ana Sorrel"), "is forming crews");

        // Each member joins with Tuesday evening free; Ana would rather not be with Ben (who joined before her).
        foreach (var name in members)
        {
            await AccountSteps.SignInAsync(page, url, Email(name), Password, round);
            await page.GetByLabel("Your interests").FillAsync(name.StartsWith("Dee", StringComparison.Ordinal) ? "ceramics, walking" : "ceramics, cooperatives");
            await page.GetByLabel("Tuesday 19:00").CheckAsync();
            await page.GetByLabel("Tuesday 20:00").CheckAsync();
            if (name == "Ana Sorrel")
            {
                await page.GetByRole(AriaRole.Group, new() { Name = "Ben Tallow" }).GetByLabel("Rather not").CheckAsync();
                await browser.CheckPageAsync("round-join-with-preferences");
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Join the round" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are in the round");
        }
        await browser.CheckPageAsync("round-preferences-saved");

        // Rosa runs it: one crew of three, and whoever the "rather not" keeps out, with the reason.
        await AccountSteps.SignInAsync(page, url, "rosa@test.example", Password, round);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the round" }).ClickAsync();
        // The host saved no zone: times are in the zone her browser reports (the session runs in Berlin), not "(UTC)".
        await Assertions.Expect(page.Locator("#crew-1")).ToContainTextAsync("Free together: Tuesday 19:00–21:00 (Europe/Berlin)");
        await Assertions.Expect(page.Locator("#unplaced")).ToContainTextAsync("no proposed crew could take them this time");
        await Assertions.Expect(page.Locator("#unplaced")).Not.ToContainTextAsync("preferences");
        await browser.CheckPageAsync("round-proposal");
        var outName = (await page.Locator("#unplaced li.person .name").TextContentAsync())!.Trim();
        Assert.Contains(outName, new[] { "Ana Sorrel", "Ben Tallow" });

        // By keyboard: moving the one left out into the crew is taken, and the crew is marked, whoever asked for it;
        // it cannot be published like that. Moving them back out clears the mark.
        await page.GetByLabel($"Move {outName} to").SelectOptionAsync(new SelectOptionValue { Label = "Crew 1" });
        await page.GetByLabel($"Move {outName} to").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#crew-1 .marked")).ToContainTextAsync("Someone in this crew may not feel comfortable in it");
        await Assertions.Expect(page.Locator("#warnings")).ToContainTextAsync("Crew 1 is marked");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync($"{outName} cannot join");
        await browser.CheckPageAsync("round-move-marked");
        await page.GetByLabel($"Move {outName} to").SelectOptionAsync("none");
        await page.GetByLabel($"Move {outName} to").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#crew-1 .marked")).ToHaveCountAsync(0);

        // By keyboard: Cai to a new crew (sizes warn); then by drag and drop back into crew 1 (the warnings go).
        await page.GotoAsync($"{url}{round}");
        await page.GetByLabel("Move Cai Ferro to").SelectOptionAsync("new");
        await page.GetByLabel("Move Cai Ferro to").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#warnings")).ToContainTextAsync("Crew 1 has 2 people");
        await Assertions.Expect(page.Locator("#warnings")).ToContainTextAsync("Crew 2 has 1 person");
        await browser.CheckPageAsync("round-move-warnings");
        await page.Locator("#crew-2 li.person .name").DragToAsync(page.Locator("#crew-1 h3"));
        await Assertions.Expect(page.Locator("#crew-1 li.person")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#warnings")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish and invite consent" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Published");
        await browser.CheckPageAsync("round-published-host");

        // The three in the crew consent; the crew forms and the last one can open it.
        var inCrew = members.Where(m => m != outName).ToList();
        foreach (var name in inCrew)
        {
            await AccountSteps.SignInAsync(page, url, Email(name), Password, round);
            await Assertions.Expect(page.Locator(".my-crew")).ToContainTextAsync("Cai Ferro");
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(outName);
            if (name == inCrew[0])
            {
                await browser.CheckPageAsync("round-your-proposed-crew");
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "I consent to this crew" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You consented");
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Open your crew" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Crews after the spring gathering · crew 1" })).ToBeVisibleAsync();
        await smtp.WaitForAsync(Email(inCrew[0]), "Your crew has formed");

        // The one left out sees why, and what to do next.
        await AccountSteps.SignInAsync(page, url, Email(outName), Password, round);
        await Assertions.Expect(page.Locator("main .empty")).ToContainTextAsync("No crew for you in this round");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("preferences");
        await browser.CheckPageAsync("round-not-placed");
    }
}
