using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Platform.Email;

/// <summary>
/// One look for every message: a greeting, a few paragraphs, at most one action, and a footer
/// saying why it came. Produces the HTML and the plain-text part from the same words.
/// The frame (greeting, footer, the button's fallback line, the HTML's language) is in the recipient's
/// language: the culture passed to <see cref="Compose"/>, else the one of the <see cref="RecipientLanguage"/>
/// scope the caller wrote the words in, never the language of the request that happened to send it; English
/// when the caller says neither.
/// </summary>
public sealed class EmailTemplates(IOptions<HubOptions> hub, IStringLocalizer<Strings> strings)
{
    public EmailMessage Compose(string toAddress, string toName, string subject, IReadOnlyList<string> paragraphs,
        (string Label, string Url)? action = null, string? footer = null, CultureInfo? culture = null)
    {
        culture ??= RecipientLanguage.Current ?? Languages.CultureOf(Languages.English);
        var requestCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture; // the localizer reads it; Compose is synchronous, and puts it back below
        try
        {
            return Frame(toAddress, toName, subject, paragraphs, action, footer, culture);
        }
        finally
        {
            CultureInfo.CurrentUICulture = requestCulture;
        }
    }

    private EmailMessage Frame(string toAddress, string toName, string subject, IReadOnlyList<string> paragraphs,
        (string Label, string Url)? action, string? footer, CultureInfo culture)
    {
        var hubName = hub.Value.Name;
        footer ??= strings["Email.Footer", hubName];
        var greeting = string.IsNullOrWhiteSpace(toName) ? strings["Email.GreetingNoName"].Value : strings["Email.Greeting", toName].Value;

        var text = new StringBuilder();
        text.AppendLine(greeting).AppendLine();
        foreach (var p in paragraphs)
        {
            text.AppendLine(p).AppendLine();
        }
        if (action is { } a)
        {
            text.AppendLine(strings["Email.ActionLine", a.Label]).AppendLine(a.Url).AppendLine(); // French puts a space before the colon
        }
        text.AppendLine("—").AppendLine(hubName).AppendLine(footer);

        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(E(culture.Name)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(E(subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:24px;background:#faf6f0;font-family:Georgia,serif;color:#2b2520;\">")
            .Append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:28px;\">")
            .Append("<p style=\"font-size:17px;line-height:1.5;\">").Append(E(greeting)).Append("</p>");
        foreach (var p in paragraphs)
        {
            html.Append("<p style=\"font-size:17px;line-height:1.5;\">").Append(E(p)).Append("</p>");
        }
        if (action is { } b)
        {
            html.Append("<p style=\"margin:28px 0;\"><a href=\"").Append(E(b.Url))
                .Append("\" style=\"background:#9a3b1e;color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;font-family:sans-serif;\">")
                .Append(E(b.Label)).Append("</a></p>")
                .Append("<p style=\"font-size:14px;color:#5c5048;\">").Append(E(strings["Email.ButtonFallback"])).Append(" <br>")
                .Append("<a href=\"").Append(E(b.Url)).Append("\" style=\"color:#9a3b1e;word-break:break-all;\">").Append(E(b.Url)).Append("</a></p>");
        }
        html.Append("<hr style=\"border:none;border-top:1px solid #e8dfd4;margin:24px 0;\">")
            .Append("<p style=\"font-size:13px;color:#5c5048;\">").Append(E(hubName)).Append(" · ").Append(E(footer)).Append("</p>")
            .Append("</div></body></html>");

        return new EmailMessage(toAddress, toName, subject, html.ToString(), text.ToString());
    }
}
