using Deque.AxeCore.Playwright;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>The journeys' accessibility check is only as good as its runner: it must see what axe-core sees, frames included.</summary>
public sealed class AxeCheckerTests
{
    private const string Faulty = """
        <!doctype html><html lang="en"><head><title>Faulty</title></head><body><main>
        <h1>Faulty</h1>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
        <p style="color:#bbb;background:#fff">Too pale to read.</p>
        <iframe title="Inner" srcdoc="<!doctype html><html lang=en><title>Inner</title><body><button></button></body></html>"></iframe>
        </main></body></html>
        """;

    [Fact]
    public async Task Violations_FaultyPageWithAFrame_FindsWhatDequesRunnerFinds()
    {
        await using var browser = await BrowserSession.StartAsync("axe-checker");
        await browser.Page.SetContentAsync(Faulty);
        await browser.Page.WaitForFunctionAsync("() => document.querySelector('iframe').contentDocument?.querySelector('button') != null");

        var ours = await AxeChecker.ViolationsAsync(browser.Page);
        var deques = await browser.Page.RunAxe();

        var ids = ours.Select(v => v[..v.IndexOf(' ')]).Order().ToList();
        Assert.Equal(deques.Violations.Select(v => v.Id).Order(), ids);
        Assert.Equal(["button-name", "color-contrast", "image-alt"], ids);
        Assert.Contains(ours, v => v.StartsWith("button-name", StringComparison.Ordinal) && v.Contains("iframe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Violations_SecondRunOnTheSameDocument_StillFindsThem()
    {
        await using var browser = await BrowserSession.StartAsync("axe-checker-again");
        await browser.Page.SetContentAsync(Faulty);
        Assert.NotEmpty(await AxeChecker.ViolationsAsync(browser.Page));
        await browser.Page.SetViewportSizeAsync(375, 740);
        Assert.Contains(await AxeChecker.ViolationsAsync(browser.Page), v => v.StartsWith("image-alt", StringComparison.Ordinal));
    }
}
