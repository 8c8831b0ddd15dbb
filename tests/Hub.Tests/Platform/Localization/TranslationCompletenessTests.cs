using System.Collections;
using System.Globalization;
using System.Resources;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Tests.Platform.Localization;

/// <summary>
/// Every shipped language has every English key, none empty, with the same placeholders ({0}, {name}) as the
/// English; every counted phrase has both its "one" and "other" forms. Read from the built satellite assemblies,
/// so a resource file left out of the build fails too.
/// </summary>
public sealed class TranslationCompletenessTests
{
    private static readonly ResourceManager Resources = new(typeof(Strings).FullName!, typeof(Strings).Assembly);

    private static Dictionary<string, string> Read(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "") ?? [];

    private static string Placeholders(string text) =>
        string.Join(" ", PseudoText.Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    [Fact]
    public void EveryLanguage_HasEveryKey_NoneEmpty_SamePlaceholders()
    {
        var english = Read(CultureInfo.InvariantCulture);
        Assert.True(english.Count > 50, $"only {english.Count} English strings were found: is Strings.resx embedded?");
        foreach (var key in english.Keys.Where(k => k.EndsWith(".one", StringComparison.Ordinal)))
        {
            Assert.True(english.ContainsKey(key[..^4] + ".other"), $"{key} has no .other form");
        }
        var problems = new List<string>();
        foreach (var language in Languages.Shipped.Where(l => l.Code != Languages.English))
        {
            var translated = Read(language.Culture);
            foreach (var (key, text) in english)
            {
                if (!translated.TryGetValue(key, out var translation) || string.IsNullOrWhiteSpace(translation))
                {
                    problems.Add($"{language.Code}: {key} is missing");
                }
                else if (Placeholders(translation) != Placeholders(text))
                {
                    problems.Add($"{language.Code}: {key} has placeholders '{Placeholders(translation)}', English has '{Placeholders(text)}'");
                }
            }
            problems.AddRange(translated.Keys.Except(english.Keys).Select(k => $"{language.Code}: {k} is not an English key"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
