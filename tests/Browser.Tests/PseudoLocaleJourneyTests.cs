using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// The pages a visitor and a newcomer see first, in the pseudo-locale (every localised string accented, about 40%
/// longer and wrapped in ⟦ ⟧): any visible text outside the markers did not go through localisation, and the
/// longer words must still fit a 375 px phone. Names of languages in the switcher (each in its own language, with
/// its own lang attribute) and the hub's own name are not the chrome's words, so they are left out.
/// </summary>
public sealed class PseudoLocaleJourneyTests
{
    private const string Leaks = """
        () => {
          const exempt = [...document.querySelectorAll('.brand, [lang]:not(html)')].map(e => e.innerText.trim()).filter(t => t);
          let text = document.body.innerText;
          for (const e of exempt) text = text.split(e).join(' ');
          // A marked run may hold another (a link inside a sentence): take the innermost away until none is left.
          for (let before = ''; before !== text;) { before = text; text = text.replace(/⟦[^⟦⟧]*⟧/g, ' '); }
          return text.split('\n').map(l => l.trim()).filter(l => /\p{L}/u.test(l));
        }
        """;

    [Fact]
    public async Task VisitorPages_InPseudoLocale_EveryWordLocalised_NothingOverflowsAtPhoneWidth()
    {
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-pseudo");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Hub:SeedDemo"] = "false",
            ["Localization:Pseudo"] = "true",
        });
        await using var browser = await BrowserSession.StartAsync("pseudo-locale-journey");
        var page = browser.Page;
        await page.Context.AddCookiesAsync([new Cookie { Name = "hub-language", Value = "qps", Url = hub.BaseUrl }]);

        foreach (var (path, name) in new[]
        {
            ("/", "home"), ("/account/sign-in", "sign-in"), ("/account/sign-up", "sign-up"),
            ("/account/forgot-password", "forgot-password"), ("/account/check-email", "check-email"), ("/no-such-page", "not-found"),
            ("/language", "language"),
        })
        {
            await page.GotoAsync(hub.BaseUrl + path);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-x-qps");
            await browser.CheckPageAsync(name); // axe at both widths, and no sideways scrolling at 375 px
            var leaks = await page.EvaluateAsync<string[]>(Leaks);
            Assert.True(leaks.Length == 0, $"Text on {path} that did not go through localisation:\n{string.Join("\n", leaks)}");
        }

        // The form's errors too: an empty request for a reset link.
        await page.GotoAsync(hub.BaseUrl + "/account/forgot-password");
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-x-qps");
        var errors = await page.EvaluateAsync<string[]>(Leaks);
        Assert.True(errors.Length == 0, $"Text on the forgot-password form with errors that did not go through localisation:\n{string.Join("\n", errors)}");
    }
}
