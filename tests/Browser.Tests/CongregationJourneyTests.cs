using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>A host starts a congregation and invites someone by email; the invitee joins.</summary>
public sealed class CongregationJourneyTests
{
    [Fact]
    public async Task Host_CreatesCongregationAndInvites_InviteeSignsUpAndJoins()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-congregation");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
            ["Hub:SeedDemo"] = "false",
        });
        var lines = hub.Output.ToList();
        var adminEmail = lines.Single(l => l.TrimStart().StartsWith("Email:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var adminPassword = lines.Single(l => l.TrimStart().StartsWith("Password:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();

        await using var browser = await BrowserSession.StartAsync("congregation-journey");
        var page = browser.Page;
        await page.GotoAsync($"{hub.BaseUrl}/congregations");
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("No congregation on this hub yet");
        await browser.CheckPageAsync("directory-empty");

        await page.GotoAsync($"{hub.BaseUrl}/account/sign-in?returnUrl=/congregations/new");
        await page.GetByLabel("Email address").FillAsync(adminEmail);
        await page.GetByLabel("Password").FillAsync(adminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Start a congregation" })).ToBeVisibleAsync();

        // Forgetting the place first.
        await page.GetByLabel("Name").FillAsync("Harbour Congregation");
        await page.GetByLabel("Purpose").FillAsync("People around the old harbour who want to find their crew.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the congregation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#place-error")).ToContainTextAsync("where the congregation meets");
        await browser.CheckPageAsync("new-congregation-missing-place");
        await page.GetByLabel("Place").FillAsync("Porto");
        await page.GetByLabel("Languages").FillAsync("English, Português");
        await page.GetByLabel("By invitation only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the congregation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Harbour Congregation" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".notice.warn")).ToContainTextAsync("Never host alone");
        await browser.CheckPageAsync("congregation-new-host");

        await page.GetByLabel("Their email address").FillAsync("lior@test.example");
        await page.GetByLabel("A few words from you").FillAsync("We meet at the next full moon. Come along!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Invitation sent to lior@test.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hosting: requests and invitations" }).ClickAsync();
        await Assertions.Expect(page.Locator(".message-list")).ToContainTextAsync("lior@test.example");
        await browser.CheckPageAsync("hosting");

        // The invitee: a new browser context, as another person on another device.
        var invitation = await smtp.WaitForAsync("lior@test.example", "invites you to Harbour Congregation");
        var link = SmtpSink.LinkIn(invitation, "/congregations/invitations/");
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "An invitation to Harbour Congregation" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("invitation-signed-out");

        await page.GotoAsync($"{hub.BaseUrl}/account/sign-up");
        await page.GetByLabel("Your name").FillAsync("Lior Vantongeren");
        await page.GetByLabel("Email address").FillAsync("lior@test.example");
        await page.GetByLabel("Password").FillAsync("salt wind and old ropes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        var confirm = await smtp.WaitForAsync("lior@test.example", "Confirm your email");
        await page.GotoAsync(SmtpSink.LinkIn(confirm, "/account/confirm-email"));
        await page.GotoAsync($"{hub.BaseUrl}/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("lior@test.example");
        await page.GetByLabel("Password").FillAsync("salt wind and old ropes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GotoAsync(link);
        await browser.CheckPageAsync("invitation-signed-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and join Harbour Congregation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are a member now");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Your level: Friend");
        await browser.CheckPageAsync("congregation-as-member");

        await page.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        await Assertions.Expect(page.Locator(".member-list")).ToContainTextAsync("Hub administrator");
        await Assertions.Expect(page.Locator(".member-list")).ToContainTextAsync("Lior Vantongeren");
        await browser.CheckPageAsync("members");

        // The new member starts a working group; a wrong date is explained, what was typed stays.
        await page.GotoAsync(page.Url.Replace("/members", "/working-groups"));
        await browser.CheckPageAsync("working-groups-empty");
        await page.GetByLabel("Name").FillAsync("Harbour welcome team");
        await page.GetByLabel("Purpose").FillAsync("Greet newcomers at the spring gathering.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the group" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ends-on-error")).ToContainTextAsync("Choose an end date");
        await Assertions.Expect(page.GetByLabel("Purpose")).ToHaveValueAsync("Greet newcomers at the spring gathering.");
        await browser.CheckPageAsync("working-group-error");
        await page.GetByLabel("Ends on").FillAsync(DateTime.UtcNow.AddMonths(3).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the group" }).ClickAsync();
        await Assertions.Expect(page.Locator(".card-list")).ToContainTextAsync("1 member: Lior Vantongeren");
        await browser.CheckPageAsync("working-groups");

        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("used already");
        await page.GotoAsync($"{hub.BaseUrl}/congregations");
        await browser.CheckPageAsync("directory");
    }
}
