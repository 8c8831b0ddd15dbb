using System.Globalization;
using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// A newcomer in Berlin (the browser's zone) joins without being asked for a zone, sees an evening
/// call in New York at its Berlin hour in the list and the month alike, travels (saves another
/// zone) and is offered this device's zone back. A visitor sees the same without an account.
/// </summary>
public sealed class TimeZoneJourneyTests
{
    private const string Password = "clouds over the ridge";

    [Fact]
    public async Task Newcomer_ZoneTakenFromBrowser_ListAndMonthAgree_OfferedDeviceZoneWhenItDiffers()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-zones");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
            ["Hub:SeedDemo"] = "false",
            ["RateLimits:AccountFormsPerMinute"] = "100",
        });
        var lines = hub.Output.ToList();
        var adminEmail = lines.Single(l => l.TrimStart().StartsWith("Email:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var adminPassword = lines.Single(l => l.TrimStart().StartsWith("Password:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        await using var browser = await BrowserSession.StartAsync("time-zone-journey");
        var page = browser.Page;

        // Sign-up: the zone field already holds the browser's zone; nobody is asked twice.
        await page.GotoAsync($"{hub.BaseUrl}/account/sign-up");
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" })).ToHaveValueAsync("Europe/Berlin");
        await page.GetByLabel("Your name").FillAsync("Mira Sandoval");
        await page.GetByLabel("Email address").FillAsync("mira@test.example");
        await browser.CheckPageAsync("sign-up-zone-from-browser");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();
        await page.GotoAsync(SmtpSink.LinkIn(await smtp.WaitForAsync("mira@test.example", "Confirm your email"), "/account/confirm-email"));
        await AccountSteps.SignInAsync(page, hub.BaseUrl, "mira@test.example", Password, "/me/profile");
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" })).ToHaveValueAsync("Europe/Berlin");

        // An administrator sets up an evening call in New York: 19:00 there is 01:00 the next day in Berlin.
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20));
        await AccountSteps.SignInAsync(page, hub.BaseUrl, adminEmail, adminPassword, "/gatherings/new");
        await page.GetByLabel("Title").FillAsync("Evening call from New York");
        await page.GetByLabel("Kind").SelectOptionAsync("NetworkCall");
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Starts at").FillAsync("19:00");
        await page.GetByLabel("Ends at").FillAsync("21:00");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" }).FillAsync("America/New_York");
        await page.GetByLabel("It happens online").CheckAsync();
        await page.GetByLabel("Call link").FillAsync("https://call.example/evening");
        await browser.CheckPageAsync("new-event-zone-field");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the event" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Evening call from New York" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#when")).ToContainTextAsync("in America/New_York");

        // Mira: one time per event, in her zone; New York's hour on hover; the month puts it on the same day.
        await AccountSteps.SignInAsync(page, hub.BaseUrl, "mira@test.example", Password, "/gatherings");
        var when = page.Locator(".event-card time").First;
        await Assertions.Expect(when).ToContainTextAsync("01:00–03:00");
        await Assertions.Expect(when).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("19:00–21:00 in America/New_York"));
        await Assertions.Expect(page.Locator("#times-zone")).ToContainTextAsync("Europe/Berlin, the zone in your profile");
        var listed = await when.TextContentAsync();
        await browser.CheckPageAsync("gatherings-list-berlin");
        var next = day.AddDays(1);
        await page.GotoAsync($"{hub.BaseUrl}/gatherings?view=month&month={next:yyyy-MM}");
        var cell = page.Locator(".month-day.has-events");
        await Assertions.Expect(cell).ToHaveCountAsync(1);
        await Assertions.Expect(cell.Locator(".month-date")).ToHaveTextAsync(next.ToString("ddd d", CultureInfo.InvariantCulture));
        await Assertions.Expect(cell).ToContainTextAsync("01:00 Evening call from New York");
        Assert.Contains(next.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture), listed);
        await browser.CheckPageAsync("gatherings-month-berlin");

        // Travelling: she saves New York; this device still says Berlin, so the page offers it back.
        await page.GotoAsync($"{hub.BaseUrl}/time-zone");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" }).FillAsync("Nowhere/Special");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my times in this zone" }).ClickAsync();
        await Assertions.Expect(page.Locator("#zone-error")).ToContainTextAsync("is not a time zone we know");
        await browser.CheckPageAsync("time-zone-refused");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" }).FillAsync("America/New_York");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my times in this zone" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Times are now shown in America/New_York");
        await page.GotoAsync($"{hub.BaseUrl}/gatherings");
        var offer = page.GetByRole(AriaRole.Region, new() { Name = "Your time zone" });
        await Assertions.Expect(offer).ToContainTextAsync("This device is in Europe/Berlin");
        await Assertions.Expect(page.Locator(".event-card time").First).ToContainTextAsync("19:00–21:00");
        await browser.CheckPageAsync("zone-offer");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Use Europe/Berlin" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Times are now shown in Europe/Berlin");
        await Assertions.Expect(page.Locator(".event-card time").First).ToContainTextAsync("01:00–03:00");
        await Assertions.Expect(offer).ToHaveCountAsync(0);

        // Keeping a saved zone: the offer stays away until the device's zone changes.
        await page.GotoAsync($"{hub.BaseUrl}/time-zone");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" }).FillAsync("America/New_York");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my times in this zone" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Times are now shown in America/New_York");
        await page.GotoAsync($"{hub.BaseUrl}/gatherings");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Keep America/New_York" }).ClickAsync();
        await Assertions.Expect(page.Locator("#times-zone")).ToContainTextAsync("America/New_York, the zone in your profile");
        await Assertions.Expect(offer).ToHaveCountAsync(0);

        // A visitor: before the browser has told its zone, each event in its own; after, in the device's.
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync($"{hub.BaseUrl}/gatherings");
        await Assertions.Expect(page.Locator("#times-zone")).ToContainTextAsync("each event's own zone");
        await Assertions.Expect(page.Locator(".event-card time").First).ToContainTextAsync("19:00–21:00");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#times-zone")).ToContainTextAsync("Europe/Berlin, this device's zone");
        await Assertions.Expect(page.Locator(".event-card time").First).ToContainTextAsync("01:00–03:00");
        await browser.CheckPageAsync("gatherings-visitor-device-zone");
    }
}
