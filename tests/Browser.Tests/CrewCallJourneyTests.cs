using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// A member calls a crew in their congregation; another asks to join with a note; the caller accepts and
/// starts the crew. axe-core on each page on the way, on a wide screen and a phone's width.
/// </summary>
public sealed class CrewCallJourneyTests
{
    private const string Password = "a lantern by the river";

    [Fact]
    public async Task Member_CallsACrew_AnotherAsks_CallerAcceptsAndStartsIt()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-calls");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
            ["Hub:SeedDemo"] = "false",
            ["RateLimits:AccountFormsPerMinute"] = "100",
        });
        await using var browser = await BrowserSession.StartAsync("crew-call-journey");
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
        await AccountSteps.SignInAsync(page, url, "oskar@test.example", Password, congregation);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join Millrace Congregation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Crew calls" })).ToBeVisibleAsync();

        // Iris posts a call: first with its purpose missing, then whole.
        await AccountSteps.SignInAsync(page, url, "iris@test.example", Password, congregation);
        await page.GetByRole(AriaRole.Link, new() { Name = "Crew calls" }).ClickAsync();
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("No call is open");
        await browser.CheckPageAsync("calls-empty");
        await page.GetByLabel("Name of the crew").FillAsync("Tuesday case clinic");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post the call" }).ClickAsync();
        await Assertions.Expect(page.Locator("#purpose-error")).ToContainTextAsync("Say what the crew is for");
        await Assertions.Expect(page.GetByLabel("Name of the crew")).ToHaveValueAsync("Tuesday case clinic");
        await browser.CheckPageAsync("calls-with-errors");
        await page.GetByLabel("What it is for").FillAsync("Peer coaching: one of us brings a challenge each week, the others listen.");
        await page.Locator("#zone").FillAsync("Europe/Brussels");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post the call" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tuesday case clinic" })).ToBeVisibleAsync();
        var call = new Uri(page.Url).AbsolutePath;
        await browser.CheckPageAsync("call-caller-empty");
        await smtp.WaitForAsync("oskar@test.example", "is calling a crew");

        // Oskar finds it among the open calls on /crews and asks with a note.
        await AccountSteps.SignInAsync(page, url, "oskar@test.example", Password, "/crews");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tuesday case clinic" }).ClickAsync();
        await browser.CheckPageAsync("call-asking");
        await page.GetByLabel("A note for Iris Weir").FillAsync("Tuesdays work for me, and I could use a crew this winter.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        await Assertions.Expect(page.Locator("#my-request")).ToContainTextAsync("waiting for an answer");

        // Iris accepts, then starts the crew after one more question.
        await smtp.WaitForAsync("iris@test.example", "asks to join");
        await AccountSteps.SignInAsync(page, url, "iris@test.example", Password, call);
        await Assertions.Expect(page.Locator("#requests + .card-list")).ToContainTextAsync("I could use a crew this winter");
        await page.GetByText("Decline, with a few kind words").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Your words to Oskar Reed")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Thank you for asking to join, Oskar"));
        await browser.CheckPageAsync("call-caller-request");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept Oskar Reed" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the crew" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-start")).ToContainTextAsync("Oskar Reed");
        await browser.CheckPageAsync("call-start-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, start the crew" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tuesday case clinic" })).ToBeVisibleAsync();
        Assert.StartsWith("/crews/", new Uri(page.Url).AbsolutePath);
        await smtp.WaitForAsync("oskar@test.example", "Your crew has started");
    }
}
