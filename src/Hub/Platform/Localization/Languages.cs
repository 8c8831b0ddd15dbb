using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Microsolidarity.Hub.Platform.Localization;

/// <summary>One language the hub speaks: its culture (what pages and emails use) and its name in itself (what the switcher shows).</summary>
public sealed record HubLanguage(string Code, string NativeName)
{
    public CultureInfo Culture => Languages.CultureOf(Code);
}

/// <summary>
/// The languages the hub ships and how a request's language is chosen among them. Portuguese is European
/// Portuguese (pt-PT): the Lisbon and Azores congregations speak it, and a Brazilian browser (pt-BR) is
/// better served by it than by English. The pseudo-locale <see cref="Pseudo"/> exists only when
/// <c>Localization:Pseudo</c> is on (tests and translators), never for members.
/// </summary>
public static class Languages
{
    public const string English = "en";

    /// <summary>Accented and longer English, made at run time (<see cref="PseudoText"/>): shows what did not go through localisation.</summary>
    public const string Pseudo = "qps";

    /// <summary>The visitor's choice from the footer's switcher.</summary>
    public const string Cookie = "hub-language";

    public static readonly IReadOnlyList<HubLanguage> Shipped =
    [
        new(English, "English"),
        new("es", "Español"),
        new("de", "Deutsch"),
        new("pt-PT", "Português"),
        new("fr", "Français"),
    ];

    /// <summary>
    /// The tag a page in the current UI culture declares in <c>&lt;html lang&gt;</c> (and an element in another language is
    /// compared with): the pseudo-locale is English text marked as private use (BCP 47), which checkers accept. Outside a
    /// request (a job, the command line, a test) the machine's culture counts as the shipped language it falls back to.
    /// </summary>
    public static string PageTag => Normalize(CultureInfo.CurrentUICulture.Name, pseudo: true) switch
    {
        null => English,
        Pseudo => "en-x-qps",
        var code => code,
    };

    public static CultureInfo CultureOf(string code) => code == Pseudo ? PseudoCulture : CultureInfo.GetCultureInfo(code);

    /// <summary>A culture of its own (ICU accepts the private-use code), formatting as English does.</summary>
    public static readonly CultureInfo PseudoCulture = CultureInfo.GetCultureInfo(Pseudo);

    /// <summary>
    /// The shipped language a code names, matched on its language part ("pt-BR" and "pt" are Portuguese,
    /// "de-AT" German); null for anything else, so a forged cookie or form value never reaches a culture lookup.
    /// </summary>
    public static string? Normalize(string? code, bool pseudo = false)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 16)
        {
            return null;
        }
        code = code.Trim();
        if (pseudo && code.Equals(Pseudo, StringComparison.OrdinalIgnoreCase))
        {
            return Pseudo;
        }
        var language = code.Split('-', '_')[0];
        return Shipped.FirstOrDefault(l => l.Code.Split('-')[0].Equals(language, StringComparison.OrdinalIgnoreCase))?.Code;
    }

    /// <summary>The best shipped language for an Accept-Language header, by the browser's order of preference; null when none fits.</summary>
    public static string? BestMatch(string? acceptLanguage, bool pseudo = false)
    {
        if (string.IsNullOrEmpty(acceptLanguage)
            || !StringWithQualityHeaderValue.TryParseList(acceptLanguage.Split(',').Take(10).ToList(), out var values))
        {
            return null;
        }
        return values.Where(v => v.Quality is not 0)
            .OrderByDescending(v => v.Quality ?? 1) // a stable sort keeps the browser's order among equals
            .Select(v => Normalize(v.Value.Value, pseudo)).FirstOrDefault(code => code is not null);
    }

    /// <summary>The culture emails to a person go in: theirs if they chose one, else English (never the sender's).</summary>
    public static CultureInfo ForRecipient(string? savedLanguage) => CultureOf(Normalize(savedLanguage) ?? English);
}
