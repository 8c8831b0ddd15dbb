using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Features.Accounts;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>
/// A demo hub, crawled as its administrator (who also hosts a congregation and keeps the commons'
/// books), so every page and form that person can reach is found; then every form is sent with
/// hostile values in its fields, and every address with a query has hostile values in each parameter.
/// Whatever the values, the answer is never a 500: a client error, a redirect, or the page with a
/// message beside the field.
/// </summary>
public sealed class FuzzTests(FuzzTests.CrawledHub crawled) : IClassFixture<FuzzTests.CrawledHub>
{
    /// <summary>
    /// Bounds that keep the run to a minute or two on SQLite: pages are crawled by shape (one event page
    /// stands for all events; at most <see cref="PagesPerSection"/> per first path segment, so the
    /// handbook's hundred pages count as a few), and each distinct form (by address, handler and fields)
    /// is sent once per value.
    /// </summary>
    private const int MaxPages = 220, PagesPerSection = 30, MaxForms = 150;

    private const string Email = "ilse@demo.hub.example", Password = "fuzzing the garden gate";

    public sealed record Field(string Name, string Kind, string Value);
    public sealed record Form(string Page, string Action, bool Multipart, IReadOnlyList<Field> Fields, string Token);

    /// <summary>The hub and what the crawl found; shared by both tests (the query fuzz changes nothing, the form fuzz runs last in each).</summary>
    public sealed class CrawledHub : IAsyncLifetime
    {
        public HubFactory Hub { get; private set; } = null!;
        public WebApplicationFactory<Program> Logged { get; private set; } = null!;
        public LogRecorder Log { get; } = new();
        public HttpClient Http { get; private set; } = null!;
        public List<string> Pages { get; } = [];
        public List<Form> Forms { get; } = [];

        public async Task InitializeAsync()
        {
            Hub = await HubFactory.StartAsync(s => s["Hub:SeedDemo"] = "true", smtp: false);
            using (var scope = Hub.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
                var ilse = await users.FindByEmailAsync(Email) ?? throw new InvalidOperationException("The demo has no Ilse.");
                Assert.True((await users.AddPasswordAsync(ilse, Password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(ilse, AccountsFeature.AdminRole)).Succeeded);
            }
            Logged = Hub.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(Log)));
            Http = Logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            await SignInAsync();
            await CrawlAsync();
        }

