using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform.Contracts;
using Microsoft.Extensions.Localization;

namespace Microsolidarity.Hub.Features.Updates.Webhooks;

/// <summary>
/// What each chat tool expects. Generic bodies are signed: <c>X-Hub-Timestamp</c> carries the Unix
/// time in seconds and <c>X-Hub-Signature</c> is <c>sha256=</c> followed by the lower-case hex
/// HMAC-SHA256, keyed with the target's secret, of <c>{timestamp}.{body}</c>. Receivers recompute
/// it and reject old timestamps, so a captured request cannot be replayed later.
/// </summary>
public static class WebhookPayloads
{
    public const string TimestampHeader = "X-Hub-Timestamp";
    public const string SignatureHeader = "X-Hub-Signature";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The body for one target; the hub's own words (the label before the title) come from <paramref name="strings"/>, in its current language.</summary>
    public static string Body(WebhookFormat format, Announcement a, Guid deliveryId, IStringLocalizer strings)
    {
        var label = Label(a.Kind, strings);
        var line = $"{label}: {a.Title} {a.Url}";
        return format switch
        {
            WebhookFormat.Discord => JsonSerializer.Serialize(new
            {
                content = Trim(line, 2000),
                embeds = new[] { new { title = Trim(a.Title, 256), url = a.Url, description = Trim(a.Summary, 4096) } },
                allowed_mentions = new { parse = Array.Empty<string>() }, // a title must never ping @everyone
            }, Json),
            WebhookFormat.Slack => JsonSerializer.Serialize(new { text = $"{label}: <{a.Url}|{SlackEscape(a.Title)}>\n{SlackEscape(a.Summary)}" }, Json),
            WebhookFormat.Matrix => JsonSerializer.Serialize(new
            {
                msgtype = "m.text",
                body = $"{line}\n{a.Summary}",
                format = "org.matrix.custom.html",
                formatted_body = $"{System.Net.WebUtility.HtmlEncode(label)}: <a href=\"{System.Net.WebUtility.HtmlEncode(a.Url)}\">{System.Net.WebUtility.HtmlEncode(a.Title)}</a>",
            }, Json),
            _ => JsonSerializer.Serialize(new
            {
                id = deliveryId,
                kind = a.Kind,
                title = a.Title,
                url = a.Url,
                summary = a.Summary,
                occurredAt = a.OccurredAtUtc,
            }, Json),
        };
    }

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    private static string Label(string kind, IStringLocalizer strings) => strings[kind switch
    {
        Announcement.NewEvent => "Chat.NewEvent",
        Announcement.Newsletter => "Chat.Newsletter",
        Announcement.Episode => "Chat.NewEpisode",
        SendWebhookTest.Kind => "Chat.Test",
        _ => "Chat.Update",
    }];

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string SlackEscape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
