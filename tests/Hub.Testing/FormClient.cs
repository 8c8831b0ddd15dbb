using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Microsolidarity.Hub.Testing;

/// <summary>
/// Talks to the hub as a browser without JavaScript would: keeps cookies, reads each form's
/// anti-forgery token from the page and posts it back. Redirects are not followed, so tests see them.
/// </summary>
public sealed class FormClient(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    /// <summary>The last page's HTML exactly as the server sent it.</summary>
    public string LastHtml { get; private set; } = "";

    public static FormClient For(string baseUrl)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        return new FormClient(new HttpClient(handler) { BaseAddress = new Uri(baseUrl) });
    }

    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetAsync(string url)
    {
        var response = await http.GetAsync(url);
        var html = LastHtml = await response.Content.ReadAsStringAsync();
        return (response, Parser.ParseDocument(html));
    }

    /// <summary>
    /// Opens the page, fills the form whose action matches (or the first form) and submits it. A form whose button
    /// names the handler in its own <c>formaction</c> matches too, and is submitted as that button would.
    /// </summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SubmitAsync(string pageUrl, IDictionary<string, string> fields, string? handler = null)
    {
        var (_, page) = await GetAsync(pageUrl);
        bool Names(string? action) => (action ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase);
        var form = page.Forms.FirstOrDefault(f => handler is null
                       ? !(f.Action ?? "").Contains("sign-out", StringComparison.Ordinal)
                       : Names(f.Action))
                   ?? page.Forms.FirstOrDefault(f => handler is not null && f.QuerySelectorAll("button[formaction]").Any(b => Names(b.GetAttribute("formaction"))))
                   ?? throw new InvalidOperationException($"No form on {pageUrl}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? throw new InvalidOperationException($"The form on {pageUrl} has no anti-forgery token");
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
        {
            var name = hidden.GetAttribute("name");
            if (name is not null && !values.ContainsKey(name))
            {
                values[name] = hidden.GetAttribute("value") ?? "";
            }
        }
        var button = handler is null || Names(form.Action) ? null : form.QuerySelectorAll("button[formaction]").First(b => Names(b.GetAttribute("formaction"))).GetAttribute("formaction");
        var action = button ?? (string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!);
        return await PostAsync(action, values);
    }

    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(string url, IDictionary<string, string> values)
    {
        var response = await http.PostAsync(url, new FormUrlEncodedContent(values));
        var html = LastHtml = await response.Content.ReadAsStringAsync();
        return (response, Parser.ParseDocument(html));
    }
}
