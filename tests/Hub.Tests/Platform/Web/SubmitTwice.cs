using AngleSharp.Html.Dom;
using Microsolidarity.Hub.Platform.Web;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>A double click, as a browser makes it: one page, its form sent twice with the same fields (the same one-time token).</summary>
internal static class SubmitTwice
{
    /// <summary>Opens the page, fills the form whose action names the handler, and posts it twice at the same moment, then once more.</summary>
    public static async Task<HttpResponseMessage[]> RunAsync(FormClient client, string pageUrl, string handler, IDictionary<string, string> fields)
    {
        var (_, page) = await client.GetAsync(pageUrl);
        var form = page.Forms.FirstOrDefault(f => (f.Action ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No {handler} form on {pageUrl}");
        Assert.NotNull(form.QuerySelector($"input[name={OncePerFormFilter.FieldName}]"));
        var values = Values(form, fields);
        var action = form.GetAttribute("action")!;
        var twice = await Task.WhenAll(Post(client, action, values), Post(client, action, values));
        return [.. twice, await Post(client, action, values)];
    }

    private static Dictionary<string, string> Values(IHtmlFormElement form, IDictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>(fields);
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
        {
            if (hidden.GetAttribute("name") is { } name && !values.ContainsKey(name))
            {
                values[name] = hidden.GetAttribute("value") ?? "";
            }
        }
        return values;
    }

    private static Task<HttpResponseMessage> Post(FormClient client, string action, Dictionary<string, string> values) =>
        client.Http.PostAsync(action, new FormUrlEncodedContent(values));
}
