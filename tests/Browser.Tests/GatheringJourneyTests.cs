using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// The network's monthly call is created; a member answers one date and subscribes to her calendar;
/// the date is full, so the next person waits; the first cancels and the waiting one gets the place and an email.
/// </summary>
public sealed class GatheringJourneyTests
{
    private const string Password = "kettle on the stove";

    private static Task SignUpAsync(IPage page, string baseUrl, SmtpSink smtp, string name, string email) =>
        AccountSteps.SignUpAsync(page, baseUrl, smtp, name, email, Password);

    private static Task SignInAsync(IPage page, string baseUrl, string email, string password, string then) =>
        AccountSteps.SignInAsync(page, baseUrl, email, password, then);

    [Fact]
    public async Task NetworkCall_MemberAnswersAndSubscribes_FullDateWaitlistsThenPromotesWithEmail()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-gatherings");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
            ["Hub:SeedDemo"] = "false",
            ["RateLimits:AccountFormsPerMinute"] = "100",
        });
        var lines = hub.Output.ToList();
        var adminEmail = lines.Single(l => l.TrimStart().StartsWith("Email:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var adminPassword = lines.Single(l => l.TrimStart().StartsWith("Password:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        await using var browser = await BrowserSession.StartAsync("gathering-journey");
        var page = browser.Page;
        await SignUpAsync(page, hub.BaseUrl, smtp, "Rosa Lindqvist", "rosa@test.example");
        await SignUpAsync(page, hub.BaseUrl, smtp, "Kai Oduya", "kai@test.example");

        // An administrator creates the network's call: the first Thursday of each month, one place per date here,
        // so the waitlist shows. A first try with the end before the start is explained and nothing is saved.
        await SignInAsync(page, hub.BaseUrl, adminEmail, adminPassword, "/gatherings");
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("Nothing coming yet");
        await browser.CheckPageAsync("gatherings-empty");
        await page.GetByRole(AriaRole.Link, new() { Name = "New event" }).ClickAsync();
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10));
        while (day.DayOfWeek != DayOfWeek.Thursday || day.Day > 7)
        {
            day = day.AddDays(1);
        }
        await page.GetByLabel("Title").FillAsync("Network call");
        await page.GetByLabel("Kind").SelectOptionAsync("NetworkCall");
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Starts at").FillAsync("19:30");
        await page.GetByLabel("Ends at").FillAsync("18:00");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" }).FillAsync("Europe/Berlin");
        await page.GetByLabel("Repeats").SelectOptionAsync("monthly-weekday");
        await page.GetByLabel("It happens online").CheckAsync();
        await page.GetByLabel("Call link").FillAsync("https://call.example/network");
        await page.GetByLabel("Places").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the event" }).ClickAsync();
        await Assertions.Expect(page.Locator("#end-error")).ToContainTextAsync("is before the start");
        await browser.CheckPageAsync("new-event-end-before-start");
        await page.GetByLabel("Ends at").FillAsync("21:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the event" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Network call" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#when")).ToContainTextAsync("every month on the first Thursday");
        await Assertions.Expect(page.Locator("#when")).ToContainTextAsync("19:30–21:00");
        await browser.CheckPageAsync("network-call-host");

        // Rosa answers the second date only, then subscribes to her calendar.
        await SignInAsync(page, hub.BaseUrl, "rosa@test.example", Password, "/gatherings");
        await browser.CheckPageAsync("gatherings-list");
        await page.GetByRole(AriaRole.Link, new() { Name = "Network call" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#where")).ToContainTextAsync("shown to people who are going");
        await page.Locator(".date-list a").Nth(1).ClickAsync();
        var secondDate = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Going", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are going");
        await Assertions.Expect(page.Locator("#call-link")).ToHaveTextAsync("https://call.example/network");
        await Assertions.Expect(page.Locator("#places")).ToContainTextAsync("1 of 1 taken");
        await browser.CheckPageAsync("answered-going");
        await smtp.WaitForAsync("rosa@test.example", "You are going to Network call");
        await page.GetByRole(AriaRole.Link, new() { Name = "Subscribe to my calendar" }).ClickAsync();
        var feed = await page.Locator("#feed").InputValueAsync();
        await browser.CheckPageAsync("my-calendar");
        var ics = await (await page.APIRequest.GetAsync(feed)).TextAsync();
        Assert.Contains("BEGIN:VTIMEZONE", ics);
        Assert.Contains("SUMMARY:Network call", ics);
        Assert.Contains("https://call.example/network", ics);

        // Kai wants the same date: it is full, so he waits, first in line.
        await SignInAsync(page, hub.BaseUrl, "kai@test.example", Password, new Uri(secondDate).PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Going", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("you are on the waitlist");
        await Assertions.Expect(page.Locator("#my-answer")).ToContainTextAsync("waitlist, number 1");
        await Assertions.Expect(page.Locator("#call-link")).ToHaveCountAsync(0);
        await browser.CheckPageAsync("waitlisted");

        // Rosa cannot come after all: Kai gets the place and an email saying so.
        await SignInAsync(page, hub.BaseUrl, "rosa@test.example", Password, new Uri(secondDate).PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Can't go" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("you can't come");
        var promoted = await smtp.WaitForAsync("kai@test.example", "A place opened for you at Network call");
        Assert.Contains("first on the waitlist", promoted.TextBody);
        Assert.Contains(promoted.Attachments, a => a.ContentType.MimeType == "text/calendar");
        await SignInAsync(page, hub.BaseUrl, "kai@test.example", Password, new Uri(secondDate).PathAndQuery);
        await Assertions.Expect(page.Locator("#my-answer")).ToContainTextAsync("You are going");
        await Assertions.Expect(page.Locator("#call-link")).ToBeVisibleAsync();
        await browser.CheckPageAsync("promoted");

        // The host sees who came in which order.
        await SignInAsync(page, hub.BaseUrl, adminEmail, adminPassword, new Uri(secondDate).PathAndQuery);
        await page.GetByRole(AriaRole.Link, new() { Name = "Answers and waitlist" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Kai Oduya");
        await browser.CheckPageAsync("host-answers");
        await page.GotoAsync(new Uri(secondDate).GetLeftPart(UriPartial.Path) + "/tickets");
        await page.GetByLabel("Tier", new() { Exact = true }).FillAsync("Solidarity");
        await page.GetByLabel("Price (or the minimum)").FillAsync("ten");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the tier" }).ClickAsync();
        await Assertions.Expect(page.Locator("#tier-price-error")).ToContainTextAsync("Give the price");
        await Assertions.Expect(page.GetByLabel("Tier", new() { Exact = true })).ToHaveValueAsync("Solidarity");
        await browser.CheckPageAsync("host-tickets-error");
        await page.GotoAsync($"{hub.BaseUrl}/gatherings?view=month&month={day:yyyy-MM}");
        await Assertions.Expect(page.Locator("ol.month")).ToContainTextAsync("Network call");
        await browser.CheckPageAsync("month");
    }
}
