using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright. Every page a test visits is checked with axe-core at 1280 and
/// 375 px wide; with HUB_TEST_SCREENSHOTS=1 it is also photographed at both widths, into
/// artifacts/screenshots/, for people to look at.
/// One Chromium serves every journey of the test run; each journey has a browser context of its own
/// (its own cookies, storage and cache), which is what a separate browser gave, without a launch per test.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private static readonly Lazy<Task<IBrowser>> shared = new(LaunchAsync);

    /// <summary>
    /// Screenshots assert nothing, and two full-page ones cost about as much as both axe-core runs of a page,
    /// so a test run takes them only when asked (HUB_TEST_SCREENSHOTS=1), for a person who will look.
    /// </summary>
    private static readonly bool photograph = Environment.GetEnvironmentVariable("HUB_TEST_SCREENSHOTS") == "1";
    private readonly string screenshots;
    private int step;

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    private BrowserSession(IBrowserContext context, IPage page, string screenshots) =>
        (Context, Page, this.screenshots) = (context, page, screenshots);

    private static async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is needed at {ChromiumPath}: apt-get install chromium (./test.sh does this as root).");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().Wait(TimeSpan.FromSeconds(5));
            playwright.Dispose();
        };
        return browser;
    }

    /// <param name="javaScript">False for a browser with scripts off, to see a page work without them.</param>
    public static async Task<BrowserSession> StartAsync(string journey, bool javaScript = true)
    {
        var browser = await shared.Value;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            AcceptDownloads = true,
            Locale = "en-GB",
            TimezoneId = "Europe/Berlin",
            JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        var folder = Path.Combine(TestPaths.RepositoryRoot, "artifacts", "screenshots", journey);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true); // no photographs of an older run beside this one's
        }
        if (photograph)
        {
            Directory.CreateDirectory(folder);
        }
        return new BrowserSession(context, page, folder);
    }

    /// <summary>
    /// Runs axe-core on the page as it is now (0 violations allowed), checks that it does not scroll sideways
    /// at 375 px, and runs axe-core again at that width (hidden and shown parts, and colours, change with it).
    /// </summary>
    public async Task CheckPageAsync(string name)
    {
        step++;
        var violations = await AxeChecker.ViolationsAsync(Page);
        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} violation(s) on '{name}' ({Page.Url}):\n{string.Join("\n", violations)}");

        var file = $"{step:00}-{name}";
        await PhotographAsync($"{file}-1280.png");
        await Page.SetViewportSizeAsync(375, 740);
        var overflow = await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        await PhotographAsync($"{file}-375.png");
        var phone = await AxeChecker.ViolationsAsync(Page);
        await Page.SetViewportSizeAsync(1280, 800);
        Assert.False(overflow, $"'{name}' scrolls sideways at 375 px wide ({Page.Url})");
        Assert.True(phone.Count == 0, $"axe-core found {phone.Count} violation(s) at 375 px on '{name}' ({Page.Url}):\n{string.Join("\n", phone)}");
    }

    /// <summary>A full-page screenshot of <paramref name="page"/> (this session's page by default) into the journey's folder, when asked for.</summary>
    public async Task PhotographAsync(string file, IPage? page = null)
    {
        if (photograph)
        {
            await (page ?? Page).ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, file), FullPage = true });
        }
    }

    /// <summary>
    /// <see cref="CheckPageAsync"/> twice: as now, then with the browser asking for dark mode (files named
    /// <paramref name="name"/>-dark), for pages whose styles changed. axe-core checks the contrast of both.
    /// </summary>
    public async Task CheckPageLightAndDarkAsync(string name)
    {
        await CheckPageAsync(name);
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        try
        {
            await CheckPageAsync(name + "-dark");
        }
        finally
        {
            await Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
