using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Web;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>
/// The walk that once found a 404 behind "The crew has formed" and sign-in-only links shown to visitors,
/// kept as a test: on the demo community, as a visitor, a member and an administrator, every link from
/// "/" is followed (bounded: a few pages of each shape of address), and none may answer 4xx or 5xx, nor
/// lead to signing in without saying so.
/// </summary>
public sealed partial class LinkCrawlTests
{
    private const string Password = "walking every path";

    /// <summary>Pages of one shape (ids and numbers blanked) visited at most this often: the walk stays bounded.</summary>
    private const int PagesPerShape = 3;
    private const int MostPages = 400;

    [Fact]
    public async Task EveryLinkFromHome_VisitorMemberAndAdministrator_LeadsSomewhereAndSaysWhenItNeedsSigningIn()
    {
        var log = new LogRecorder();
        await using var hub = await HubFactory.StartAsync(s => s["Hub:SeedDemo"] = "true", smtp: false,
            services: s => s.AddSingleton<ILoggerProvider>(log));
        var member = await hub.CreatePersonAsync("walker@test.example", Password, name: "Wren Walker");
        await hub.CreatePersonAsync("keeper@test.example", Password, admin: true, name: "Kit Keeper");
        using (var scope = hub.Services.CreateScope())
        {
            // A member of every demo congregation, so members' pages (crews by name, news, faces) are walked too.
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            foreach (var congregation in await db.Congregations.Include(c => c.Levels).ToListAsync())
            {
                db.Memberships.Add(new Membership
                {
                    Id = Guid.NewGuid(),
                    CongregationId = congregation.Id,
                    UserId = member.Id,
                    LevelId = congregation.Levels.OrderBy(l => l.Name).First().Id,
                    JoinedAt = DateTime.UtcNow,
                });
            }
            await db.SaveChangesAsync();
        }

        var problems = new List<string>();
        var walked = new Dictionary<string, int>();
        foreach (var (role, client) in new[]
        {
            ("visitor", hub.NewClient()),
            ("member", await hub.SignedInClientAsync("walker@test.example", Password)),
            ("administrator", await hub.SignedInClientAsync("keeper@test.example", Password)),
        })
        {
            walked[role] = await WalkAsync(role, client, problems, log);
        }

        Assert.True(problems.Count == 0, $"Walked {string.Join(", ", walked.Select(w => $"{w.Value} pages as {w.Key}"))}; found:\n" + string.Join("\n", problems));

        // The walk went somewhere: the demo community has far more than a handful of pages for each.
        Assert.All(walked.Values, count => Assert.True(count > 25, $"only {count} pages walked"));
    }

    private static async Task<int> WalkAsync(string role, FormClient client, List<string> problems, LogRecorder log)
    {
        var parser = new HtmlParser();
        var queue = new Queue<(string Path, string From, string Text)>([("/", "(start)", "")]);
        var seen = new HashSet<string> { "/" };
        var shapes = new Dictionary<string, int>();
        var count = 0;
        while (queue.Count > 0 && count < MostPages)
        {
            var (path, from, text) = queue.Dequeue();
            count++;
            var warned = Warnings(log).Count;
            var response = await client.Http.GetAsync(path);
            var status = (int)response.StatusCode;
            // Nothing on the way is worth a warning in the operator's log: anti-forgery once warned on every view of a
            // page that said "no-store" its own way (the personal home, conversations, decisions, meetings).
            problems.AddRange(Warnings(log).Skip(warned).Select(w => $"{role}: {path} logged a warning: {w}"));
            if (status is 301 or 302 or 303 or 307 or 308)
            {
                var target = response.Headers.Location!;
                var where = target.IsAbsoluteUri ? target.PathAndQuery : target.OriginalString;
                if (where.StartsWith("/account/sign-in", StringComparison.Ordinal) && !SaysSignIn(text))
                {
                    problems.Add($"{role}: \"{text}\" ({path}) on {from} leads to signing in without saying so");
                }
                continue;
            }
            if (status >= 400)
            {
                problems.Add($"{role}: {path} answered {status} (linked as \"{text}\" from {from})");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue; // a feed, a calendar, a download: it answered, and has no links to follow
            }
            var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            foreach (var link in document.QuerySelectorAll("a[href]"))
            {
                var href = link.GetAttribute("href")!;
                if (Local(href) is not { } next || !seen.Add(next) || Skipped(next))
                {
                    continue;
                }
                var shape = Shape(next);
                shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
                if (shapes[shape] > PagesPerShape)
                {
                    continue;
                }
                var label = string.Join(" ", new[] { link.TextContent, link.GetAttribute("aria-label"), link.GetAttribute("title") }
                    .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => WhiteSpace().Replace(t!, " ").Trim()));
                queue.Enqueue((next, path, label));
            }
        }
        return count;
    }

    /// <summary>What the hub warned of so far, but for the start's reminder to set Hub:PublicUrl.</summary>
    private static List<string> Warnings(LogRecorder log) =>
        [.. log.Entries.Where(e => e.Level >= LogLevel.Warning && e.Category != typeof(PublicAddressNotice).FullName).Select(e => $"{e.Category}: {e.Message}")];

    /// <summary>A link that needs signing in must say so: "Sign in to answer", "Sign in", "sign up".</summary>
    private static bool SaysSignIn(string text) =>
        text.Contains("sign in", StringComparison.OrdinalIgnoreCase) || text.Contains("sign up", StringComparison.OrdinalIgnoreCase)
        || text.Contains("join", StringComparison.OrdinalIgnoreCase);

    /// <summary>The hub's own address for a link (path and query, no fragment), or null for elsewhere.</summary>
    private static string? Local(string href)
    {
        if (href.StartsWith('#') || href.StartsWith("//", StringComparison.Ordinal) || !href.StartsWith('/'))
        {
            return null; // a fragment, another site, mailto:, a relative link the hub does not write
        }
        var hash = href.IndexOf('#');
        return hash >= 0 ? href[..hash] : href;
    }

    /// <summary>Addresses that change what they are walked with: signing out ends the walk's session.</summary>
    private static bool Skipped(string path) => path.StartsWith("/account/sign-out", StringComparison.Ordinal);

    private static string Shape(string path) => Ids().Replace(path, "{id}");

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+", RegexOptions.IgnoreCase)]
    private static partial Regex Ids();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
