using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Microsolidarity.Hub.Platform.Localization;

/// <summary>
/// A translated sentence with links or emphasis inside it ("Look at the {0} page later"): each language puts
/// the link where its grammar wants it. The sentence is encoded; only the parts the page built are HTML.
/// </summary>
public static class LocalizedHtml
{
    public static IHtmlContent Format(LocalizedString sentence, params IHtmlContent[] parts) =>
        new HtmlString(string.Format(CultureInfo.InvariantCulture, WebUtility.HtmlEncode(sentence.Value), [.. parts.Select(Html)]));

    public static IHtmlContent Link(string href, LocalizedString text) =>
        new HtmlString($"<a href=\"{WebUtility.HtmlEncode(href)}\">{WebUtility.HtmlEncode(text.Value)}</a>");

    public static IHtmlContent Strong(string text) => new HtmlString($"<strong>{WebUtility.HtmlEncode(text)}</strong>");

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
