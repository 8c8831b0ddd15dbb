using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// Two members ask to be introduced; the job makes a round; one follows the letter's link to the introduction
/// and answers "did you meet?"; the host sees counts. axe-core on each page on the way, wide and at a phone's width.
/// </summary>
public sealed class IntroductionJourneyTests
{
    private const string Password = "a lantern by the river";

    [Fact]
    public async Task Members_AskToBeIntroduced_RoundIsMade_OneAnswersFromTheLetter()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-introductions");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollIntervalMs"] = "200",
            ["Hub:SeedDemo"] = "false",
            ["RateLimits:AccountFormsPerMinute"] = "100",
            // The first round as soon as two have asked, looked for every second.
            ["Introductions:FirstRoundDays"] = "0",
            ["Introductions:CheckInterval"] = "00:00:01",
        });
        await using var browser = await BrowserSession.StartAsync("introduction-journey");
        var page = browser.Page;
        var url = hub.BaseUrl;

        await AccountSteps.SignUpAsync(page, url, smtp, "Iris Weir", "iris@test.example", Password);
        await AccountSteps.SignUpAsync(page, url, smtp, "Oskar Reed", "oskar@test.example", Password);
        await AccountSteps.SignInAsync(page, url, "iris@test.example", Password, "/congregations/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Millrace Congregation");
        await page.GetByLabel("Purpose").FillAsync("Neighbours by the old mill who gather so that crews can form.");
        await page.GetByLabel("Place").FillAsync("Ghent");
        await page.GetByLabel("Anyone: people join at once").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the congregation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Millrace Congregation" })).ToBeVisibleAsync();
        var congregation = new Uri(page.Url).AbsolutePath;

        // Iris, a host, finds introductions from the congregation's places; nobody takes part yet.
        await page.GetByRole(AriaRole.Link, new() { Name = "Introductions" }).ClickAsync();
        await Assertions.Expect(page.Locator("#opted-in")).ToContainTextAsync("0 members");
        await browser.CheckPageAsync("introductions-empty");
        // The field holds one short line: the browser takes no more than the hub would.
        await page.GetByLabel("A line about you, for the person you meet").FillAsync(new string('x', 201));
        await Assertions.Expect(page.GetByLabel("A line about you, for the person you meet")).ToHaveValueAsync(new string('x', 200));
        await page.GetByLabel("A line about you, for the person you meet").FillAsync("I mend old bicycles and like long walks.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Introduce me" }).ClickAsync();
        await Assertions.Expect(page.Locator("#my-status")).ToContainTextAsync("every 2 weeks");

        // Oskar joins the congregation and asks to be introduced every four weeks.
        await AccountSteps.SignInAsync(page, url, "oskar@test.example", Password, congregation);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join Millrace Congregation" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Introductions" }).ClickAsync();
        await page.GetByLabel("Every 4 weeks").CheckAsync();
        await page.GetByLabel("A line about you, for the person you meet").FillAsync("New in Ghent; I teach music to children.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Introduce me" }).ClickAsync();
        await Assertions.Expect(page.Locator("#my-status")).ToContainTextAsync("every 4 weeks");

        // The job introduces them; Oskar's letter leads to the introduction, where he answers.
        var letter = await smtp.WaitForAsync("oskar@test.example", "meet Iris Weir");
        Assert.Contains("“I mend old bicycles and like long walks.”", letter.TextBody);
        await page.GotoAsync(url + "/me"); // from elsewhere, as from a mail program: the link differs from this page only by its fragment
        await page.GotoAsync(SmtpSink.LinkIn(letter, "/introductions"));
        await Assertions.Expect(page.Locator("[aria-labelledby=yours] .card").First).ToContainTextAsync("Meet Iris Weir");
        await browser.CheckPageAsync("introductions-introduced");
        await page.GetByLabel("Yes, we met").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Answer about Iris Weir" }).ClickAsync();
        await Assertions.Expect(page.Locator("[aria-labelledby=yours] .card").First).ToContainTextAsync("You said: Yes, we met");
        await browser.CheckPageAsync("introductions-answered");

        // Iris, the host, sees the round as numbers.
        await AccountSteps.SignInAsync(page, url, "iris@test.example", Password, congregation + "/introductions");
        await Assertions.Expect(page.Locator("#rounds tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#rounds tbody td").Nth(4)).ToHaveTextAsync("1 of 2");
        await browser.CheckPageAsync("introductions-host");
    }
}
