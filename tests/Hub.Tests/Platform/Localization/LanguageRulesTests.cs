using System.Globalization;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Tests.Platform.Localization;

/// <summary>How a request's language is matched, how counts choose their words, and what the pseudo-locale makes of English.</summary>
public sealed class LanguageRulesTests
{
    [Theory]
    [InlineData("pt-BR,pt;q=0.9,en;q=0.8", "pt-PT")]
    [InlineData("de-AT", "de")]
    [InlineData("ja, fr-CA;q=0.5, en;q=0.4", "fr")]
    [InlineData("en;q=0.2, es-MX;q=0.9", "es")]
    [InlineData("fr;q=0, de;q=0.5", "de")] // q=0 means "not this one"
    [InlineData("ja, zh-CN", null)]
    [InlineData("qps", null)] // the pseudo-locale only when the hub is told to offer it
    [InlineData("", null)]
    public void BestMatch_TakesTheBrowsersFirstShippedLanguage(string header, string? expected) =>
        Assert.Equal(expected, Languages.BestMatch(header));

    [Fact]
    public void Normalize_KnowsOnlyShippedLanguages_AndThePseudoLocaleWhenOffered()
    {
        Assert.Equal("pt-PT", Languages.Normalize("pt"));
        Assert.Equal("de", Languages.Normalize("DE-ch"));
        Assert.Null(Languages.Normalize("xx"));
        Assert.Null(Languages.Normalize("qps"));
        Assert.Equal("qps", Languages.Normalize("qps", pseudo: true));
        Assert.Null(Languages.Normalize(new string('a', 40)));
        Assert.Equal("en", Languages.ForRecipient(null).Name);
        Assert.Equal("pt-PT", Languages.ForRecipient("pt-PT").Name);
    }

    [Theory]
    // French: "one" for 0 and 1. European Portuguese: "one" for 1 alone (Brazilian would say "one" for 0 too).
    [InlineData("fr", 0, PluralCategory.One)]
    [InlineData("fr", 1, PluralCategory.One)]
    [InlineData("fr", 2, PluralCategory.Other)]
    [InlineData("pt-PT", 0, PluralCategory.Other)]
    [InlineData("pt-PT", 1, PluralCategory.One)]
    [InlineData("pt-PT", 2, PluralCategory.Other)]
    [InlineData("pt-BR", 0, PluralCategory.One)]
    [InlineData("en", 0, PluralCategory.Other)]
    [InlineData("en", 1, PluralCategory.One)]
    [InlineData("en", 21, PluralCategory.Other)]
    [InlineData("es", 1, PluralCategory.One)]
    [InlineData("es", 0, PluralCategory.Other)]
    [InlineData("de", 1, PluralCategory.One)]
    [InlineData("de", 2, PluralCategory.Other)]
    public void PluralCategory_FollowsCldrCardinalRules(string culture, long count, PluralCategory expected) =>
        Assert.Equal(expected, Plurals.CategoryOf(count, CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void PseudoText_IsMarkedAccentedLongerAndKeepsPlaceholders()
    {
        var english = "Times are in {0}, the zone you chose.";
        var pseudo = PseudoText.From(english);
        Assert.StartsWith("⟦", pseudo);
        Assert.EndsWith("⟧", pseudo);
        Assert.Contains("{0}", pseudo);
        Assert.Contains("Tíméš", pseudo);
        Assert.True(pseudo.Length >= english.Length * 1.3, pseudo);
        Assert.Equal("⟦{0}⟧", PseudoText.From("{0}")); // nothing to lengthen in a bare placeholder
    }

    [Theory]
    [InlineData("en", "d MMMM yyyy, HH:mm", "3 March 2027, 19:30")]
    [InlineData("de", "d MMMM yyyy, HH:mm", "3. März 2027, 19:30")]
    [InlineData("pt-PT", "d MMMM yyyy", "3 de março de 2027")]
    [InlineData("es", "d MMMM yyyy", "3 de marzo de 2027")]
    [InlineData("fr", "d MMMM yyyy", "3 mars 2027")]
    public void Dates_ReadAsEachLanguageWritesThem(string culture, string pattern, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(expected, DateFormats.Format(new DateTime(2027, 3, 3, 19, 30, 0), pattern));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
