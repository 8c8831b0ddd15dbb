namespace Microsolidarity.Hub.Platform.Localization;

/// <summary>
/// Asks a signed-in person, once on each browser, whether to use the hub in the browser's language when it differs from
/// the one saved on their account. The account's language is what their pages and emails follow; it comes from the page
/// they signed up on, or is English for an account made by a host or the command line, so someone whose browser reads
/// German may never have chosen it. The answer goes through the footer's switcher (<c>/language</c>), which saves it.
/// </summary>
public static class LanguageOffer
{
    /// <summary>Set when the question is shown: it is asked once, answered or not, and the profile keeps the choice.</summary>
    public const string AskedCookie = "hub-language-asked";

    public sealed record Offer(HubLanguage Browser, HubLanguage Saved);

    /// <summary>The question to ask on this request, or null; asking marks this browser as asked.</summary>
    public static Offer? AskOnce(HttpContext http, string? savedLanguage)
    {
        if (http.Request.Cookies.ContainsKey(AskedCookie))
        {
            return null;
        }
        var browser = Languages.BestMatch(http.Request.Headers.AcceptLanguage);
        var saved = Languages.Normalize(savedLanguage) ?? Languages.English;
        if (browser is null || browser == saved)
        {
            return null;
        }
        http.Response.Cookies.Append(AskedCookie, "1", new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            HttpOnly = true,
            IsEssential = true,
        });
        return new(Languages.Shipped.Single(l => l.Code == browser), Languages.Shipped.Single(l => l.Code == saved));
    }
}
