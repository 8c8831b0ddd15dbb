using System.Diagnostics;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Updates;

/// <summary>Helpers the Updates tests share: forms with several submit buttons, feed parsing in Node, waiting on the queue.</summary>
internal static class UpdatesTestKit
{
    /// <summary>Opens <paramref name="pageUrl"/> for its anti-forgery token and posts the fields to <paramref name="postUrl"/>.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostFromAsync(
        this FormClient client, string pageUrl, string postUrl, IDictionary<string, string> fields)
    {
        var (_, page) = await client.GetAsync(pageUrl);
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? throw new InvalidOperationException($"No anti-forgery token on {pageUrl}");
        return await client.PostAsync(postUrl, new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
    }

    public static async Task WithDbAsync(this HubFactory hub, Func<HubDbContext, Task> action)
    {
        using var scope = hub.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    public static async Task<T> FromDbAsync<T>(this HubFactory hub, Func<HubDbContext, Task<T>> query)
    {
        using var scope = hub.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    /// <summary>Polls until the condition holds; fails after 30 s with the message (a hang, not a timing threshold).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"Waited 30 s for: {what}");
    }

    /// <summary>Parses a feed with the npm package a real reader uses (tests/tools/parse-feed.js).</summary>
    public static async Task<JsonElement> ParseFeedAsync(string kind, string xml)
    {
        if (!Directory.Exists(Path.Combine(TestPaths.ToolsDirectory, "node_modules", "rss-parser")))
        {
            throw new InvalidOperationException("The feed parsers are not installed. Run ./test.sh, or: npm ci --prefix tests/tools");
        }
        var file = Path.Combine(Path.GetTempPath(), $"hub-feed-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, xml);
        try
        {
            var start = new ProcessStartInfo("node", [Path.Combine(TestPaths.ToolsDirectory, "parse-feed.js"), kind, file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.True(process.ExitCode == 0, $"{kind} parser failed: {await stderr}");
            return JsonDocument.Parse(await stdout).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static string PathOf(string absolute) => new Uri(absolute).PathAndQuery;
}
