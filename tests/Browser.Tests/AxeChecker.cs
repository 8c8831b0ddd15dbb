using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// axe-core, every default rule, on the page as it is now, including its frames; returns the violations.
/// <para>
/// Why not Deque's <c>Page.RunAxe()</c>: it measured at about 4 s a call on the test machine, most of
/// every journey's time. Each call sent the 500 kB axe script into the page again, then opened a new
/// browser page (a new context) to merge the results, sent the script there too, and returned every
/// passing and inapplicable node. Here the script goes into a document once (the phone-width check of
/// the same document reuses it), the results are merged in the page, and only violations are collected
/// in full (axe's <c>resultTypes</c>; violations are always complete). Same axe-core build (the one
/// Deque bundles), same rules, same frames: axe is put into every frame and reaches them the way
/// axe.run always has, by messages between frames.
/// </para>
/// </summary>
public static class AxeChecker
{
    private static readonly string script = new BundledAxeScriptProvider().GetScript();

    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        foreach (var frame in page.Frames)
        {
            if (!await frame.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            {
                await frame.EvaluateAsync($"() => {script}");
                // Frames of another origin (a video player after its click) are checked too, as Deque's runner did.
                await frame.EvaluateAsync("() => axe.configure({ allowedOrigins: ['<unsafe_all_origins>'] })");
            }
        }
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v =>
              `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => JSON.stringify(n.target)).join(' | ')}`)
            """);
        return [.. violations.EnumerateArray().Select(v => v.GetString()!)];
    }
}