        public async Task SignInAsync()
        {
            var (_, page) = await GetPageAsync("/account/sign-in");
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var response = await Http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = Email,
                ["Input.Password"] = Password,
                ["__RequestVerificationToken"] = token,
            }));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetPageAsync(string url)
        {
            var response = await Http.GetAsync(url);
            var html = response.Content.Headers.ContentType?.MediaType == "text/html" ? await response.Content.ReadAsStringAsync() : "";
            return (response, new HtmlParser().ParseDocument(html));
        }

        private async Task CrawlAsync()
        {
            var seen = new HashSet<string>();
            var perSection = new Dictionary<string, int>();
            var queue = new Queue<string>(["/", "/account", "/me/profile", "/me/journal", "/me/pathway", "/me/notifications", "/congregations", "/crews",
                "/crews/new", "/dyads", "/dyads/new", "/gatherings", "/gatherings/new", "/gatherings?view=month", "/commons", "/commons/contribute",
                "/commons/proposals", "/commons/treasury", "/admin/commons", "/admin/handbook", "/programs", "/programs/new", "/congregations/new",
                "/search?q=crew", "/updates"]);
            var formKeys = new HashSet<string>();
            while (queue.Count > 0 && Pages.Count < MaxPages)
            {
                var url = queue.Dequeue();
                var shape = Shape(url);
                var section = url.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
                if (!seen.Add(shape) || perSection.GetValueOrDefault(section) >= PagesPerSection)
                {
                    continue;
                }
                var (response, page) = await GetPageAsync(url);
                if (response.StatusCode != HttpStatusCode.OK || page.Body is null)
                {
                    continue;
                }
                perSection[section] = perSection.GetValueOrDefault(section) + 1;
                Pages.Add(url);
                foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
                {
                    if (Followable(href))
                    {
                        queue.Enqueue(WebUtility.HtmlDecode(href.Split('#')[0]));
                    }
                }
                foreach (var form in page.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
                {
                    var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
                    var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
                    if (token is null || !action.StartsWith('/') || Excluded.IsMatch(action))
                    {
                        continue;
                    }
                    var fields = FieldsOf(form);
                    if (formKeys.Add($"{Shape(action)} {string.Join(',', fields.Select(f => f.Name).Order())}") && Forms.Count < MaxForms)
                    {
                        Forms.Add(new(url, action, form.Enctype?.Contains("multipart", StringComparison.Ordinal) == true, fields, token));
                    }
                }
            }
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await Logged.DisposeAsync();
            await Hub.DisposeAsync();
        }
    }

    /// <summary>Forms that would end the session being tested; the accounts' own tests cover them.</summary>
    private static readonly Regex Excluded = new("sign-out|/account/delete|handler=(SignOutEverywhere|Delete)", RegexOptions.IgnoreCase);

    /// <summary>Actions that take things away, sent last, so the forms before them still find what they act on.</summary>
    private static readonly Regex Destructive = new("leave|delete|remove|revoke|end|close|cancel|pause|release|step-down", RegexOptions.IgnoreCase);

    private static bool Followable(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !Regex.IsMatch(href, @"sign-out|\.(ics|csv|json|pdf|epub|zip|mp3|xml|png|jpe?g|svg|webp|css|js)(\?|$)|^/handbook-files/|^/dev/|/mailbox", RegexOptions.IgnoreCase);

    /// <summary>An address with its ids and numbers blanked and its query reduced to the names: one page of each kind.</summary>
    private static string Shape(string url)
    {
        var parts = url.Split('?', 2);
        var path = Regex.Replace(parts[0], "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "{id}");
        path = Regex.Replace(path, "/[0-9]+(?=/|$)", "/{n}");
        var names = parts.Length > 1 ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order()) : "";
        return path.ToLowerInvariant() + "?" + names;
    }

    private static List<Field> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<Field>();
        var radios = new HashSet<string>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == "__RequestVerificationToken")
            {
                continue;
            }
            var kind = element switch
            {
                IHtmlSelectElement => "select",
                IHtmlTextAreaElement => "textarea",
                IHtmlButtonElement => "button",
                _ => (element.GetAttribute("type") ?? "text").ToLowerInvariant(),
            };
            if (kind is "file" or "submit" or "image" or "reset" || (kind == "radio" && !radios.Add(name)))
            {
                continue;
            }
            var value = element switch
            {
                IHtmlSelectElement select => select.Options.FirstOrDefault(o => o.IsSelected && o.Value != "")?.Value
                                             ?? select.Options.FirstOrDefault(o => o.Value != "")?.Value ?? "",
                IHtmlTextAreaElement area => area.Value is { Length: > 0 } v ? v : "Fuzz",
                _ => element.GetAttribute("value") is { Length: > 0 } v ? v : kind switch
                {
                    "checkbox" or "radio" => "on",
                    "date" => DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd"),
                    "time" => "19:00",
                    "datetime-local" => DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd") + "T19:00",
                    "number" => "1",
                    "email" => "fuzz@test.example",
                    "password" => "fuzz password one",
                    "url" => "https://example.org",
                    _ => "Fuzz",
                },
            };
            fields.Add(new(name, kind, value));
        }
        return fields;
    }

    private static bool Visible(Field f) => f.Kind != "hidden";

    /// <summary>
    /// A value per field (null: the form's own value). The uniform ones go into every visible field; the
    /// typed ones only where they can get past the first checks (a far date in a date field, the rest of
    /// the form as it was), which is where the far dates, zones and enum values crashed.
    /// </summary>
    private static readonly (string Name, Func<Field, string?> Value)[] Variants =
    [
        ("NUL", f => Visible(f) ? "a\0b" : null),
        ("300,000 characters", f => Visible(f) ? new string('x', 300_000) : null),
        ("right-to-left override", f => Visible(f) ? "\u202Eevil\u202C" : null),
        ("noncharacters", f => Visible(f) ? "\uFFFE\uFFFF" : null),
        ("emoji and a lone mark", f => Visible(f) ? "\u0301😀🏳️‍🌈" : null),
        ("bad zone", f => Visible(f) ? "Mars/Olympus_Mons" : null),
        ("bad enum number", f => Visible(f) ? "999" : null),
        ("bad enum name", f => Visible(f) ? "NotAValue" : null),
        ("huge number", f => Visible(f) ? "99999999999999999999999999" : null),
        ("below int", f => Visible(f) ? "-2147483649" : null),
        ("empty", f => Visible(f) ? "" : null),
        ("year 9999", f => f.Kind switch
        {
            "date" => "9999-12-31", "datetime-local" => "9999-12-31T23:59", "month" => "9999-12", "time" => "23:59", "number" => "2147483647",
            _ when f.Name.Contains("date", StringComparison.OrdinalIgnoreCase) || f.Name.Contains("expires", StringComparison.OrdinalIgnoreCase) => "9999-12-31",
            _ => null,
        }),
        ("year 1", f => f.Kind switch
        {
            "date" => "0001-01-01", "datetime-local" => "0001-01-01T00:00", "month" => "0001-01", "time" => "00:00", "number" => "-2147483648",
            _ when f.Name.Contains("date", StringComparison.OrdinalIgnoreCase) || f.Name.Contains("expires", StringComparison.OrdinalIgnoreCase) => "0001-01-01",
            _ => null,
        }),
        ("zone field", f => f.Name.Contains("zone", StringComparison.OrdinalIgnoreCase) ? "Mars/Olympus_Mons" : null),
        ("select out of range", f => f.Kind is "select" or "radio" ? "999" : null),
        ("numbers at the edge", f => f.Kind == "number" || f.Name.Contains("amount", StringComparison.OrdinalIgnoreCase) || f.Name.Contains("price", StringComparison.OrdinalIgnoreCase)
            ? "9223372036854775807" : null),
        ("hidden ids garbled", f => f.Kind == "hidden" ? "99999999999999999999" : null),
        ("hidden ids reversed", f => f.Kind == "hidden" ? "\u202E" + f.Value : null),
    ];

    [Fact]
    public async Task EveryForm_HostileValuesInEveryField_NeverAnswers500()
    {
        Assert.True(crawled.Forms.Count >= 40, $"The crawl found only {crawled.Forms.Count} forms on {crawled.Pages.Count} pages:\n{string.Join('\n', crawled.Pages)}");
        var failures = new List<string>();
        var sent = 0;
        foreach (var form in crawled.Forms.OrderBy(f => Destructive.IsMatch(f.Action) ? 1 : 0))
        {
            foreach (var (name, value) in Variants)
            {
                var values = form.Fields.Select(f => (f.Name, Value: value(f) ?? f.Value)).ToList();
                if (name == "300,000 characters" && values.Count > 20)
                {
                    // A week of half-hour boxes at 300 kB each would be a 100 MB body (a 413, tested on its own); the first twenty show the point.
                    values = [.. values.Select((v, i) => i < 20 ? v : (v.Name, form.Fields[i].Value))];
                }
                values.Add(("__RequestVerificationToken", form.Token));
                var before = crawled.Log.Entries.Count;
                var response = await crawled.Http.PostAsync(form.Action, Body(form, values));
                sent++;
                if ((int)response.StatusCode >= 500)
                {
                    var errors = crawled.Log.Entries.Skip(before).Where(e => e.Level >= LogLevel.Error)
                        .Select(e => (e.Exception?.GetBaseException() ?? e.Exception) is { } x ? $"{x.GetType().Name}: {x.Message}" : e.Message);
                    failures.Add($"POST {form.Action} (from {form.Page}) with {name}: {(int)response.StatusCode} {string.Join(" | ", errors.Distinct())}");
                }
                if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/account/sign-in", StringComparison.Ordinal) == true)
                {
                    await crawled.SignInAsync(); // a form that ended the session: carry on signed in
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} submissions to {crawled.Forms.Count} forms failed:\n{string.Join('\n', failures)}");
    }

    private static HttpContent Body(Form form, List<(string Name, string Value)> values)
    {
        if (!form.Multipart)
        {
            return new FormUrlEncodedContent(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        }
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            multipart.Add(new StringContent(value, Encoding.UTF8), name);
        }
        return multipart;
    }

    private static readonly string[] QueryValues =
    [
        "%00", "a%00b", "%E2%80%AEevil", "%EF%BF%BE", "99991231T000000Z", "00010101T000000Z", "9999-12", "0001-01", "9999-12-31", "0001-01-01",
        "Mars%2FOlympus_Mons", "999", "-1", "99999999999999999999999999", new string('x', 2000), "%F0%9F%98%80%CC%81", "",
    ];

    [Fact]
    public async Task EveryQueryParameter_HostileValues_NeverAnswers500()
    {
        var urls = crawled.Pages.Where(p => p.Contains('?')).Concat(["/search?q=crew", "/search.json?q=crew", "/gatherings?view=month&month=2026-01"])
            .DistinctBy(Shape).ToList();
        Assert.True(urls.Count >= 5, $"Only {urls.Count} addresses with a query were found:\n{string.Join('\n', urls)}");
        var failures = new List<string>();
        foreach (var url in urls)
        {
            var (path, query) = (url.Split('?')[0], url.Split('?', 2)[1].Split('&'));
            for (var i = 0; i < query.Length; i++)
            {
                foreach (var value in QueryValues)
                {
                    var parameters = query.Select((p, j) => j == i ? p.Split('=')[0] + "=" + value : p);
                    var target = $"{path}?{string.Join('&', parameters)}";
                    var before = crawled.Log.Entries.Count;
                    var response = await crawled.Http.GetAsync(target);
                    if ((int)response.StatusCode >= 500)
                    {
                        var errors = crawled.Log.Entries.Skip(before).Where(e => e.Level >= LogLevel.Error)
                            .Select(e => e.Exception?.GetBaseException() is { } x ? $"{x.GetType().Name}: {x.Message}" : e.Message);
                        failures.Add($"GET {(target.Length > 200 ? target[..200] + "…" : target)}: {(int)response.StatusCode} {string.Join(" | ", errors.Distinct())}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} addresses failed:\n{string.Join('\n', failures)}");
    }
}
