using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Tests.Platform.Localization;

/// <summary>
/// A visitor's pages follow the browser, then the footer's switcher (a cookie, back to the same page); a signed-in
/// person's saved choice wins over both, and the emails the hub sends them are framed in it.
/// </summary>
public sealed class LanguageChoiceTests(SharedHub shared) : IClassFixture<SharedHub>
{
    private readonly HubFactory hub = shared.Hub;

    private static async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> GetInAsync(Testing.FormClient client, string url, string acceptLanguage)
    {
        client.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return await client.GetAsync(url);
    }

    [Fact]
    public async Task Visitor_GetsBrowsersLanguage_SwitcherKeepsThePage_AndRefusesOtherSites()
    {
        var client = hub.NewClient();
        var (_, portuguese) = await GetInAsync(client, "/", "pt-BR,pt;q=0.9,en;q=0.5");
        Assert.Equal("pt-PT", portuguese.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Pertença, a cinco escalas", portuguese.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("Saltar para o conteúdo", portuguese.QuerySelector(".skip-link")?.TextContent);

        var (_, german) = await GetInAsync(client, "/account/sign-in", "de-AT");
        Assert.Equal("de", german.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Anmelden", german.QuerySelector("h1")?.TextContent.Trim());
        // The switcher names each language in itself and marks the page's own.
        Assert.Equal("true", german.QuerySelector(".language-switch button[value=de]")?.GetAttribute("aria-pressed"));
        Assert.Equal("Français", german.QuerySelector(".language-switch button[value=fr]")?.TextContent.Trim());

        var (switched, _) = await client.PostAsync("/language", new Dictionary<string, string> { ["language"] = "fr", ["returnUrl"] = "/account/sign-up?returnUrl=%2Fcrews" });
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/sign-up?returnUrl=%2Fcrews", switched.Headers.Location?.OriginalString);
        var (_, french) = await GetInAsync(client, "/account/sign-up", "de-AT"); // the cookie wins over the browser
        Assert.Equal("fr", french.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Rejoins le hub", french.QuerySelector("h1")?.TextContent.Trim());

        // Validation messages come in the page's language too.
        var (_, refused) = await client.PostAsync("/account/forgot-password", new Dictionary<string, string>
        {
            ["Email"] = "",
            ["__RequestVerificationToken"] = (await client.GetAsync("/account/forgot-password")).Page
                .QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        Assert.Equal("Indique l'adresse de ton compte.", refused.QuerySelector("#email-error")?.TextContent.Trim());

        var (away, _) = await client.PostAsync("/language", new Dictionary<string, string> { ["language"] = "es", ["returnUrl"] = "https://elsewhere.example/" });
        Assert.Equal("/", away.Headers.Location?.OriginalString);
        var (unknown, _) = await client.PostAsync("/language", new Dictionary<string, string> { ["language"] = "qps", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var (_, missing) = await GetInAsync(client, "/no-such-page-here", "en");
        Assert.Equal("No encontramos esa página", missing.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task SignedIn_SavedChoiceWinsOverBrowserAndCookie_AndTheirEmailsAreFramedInIt()
    {
        var email = Unique.Email("lena");
        await hub.CreatePersonAsync(email, "a long enough password", name: "Lena");
        var client = await hub.SignedInClientAsync(email, "a long enough password");
        var (_, profile) = await client.GetAsync("/me/profile");
        var form = profile.QuerySelector("form[action='/language']")!;
        var (saved, _) = await client.PostAsync("/language", new Dictionary<string, string>
        {
            ["language"] = "es",
            ["returnUrl"] = "/me/profile#language",
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            Assert.Equal("es", await db.Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync());
        }

        // Without the token a signed-in person's choice is not saved.
        var (forged, _) = await client.PostAsync("/language", new Dictionary<string, string> { ["language"] = "de", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // Another device: no cookie, a German browser; the saved Spanish wins.
        var other = await hub.SignedInClientAsync(email, "a long enough password");
        var (_, home) = await GetInAsync(other, "/account/forgot-password", "de-DE");
        Assert.Equal("es", home.DocumentElement.GetAttribute("lang"));

        // A visitor in English asks for a reset of Lena's password: the email speaks to Lena in Spanish.
        var visitor = hub.NewClient();
        visitor.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await visitor.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        await hub.DrainOutboxAsync();
        var message = await hub.Smtp!.WaitForAsync(email, "Cambia tu contraseña");
        Assert.StartsWith("Hola, Lena:", message.TextBody);
        Assert.Contains("Recibes esto porque tienes una cuenta en", message.TextBody);
        Assert.Contains("<html lang=\"es\">", message.HtmlBody);
        Assert.Contains("Si el botón no funciona, abre esta dirección:", WebUtility.HtmlDecode(message.HtmlBody));
    }

    [Fact]
    public async Task AnAccountInEnglish_OnAGermanBrowser_IsAskedOnce_AndTheAnswerIsSaved()
    {
        // Made without a page (as a host or the command line makes one): no language saved, so emails go in English.
        var email = Unique.Email("lena");
        await hub.CreatePersonAsync(email, "a lantern by the door", name: Unique.Name("Lena"));
        var client = await hub.SignedInClientAsync(email, "a lantern by the door");

        var (_, asked) = await GetInAsync(client, "/", "de-DE,de;q=0.9,en;q=0.5");
        var offer = asked.QuerySelector(".language-offer");
        Assert.NotNull(offer);
        Assert.Equal("Deutsch im Hub verwenden, E-Mails eingeschlossen?", offer.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal(["de", "en"], offer.QuerySelectorAll("button[name=language]").Select(b => b.GetAttribute("value")!));
        var token = offer.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Asked once on this browser, answered or not.
        var (_, again) = await GetInAsync(client, "/", "de-DE,de;q=0.9,en;q=0.5");
        Assert.Null(again.QuerySelector(".language-offer"));

        var (answered, _) = await client.PostAsync("/language", new Dictionary<string, string> { ["language"] = "de", ["returnUrl"] = "/", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        using (var scope = hub.Services.CreateScope())
        {
            Assert.Equal("de", await scope.ServiceProvider.GetRequiredService<HubDbContext>().Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync());
        }
        var (_, english) = await GetInAsync(client, "/", "en"); // the saved choice wins over the browser now
        Assert.Equal("de", english.DocumentElement.GetAttribute("lang"));

        // A browser that asks for the account's own language is never asked.
        var other = await hub.SignedInClientAsync(email, "a lantern by the door");
        var (_, same) = await GetInAsync(other, "/", "de");
        Assert.Null(same.QuerySelector(".language-offer"));
    }
}
