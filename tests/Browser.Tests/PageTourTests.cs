using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>Every other page, as a visitor and as the first administrator, checked and photographed.</summary>
public sealed class PageTourTests
{
    [Fact]
    public async Task Visitor_And_Administrator_SeeEveryPageAccessibleAtBothWidths()
    {
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-tour");
        // Development, with no SMTP server: mail goes to files and the administrator's mailbox shows them.
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string> { ["Environment"] = "Development" });
        await using var browser = await BrowserSession.StartAsync("page-tour");
        var page = browser.Page;

        // The skip link is the first thing the keyboard reaches.
        await page.GotoAsync(hub.BaseUrl);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));

        foreach (var (path, name) in new[]
        {
            ("/handbook", "handbook"), ("/congregations", "congregations"), ("/crews", "crews"),
            ("/gatherings", "gatherings"), ("/commons", "commons"), ("/account/forgot-password", "forgot-password"),
            ("/account/resend-confirmation", "resend-confirmation"), ("/no-such-page", "not-found"),
            ("/account/confirm-email?user=x&code=y", "confirm-broken-link"), ("/account/reset-password?user=x&code=y", "reset-broken-link"),
            ("/practices", "practices"), ("/practices?scale=dyad&time=15", "practices-filtered"), ("/practices/case-clinic", "practice"),
            ("/practices/cards?card=s-belong", "card-deck"),
        })
        {
            await page.GotoAsync(hub.BaseUrl + path);
            await browser.CheckPageAsync(name);
        }

        // Wrong input on the forgotten-password form.
        await page.GotoAsync(hub.BaseUrl + "/account/forgot-password");
        await page.GetByLabel("Email address").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToContainTextAsync("does not look like an email address");
        await browser.CheckPageAsync("forgot-password-wrong-input");

        // The first administrator, with the credentials printed at first start.
        var lines = hub.Output.ToList();
        var email = lines.Single(l => l.TrimStart().StartsWith("Email:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var password = lines.Single(l => l.TrimStart().StartsWith("Password:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        await page.GotoAsync(hub.BaseUrl + "/account/forgot-password");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await page.GotoAsync(hub.BaseUrl + "/account/sign-in?returnUrl=/account");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My account" })).ToBeVisibleAsync();

        // Changing the password with a wrong current one is refused with a reason.
        await page.GetByLabel("Current password").FillAsync("not it at all");
        await page.GetByLabel("New password").FillAsync("a new and longer passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the new password" }).ClickAsync();
        await Assertions.Expect(page.Locator("#current-password-error")).ToContainTextAsync("not right");
        await browser.CheckPageAsync("change-password-wrong");

        // The administration area, from the header, leads to every administrative page (the mailbox among them here).
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administration" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Email" })).ToContainTextAsync("Sent in the last day");
        await browser.CheckPageAsync("admin");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await browser.CheckPageAsync("admin-dark");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.GetByRole(AriaRole.Link, new() { Name = "Chat webhooks" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat webhooks", Level = 1 })).ToBeVisibleAsync();
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Development mailbox" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Development mailbox" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("mailbox");
        await page.GotoAsync(hub.BaseUrl + "/");
        await browser.CheckPageAsync("home-signed-in");

        // Self: profile with its availability grid, the private journal, the pathway.
        await page.GotoAsync(hub.BaseUrl + "/me/profile");
        await page.GetByLabel("Pronouns").FillAsync("they/them");
        await page.GetByLabel("Tuesday 19:00").CheckAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" }).FillAsync("Europe/Lisbon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile is saved");
        await browser.CheckPageAsync("profile");
        // A photo: any real PNG will do, and a screenshot of the page is one.
        var picture = await page.ScreenshotAsync(new() { Clip = new() { X = 0, Y = 0, Width = 600, Height = 400 } });
        await page.GetByLabel("Choose a photo").SetInputFilesAsync(new FilePayload { Name = "me.png", MimeType = "image/png", Buffer = picture });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save photo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your photo is saved");
        await Assertions.Expect(page.GetByAltText("Your photo")).ToBeVisibleAsync();
        await browser.CheckPageAsync("profile-photo");
        await page.GetByRole(AriaRole.Link, new() { Name = "See it as others do" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Tue: 19:00");
        await browser.CheckPageAsync("person");
        await page.GotoAsync(hub.BaseUrl + "/me/journal");
        await page.GetByLabel("A prompt, if you like").SelectOptionAsync("What is my learning edge?");
        await page.GetByLabel("Entry").FillAsync("Letting others host.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep this entry" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Letting others host.");
        await browser.CheckPageAsync("journal");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Europe/Lisbon"); // the journal shows times in the viewer's zone
        await page.GotoAsync(hub.BaseUrl + "/me/pathway");
        await browser.CheckPageAsync("pathway");
        await page.GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        await page.GetByLabel("My pairs: check-ins").SelectOptionAsync("DailyDigest");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my choices" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("New notices follow your choices");
        await browser.CheckPageAsync("notifications");
        await page.GotoAsync(hub.BaseUrl + "/congregations/riverside");
        // The congregation's page leads with what is next: Riverside's coming gathering and its open formation round.
        await Assertions.Expect(page.Locator(".next-gathering")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".next-round")).ToContainTextAsync("Take part");
        await browser.CheckPageAsync("demo-congregation");
        // The administrator hosts every congregation: "Hosting" is in the congregation's navigation, and the cover is chosen there.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Riverside Congregation" }).GetByRole(AriaRole.Link, new() { Name = "Hosting", Exact = true }).ClickAsync();
        await page.GetByLabel("Replace it").SetInputFilesAsync(new FilePayload { Name = "not-a-picture.png", MimeType = "image/png", Buffer = System.Text.Encoding.UTF8.GetBytes("words, not pixels") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the cover" }).ClickAsync();
        await Assertions.Expect(page.Locator("#cover-error")).ToContainTextAsync("not an image we can read");
        await browser.CheckPageAsync("congregation-cover-wrong-file");
        await page.GetByLabel("Replace it").SetInputFilesAsync(new FilePayload { Name = "river.png", MimeType = "image/png", Buffer = picture });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the cover" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The new cover is on the congregation's page");
        await browser.CheckPageAsync("congregation-hosting-cover");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Riverside Congregation" }).GetByRole(AriaRole.Link, new() { Name = "Riverside Congregation" }).ClickAsync();
        await Assertions.Expect(page.Locator("img.congregation-cover")).ToBeVisibleAsync();
        await browser.CheckPageAsync("demo-congregation-cover");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await browser.CheckPageAsync("demo-congregation-dark");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        // The gatherings list: a heading per day, a series once, filters that work without a script.
        await page.GotoAsync(hub.BaseUrl + "/gatherings");
        await Assertions.Expect(page.Locator(".event-day h2").First).ToBeVisibleAsync();
        await browser.CheckPageAsync("gatherings-signed-in");
        await page.GetByLabel("Scale").SelectOptionAsync("Congregation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        Assert.Contains("scale=Congregation", page.Url);
        await Assertions.Expect(page.Locator(".event-card").First).ToContainTextAsync("Riverside");
        await browser.CheckPageAsync("gatherings-filtered");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await browser.CheckPageAsync("gatherings-filtered-dark");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.GotoAsync(hub.BaseUrl + "/congregations/map");
        await browser.CheckPageAsync("network-map");
    }
}
