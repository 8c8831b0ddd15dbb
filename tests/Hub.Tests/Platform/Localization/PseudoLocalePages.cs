using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Platform.Localization;

/// <summary>
/// A shared hub that also speaks the pseudo-locale (every localised string accented, longer and wrapped in ⟦ ⟧), for
/// tests that look for words a page shows without going through localisation.
/// </summary>
public sealed class SharedHubWithPseudoLocale : SharedHub
{
    protected override Task<HubFactory> StartAsync() => HubFactory.StartAsync(settings => settings["Localization:Pseudo"] = "true", smtp: false);

    /// <summary>Someone the test made, signed in and reading in the pseudo-locale.</summary>
    public sealed record Reader(string Id, FormClient Client, string Email, string Name);

    /// <summary>A new person with a unique address and name, signed in, every request in the pseudo-locale.</summary>
    public async Task<Reader> PersonAsync(string who, bool admin = false, string password = "a page read with its marks on")
    {
        var email = Unique.Email(who);
        var name = Unique.Name(who);
        var person = await Hub.CreatePersonAsync(email, password, admin: admin, name: name);
        var client = await Hub.SignedInClientAsync(email, password);
        PseudoLocalePages.Use(client);
        return new(person.Id, client, email, name);
    }
}

/// <summary>
/// The words of a page that did not go through localisation, read from the HTML the hub sends (the browser journey
/// in the pseudo-locale reads what Chromium shows; this reads every page a test can reach with a form client,
/// including text hidden until a script or a width shows it, and the words in placeholders, labels and titles).
/// </summary>
public static partial class PseudoLocalePages
{
    /// <summary>
    /// Asks for the pseudo-locale on every request of this client, by the language cookie the footer's switcher sets (the
    /// switcher itself offers members only real languages). A person's saved language would win over it: people whose
    /// pages are read this way keep the default.
    /// </summary>
    public static void Use(FormClient client) => client.Http.DefaultRequestHeaders.Add("Cookie", "hub-language=qps");

    /// <summary>
    /// Each run of visible text (and each placeholder, aria-label, title and alt) on <paramref name="path"/> that still has
    /// letters once the localised runs are taken away. <paramref name="data"/> are what the test itself made (names,
    /// titles, posts): people's words, not the hub's, so they are taken away too, as are the hub's name and the names of
    /// languages in the switcher (each written in its own language).
    /// </summary>
    public static async Task<IReadOnlyList<string>> LeaksAsync(FormClient client, string path, params string[] data)
    {
        var (response, page) = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        return LeaksIn(page, data);
    }

    /// <summary>
    /// Fails, naming the page (<paramref name="what"/>) and each run, when <paramref name="path"/> shows words that skipped
    /// localisation. Dates need no exception: month and day names formatted in the reader's culture carry the marks too.
    /// </summary>
    public static async Task AssertNoLeaksAsync(FormClient client, string path, string what, params string[] data)
    {
        var leaks = await LeaksAsync(client, path, data);
        Assert.True(leaks.Count == 0, $"{what} ({path}) shows words that skipped localisation: {string.Join(" | ", leaks)}");
    }

    /// <summary>The same, for a page already in hand: the answer to a form the hub refused, with its messages.</summary>
    public static IReadOnlyList<string> LeaksIn(IDocument page, params string[] data)
    {
        Assert.Equal("en-x-qps", page.DocumentElement.GetAttribute("lang")); // the pseudo-locale's tag: English, privately marked
        var exempt = page.QuerySelectorAll(".brand, [lang]:not(html)").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0)
            .Concat(data).OrderByDescending(t => t.Length).ToList();
        var runs = new List<string>();
        Collect(page.Body!, runs);
        // A sentence holding a link is one localised string split over several text nodes: join the page's runs first.
        var text = string.Join("\n", runs);
        foreach (var words in exempt)
        {
            text = text.Replace(words, " ", StringComparison.Ordinal);
        }
        for (var before = ""; before != text;)
        {
            before = text;
            text = Marked().Replace(text, " ");
        }
        return [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Any(char.IsLetter)).Distinct()];
    }

    /// <summary>Text and the words of attributes in document order, so that a sentence split by a link stays in one piece.</summary>
    private static void Collect(INode node, List<string> runs)
    {
        if (node is IText text)
        {
            runs.Add(text.Data);
            return;
        }
        if (node is IElement element)
        {
            if (element.LocalName is "script" or "style" or "template")
            {
                return;
            }
            foreach (var attribute in new[] { "placeholder", "aria-label", "title", "alt" })
            {
                if (element.GetAttribute(attribute) is { } value)
                {
                    runs.Add(value);
                }
            }
        }
        foreach (var child in node.ChildNodes)
        {
            Collect(child, runs);
        }
    }

    /// <summary>The innermost marked run; a run may hold another (a link inside a sentence), so this is repeated until none is left.</summary>
    [GeneratedRegex("⟦[^⟦⟧]*⟧", RegexOptions.Singleline)]
    private static partial Regex Marked();
}
