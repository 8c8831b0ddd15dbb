using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// An administrator imports a handbook from the admin page and watches it finish; a reader then uses its
/// tabs with the keyboard, copies numbered code, reads typeset math and a drawn diagram, with the strict
/// content security policy never broken; and a reader without JavaScript still sees every word.
/// </summary>
public sealed class HandbookConstructsJourneyTests
{
    private const string Constructs = """
        # Constructs

        ## Tabs

        {% tabs %}
        {% tab title="Crew" %}
        Three to six people who meet **weekly**.
        {% endtab %}

        {% tab title="Congregation" %}
        Fifteen to one hundred and fifty people.
        {% endtab %}

        {% tab title="Network" %}
        The congregations together.
        {% endtab %}
        {% endtabs %}

        ## Numbered code

        {% code title="schedule.sh" lineNumbers="true" %}
        ```bash
        hub groups schedule --people 12 --size 4 --rounds 3
        echo "rooms ready"
        exit 0
        ```
        {% endcode %}

        ## Math

        The relationships in a group of $$n$$ people: $$\frac{n(n-1)}{2}$$ pairs.

        $$
        \sum_{k=1}^{n-1} k = \frac{n(n-1)}{2}
        $$

        ## A diagram

        ```mermaid
        graph TD
          A[Person] --> B[Crew]
          B --> C[Congregation]
          C --> D[Network]
        ```
        """;

    private static string WriteHandbook()
    {
        var folder = TestPaths.NewTemporaryDirectory("handbook-constructs");
        File.WriteAllText(Path.Combine(folder, "SUMMARY.md"), "# Table of contents\n\n* [Welcome](README.md)\n* [Constructs](constructs.md)\n");
        File.WriteAllText(Path.Combine(folder, "README.md"), "# Welcome\n\nRead the [constructs](constructs.md).\n");
        File.WriteAllText(Path.Combine(folder, "constructs.md"), Constructs);
        return folder;
    }

    [Fact]
    public async Task AdminAndReader_ImportThenUseTabsCodeMathAndDiagram_NoPolicyViolationAndReadableWithoutScript()
    {
        var book = WriteHandbook();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-constructs");
        // The admin page imports a folder of the server only under Handbook:AllowedFolders.
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string> { ["Hub:SeedDemo"] = "false", ["Handbook:AllowedFolders:0"] = book });
        var lines = hub.Output.ToList();
        var adminEmail = lines.Single(l => l.TrimStart().StartsWith("Email:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var adminPassword = lines.Single(l => l.TrimStart().StartsWith("Password:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        await using var browser = await BrowserSession.StartAsync("handbook-constructs");
        // Every refusal by the content security policy is recorded, in the page and in any frame.
        await browser.Context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', function (e) {
              (window.top.__violations = window.top.__violations || []).push(e.violatedDirective + ' ' + e.sourceFile + ':' + e.lineNumber);
            });
            """);
        var page = browser.Page;
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { consoleErrors.Add(message.Text); } };

        await AccountSteps.SignInAsync(page, hub.BaseUrl, adminEmail, adminPassword, "/admin/handbook");
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("No import yet");
        await page.GetByLabel("Folder or git URL").FillAsync(book);
        // One page of the book is a named pipe: the import waits on it, reading, until the test writes the
        // page, so the page can be checked while the import runs (an import of this book is over in a blink).
        var held = Path.Combine(book, "held.md");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", held))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Import now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".import-progress")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#progress-title")).ToHaveTextAsync("Importing now");
        await browser.CheckPageAsync("admin-importing");
        // Opening the pipe for writing waits for the import to be reading it; then the page arrives whole.
        await Task.Run(() => File.WriteAllText(held, "# Held\n\nThis page arrived while the import waited.\n")).WaitAsync(TimeSpan.FromSeconds(30));
        // The page follows the background import and shows the report once it is done.
        await Assertions.Expect(page.Locator("#report-title")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".import-history tbody tr").First).ToContainTextAsync("Imported");
        await Assertions.Expect(page.Locator(".import-progress")).ToHaveCountAsync(0);
        await browser.CheckPageAsync("admin-import-report");
        await page.GotoAsync(hub.BaseUrl + "/handbook/held");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Held");

        await page.GotoAsync(hub.BaseUrl + "/handbook/constructs");
        var tabs = page.GetByRole(AriaRole.Tab);
        await Assertions.Expect(tabs).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Crew" })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Tabpanel)).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Tabpanel)).ToContainTextAsync("Three to six people");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Crew" }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Congregation" })).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tabpanel)).ToContainTextAsync("Fifteen to one hundred");
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Network" })).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Crew" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Tabpanel)).ToBeFocusedAsync();

        // Selecting the numbered code selects the code alone: the numbers are drawn by CSS.
        var copied = await page.EvaluateAsync<string>("""
            () => { const code = document.querySelector('.line-numbers pre code'); const range = document.createRange();
                    range.selectNodeContents(code); const s = window.getSelection(); s.removeAllRanges(); s.addRange(range); return s.toString(); }
            """);
        Assert.Equal("hub groups schedule --people 12 --size 4 --rounds 3\necho \"rooms ready\"\nexit 0", copied.TrimEnd('\n'));
        var number = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.line-numbers .line'), '::before').content");
        Assert.Equal("counter(line)", number);

        await Assertions.Expect(page.Locator(".math .katex")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("div.math .katex-display")).ToHaveCountAsync(1);
        Assert.Contains("\\frac{n(n-1)}{2}", await page.Locator("div.math annotation").TextContentAsync());

        var diagram = page.Locator("figure.diagram img.diagram-image");
        await Assertions.Expect(diagram).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await diagram.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The diagram image did not load.");
        Assert.StartsWith("Diagram", await diagram.GetAttributeAsync("alt"));
        await Assertions.Expect(page.Locator("iframe.diagram-renderer")).ToHaveCountAsync(0);
        await page.GetByText("Diagram source").ClickAsync();
        await Assertions.Expect(page.Locator("pre.diagram-source")).ToContainTextAsync("A[Person] --> B[Crew]");
        await browser.CheckPageAsync("constructs-with-script");

        var violations = await page.EvaluateAsync<string[]>("() => window.__violations || []");
        Assert.True(violations.Length == 0, "Content security policy violations: " + string.Join("; ", violations));
        Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));

        // Without JavaScript: every tab in order, the TeX as written, the diagram's source.
        await using var plain = await browser.Context.Browser!.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 1280, Height = 800 } });
        var reader = await plain.NewPageAsync();
        await reader.GotoAsync(hub.BaseUrl + "/handbook/constructs");
        await Assertions.Expect(reader.Locator(".tabs .tab-title")).ToHaveTextAsync(["Crew", "Congregation", "Network"]);
        await Assertions.Expect(reader.GetByText("The congregations together.")).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("div.math")).ToContainTextAsync("\\sum_{k=1}^{n-1} k");
        await Assertions.Expect(reader.Locator("pre.diagram-source")).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("img.diagram-image")).ToHaveCountAsync(0);
        await browser.PhotographAsync("constructs-without-script-1280.png", reader);

        Directory.Delete(book, recursive: true);
    }
}
