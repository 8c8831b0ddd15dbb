using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// A host starts a congregation and uses its board: a card noticed, moved to Test from the keyboard, then
/// dragged to Mastery; then writes a practice and a card of the congregation's own. axe-core on each page,
/// at both widths.
/// </summary>
public sealed class BoardJourneyTests
{
    private const string Password = "a lantern by the river";

    [Fact]
    public async Task Host_MovesACardByKeyboardAndByDrag_AndWritesTheirOwnPracticeAndCard()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-board");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
            ["Hub:SeedDemo"] = "false",
        });
        await using var browser = await BrowserSession.StartAsync("board-journey");
        var page = browser.Page;
        var url = hub.BaseUrl;

        await AccountSteps.SignUpAsync(page, url, smtp, "Linnea Ashby", "linnea@test.example", Password);
        await AccountSteps.SignInAsync(page, url, "linnea@test.example", Password, "/congregations/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Weir Congregation");
        await page.GetByLabel("Purpose").FillAsync("Neighbours by the weir who meet so that crews can form.");
        await page.GetByLabel("Place").FillAsync("Ghent");
        await page.GetByLabel("Anyone: people join at once").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the congregation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Weir Congregation" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Weir Congregation" }).GetByRole(AriaRole.Link, new() { Name = "Board", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The board of Weir Congregation" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("board-empty");

        // Something noticed goes into Awareness.
        var awareness = page.Locator("#column-awareness");
        await awareness.GetByText("Add a card").ClickAsync();
        await awareness.GetByLabel("The card").FillAsync("Newcomers leave before tea.");
        await awareness.GetByRole(AriaRole.Button, new() { Name = "Add to Awareness" }).ClickAsync();
        await Assertions.Expect(awareness.Locator(".board-card")).ToContainTextAsync("Newcomers leave before tea.");
        await browser.CheckPageAsync("board-one-card");

        // From the keyboard: the card's own button moves it to Test, and the page comes back to the card.
        var toTest = page.GetByRole(AriaRole.Button, new() { Name = "Move “Newcomers leave before tea.” to Test" });
        await toTest.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#column-test .board-card")).ToContainTextAsync("Newcomers leave before tea.");
        await Assertions.Expect(page.Locator("#column-awareness .board-card")).ToHaveCountAsync(0);
        Assert.EndsWith("#card-" + await page.Locator("#column-test .board-card").GetAttributeAsync("data-card"), page.Url);

        // By drag: dropped on Mastery, it becomes a living agreement. The page came back scrolled to the card, which
        // can leave the short, empty Mastery column above the window; a drag that has to scroll is not a drop a
        // person makes, so both are brought into view first (as someone would scroll before dragging).
        await page.Locator("#column-mastery").ScrollIntoViewIfNeededAsync();
        await page.Locator("#column-test .board-card").DragToAsync(page.Locator("#column-mastery"));
        await Assertions.Expect(page.Locator("#column-mastery .board-card")).ToContainTextAsync("Newcomers leave before tea.");
        await Assertions.Expect(page.Locator("#column-test .board-card")).ToHaveCountAsync(0);

        // The task board: a known void, named openly.
        var known = page.Locator("#column-knownvoid");
        await known.GetByText("Add a card").ClickAsync();
        await known.GetByLabel("The card").FillAsync("Nobody can bake for the spring gathering.");
        await known.GetByRole(AriaRole.Button, new() { Name = "Add to Known void" }).ClickAsync();
        await Assertions.Expect(page.Locator("#column-knownvoid .board-card")).ToContainTextAsync("Nobody can bake");
        await browser.CheckPageLightAndDarkAsync("board-with-cards");

        // The congregation's own practice, and a card of its own drawn with the deck.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Weir Congregation" }).GetByRole(AriaRole.Link, new() { Name = "Our practices" }).ClickAsync();
        await browser.CheckPageAsync("own-practices-empty");
        await page.GetByRole(AriaRole.Link, new() { Name = "Write a practice" }).ClickAsync();
        await page.GetByLabel("Address").FillAsync("weir-walk");
        await page.GetByLabel("What you changed, and why").FillAsync("Our first one.");
        await browser.CheckPageAsync("own-practice-editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "A new practice", Level = 1 })).ToBeVisibleAsync();
        await browser.CheckPageAsync("own-practice");

        await page.GotoAsync($"{url}{new Uri(page.Url).AbsolutePath.Replace("/practices/weir-walk", "/cards")}");
        await page.GetByLabel("Mission").CheckAsync();
        await page.GetByLabel("The card").FillAsync("Bring someone new to tea.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to our deck" }).ClickAsync();
        await Assertions.Expect(page.Locator(".deck")).ToContainTextAsync("Bring someone new to tea.");
        await browser.CheckPageAsync("own-cards");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Weir Congregation" }).GetByRole(AriaRole.Link, new() { Name = "Our practices" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Draw a card" }).ClickAsync();
        await Assertions.Expect(page.Locator("#drawn-card .card-text")).Not.ToBeEmptyAsync();
        await browser.CheckPageAsync("own-practices-with-a-card");
    }
}
