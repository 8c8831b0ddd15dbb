using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

/// <summary>Creating events through the pages, as hosts would, and reading feeds with Mozilla's ical.js.</summary>
internal static class GatheringTestKit
{
    public static Dictionary<string, string> Form(string owner, string title, DateOnly date, Action<Dictionary<string, string>>? change = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Owner"] = owner,
            ["Input.Title"] = title,
            ["Input.Description"] = "Check-in, breakouts, check-out.",
            ["Input.Kind"] = "Gathering",
            ["Input.Visibility"] = "Public",
            ["Input.Address"] = "Calle de la Luna 3, Madrid",
            ["Input.StartDate"] = date.ToString("yyyy-MM-dd"),
            ["Input.StartTime"] = "19:30",
            ["Input.EndTime"] = "21:00",
            ["Input.TimeZone"] = "Europe/Berlin",
            ["Input.Repeat"] = "",
            ["Input.AttendeeList"] = "Attendees",
        };
        change?.Invoke(form);
        return form;
    }

    public static async Task<string> CreateAsync(FormClient host, Dictionary<string, string> form)
    {
        var (response, page) = await host.SubmitAsync("/gatherings/new", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        return response.Headers.Location!.OriginalString;
    }

    public static async Task<Guid> CongregationIdAsync(HubFactory hub, string name)
    {
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>();
        return await db.Congregations.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    public static Guid IdOf(string path) => Guid.Parse(path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1].Split('?')[0]);

    /// <summary>Every gathering page in its states, for the Nu HTML checker (HtmlValidityTests).</summary>
    public static async Task<Dictionary<string, string>> PagesForValidityAsync(HubFactory hub, FormClient admin, FormClient member, FormClient visitor)
    {
        var pages = new Dictionary<string, string>();
        async Task<string> Html(FormClient c, string url) => await (await c.Http.GetAsync(url)).Content.ReadAsStringAsync();
        pages["gatherings empty"] = await Html(admin, "/gatherings");
        await admin.SubmitAsync("/gatherings/new", Form("network", "", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(9)), f => f["Input.TimeZone"] = "Nowhere/Else"));
        pages["new event with errors"] = admin.LastHtml;
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(9));
        var single = await CreateAsync(admin, Form("network", "Valid intensive", date, f => (f["Input.Capacity"], f["Input.Questions"]) = ("1", "What brings you?")));
        var series = await CreateAsync(admin, Form("network", "Valid call", date, f => (f["Input.Repeat"], f["Input.IsOnline"], f["Input.Address"], f["Input.CallLink"]) = ("monthly-weekday", "true", "", "https://call.example/x")));
        await admin.SubmitAsync($"{single}/tickets", new Dictionary<string, string> { ["TierName"] = "Solidarity", ["TierPrice"] = "40" }, "Tier");
        await admin.SubmitAsync($"{single}/tickets", new Dictionary<string, string> { ["TierName"] = "", ["TierPrice"] = "x" }, "Tier");
        pages["gatherings tickets with errors"] = admin.LastHtml;
        await member.SubmitAsync(single, new Dictionary<string, string> { ["Reply"] = "Going", ["Answers"] = "Curiosity." }, "Answer");
        var (_, memberPage) = await member.GetAsync(single);
        var tier = memberPage.QuerySelector("#tier option")!.GetAttribute("value")!;
        await member.SubmitAsync(single, new Dictionary<string, string> { ["TierId"] = tier, ["Scholarship"] = "Between jobs." }, "Ticket");
        pages["gatherings tickets host"] = await Html(admin, $"{single}/tickets");
        await admin.SubmitAsync(single, new Dictionary<string, string> { ["Reply"] = "Going", ["Answers"] = "Hosting." }, "Answer");
        foreach (var (name, path) in new[] { ("event", single), ("series", series), ("answers", $"{single}/answers"), ("edit", $"{single}/edit"), ("list", "/gatherings"), ("month", "/gatherings?view=month"), ("calendar", "/gatherings/calendar"), ("new", "/gatherings/new") })
        {
            pages[$"gatherings admin {name}"] = await Html(admin, path);
        }
        pages["gatherings member going"] = await Html(member, single);
        pages["gatherings member series"] = await Html(member, series);
        var limited = await CreateAsync(admin, Form("network", "Valid limited series", date, f => (f["Input.Repeat"], f["Input.Capacity"]) = ("weekly", "1")));
        foreach (var person in new[] { admin, member })
        {
            var (_, limitedPage) = await person.GetAsync(limited);
            var token = limitedPage.QuerySelector("form.series-answer input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            await person.PostAsync($"{limited}?series=true&handler=Answer", new Dictionary<string, string> { ["Reply"] = "Going", ["__RequestVerificationToken"] = token });
        }
        pages["gatherings member limited series, every date answered"] = await Html(member, limited);
        pages["gatherings visitor event"] = await Html(visitor, single);
        pages["gatherings member new (empty)"] = await Html(member, "/gatherings/new");
        await member.SubmitAsync(single, new Dictionary<string, string> { ["Reply"] = "Going" }, "Answer");
        pages["gatherings answer with errors"] = member.LastHtml;
        await admin.SubmitAsync(series, new Dictionary<string, string> { ["Change"] = "CancelThis" }, "Change");
        pages["gatherings cancel unconfirmed"] = admin.LastHtml;
        return pages;
    }

    public sealed record IcalOccurrence(string Start, string End);
    public sealed record IcalEvent(string Uid, string Summary, string Zone, IReadOnlyList<IcalOccurrence> Occurrences);

    private static readonly JsonSerializerOptions IcalJson = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Every event in the calendar with its occurrences up to <paramref name="until"/>, as ical.js expands them.</summary>

    public static async Task<IReadOnlyList<IcalEvent>> ExpandWithIcalJsAsync(string ics, DateTime until)
    {
        var script = Path.Combine(TestPaths.ToolsDirectory, "ical-expand.mjs");
        if (!Directory.Exists(Path.Combine(TestPaths.ToolsDirectory, "node_modules", "ical.js")))
        {
            throw new InvalidOperationException("ical.js is not installed. Run ./test.sh, or: npm ci --prefix tests/tools");
        }
        var folder = TestPaths.NewTemporaryDirectory("hub-ics");
        var file = Path.Combine(folder, "feed.ics");
        await File.WriteAllTextAsync(file, ics);
        var start = new ProcessStartInfo("node", [script, file, until.ToString("yyyy-MM-ddTHH:mm:ssZ")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Directory.Delete(folder, recursive: true);
        Assert.True(process.ExitCode == 0, $"ical.js could not read the calendar: {await stderr}\n{ics}");
        return JsonSerializer.Deserialize<List<IcalEvent>>(await stdout, IcalJson)!;
    }
}
