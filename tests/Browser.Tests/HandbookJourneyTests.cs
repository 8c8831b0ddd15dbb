using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>A reader opens the imported real handbook, finds their way with the sidebar and search, and plays nothing by accident.</summary>
public sealed class HandbookJourneyTests
{
    private static string Corpus => Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "corpus", "gitbook", "opencollective-docs"));

    [Fact]
    public async Task Reader_ImportedCorpus_ReadsSearchesAndFoldsTheSidebarAccessibly()
    {
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-handbook");
        var settings = new Dictionary<string, string>();
        var (code, output) = await HubProcess.RunToEndAsync(folder, settings, "handbook", "import", Corpus, "--author", "Open Collective contributors");
        Assert.True(code == 0, output);
        await using var hub = await HubProcess.StartAsync(folder, settings, "--no-demo");
        await using var browser = await BrowserSession.StartAsync("handbook");
        var page = browser.Page;
        var thirdParty = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(hub.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                thirdParty.Add(request.Url);
            }
        };

        await page.GotoAsync(hub.BaseUrl + "/handbook");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome", Level = 1 })).ToBeVisibleAsync();
        await browser.CheckPageAsync("handbook-home");

        await page.GotoAsync(hub.BaseUrl + "/handbook/getting-started/your-dashboard");
        await Assertions.Expect(page.Locator(".handbook-nav a[aria-current=page]")).ToHaveTextAsync("Your Dashboard");
        await browser.CheckPageAsync("page-with-image-and-hint");

        await page.GotoAsync(hub.BaseUrl + "/handbook/advanced/security-for-accounts/two-factor-authentication");
        await Assertions.Expect(page.Locator(".breadcrumbs")).ToContainTextAsync("Security For Accounts");
        await browser.CheckPageAsync("nested-page");

        // A folded part of the sidebar opens with the keyboard alone, without JavaScript's help.
        var folded = page.Locator(".handbook-nav details:not([open]) summary").First;
        await folded.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".handbook-nav details[open]")).Not.ToHaveCountAsync(1);

        await page.GetByLabel("Search the handbook").FillAsync("paying expenses");
        await page.GetByLabel("Search the handbook").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".search-results li").First).ToBeVisibleAsync();
        await browser.CheckPageAsync("search-results");

        Assert.True(thirdParty.Count == 0, "Requests to other sites: " + string.Join(", ", thirdParty));

        // A video loads its player only when the reader clicks; the test answers for YouTube on loopback's behalf.
        await page.RouteAsync("https://www.youtube-nocookie.com/**", route => route.FulfillAsync(new() { ContentType = "text/html", Body = "<title>player</title>" }));
        await page.GotoAsync(hub.BaseUrl + "/handbook/why-open-collective/how-open-collective-works");
        Assert.Equal(0, await page.Locator("iframe").CountAsync());
        Assert.True(thirdParty.Count == 0, "Requests before the click: " + string.Join(", ", thirdParty));
        await browser.CheckPageAsync("video-before-click");
        await page.GetByRole(AriaRole.Link, new() { Name = "Play the video on YouTube" }).ClickAsync();
        await Assertions.Expect(page.Locator("iframe.embed-frame")).ToHaveAttributeAsync("src", "https://www.youtube-nocookie.com/embed/SfHeSpoSHTM?autoplay=1");
        Assert.Contains(thirdParty, url => url.StartsWith("https://www.youtube-nocookie.com/embed/SfHeSpoSHTM", StringComparison.Ordinal));
    }
}
