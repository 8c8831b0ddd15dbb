using System.Net;
using Microsolidarity.Grouping;
using Microsolidarity.Hub.Features.Programs;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Programs;

/// <summary>One hub for the whole class: a facilitator and another member who must not see her programs.</summary>
public sealed class ProgramHub : IAsyncLifetime
{
    public HubFactory Hub { get; private set; } = null!;
    public FormClient Facilitator { get; private set; } = null!;
    public FormClient Other { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await HubFactory.StartAsync(smtp: false);
        await Hub.CreatePersonAsync("fran@test.example", "rooms for everyone", name: "Fran");
        await Hub.CreatePersonAsync("olga@test.example", "rooms for everyone", name: "Olga");
        Facilitator = await Hub.SignedInClientAsync("fran@test.example", "rooms for everyone");
        Other = await Hub.SignedInClientAsync("olga@test.example", "rooms for everyone");
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

public sealed class PracticeProgramTests(ProgramHub fixture) : IClassFixture<ProgramHub>
{
    private static readonly string[] Names = ["Ana", "Ben", "Cai", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jon", "Kit"];
    private readonly HubFactory hub = fixture.Hub;
    private readonly FormClient facilitator = fixture.Facilitator;
    private readonly FormClient other = fixture.Other;

    private static string Roster(int count) => string.Join("\n", Names.Take(count).Select(n => $"{n} Lima, {n.ToLowerInvariant()}@test.example"));

    private async Task<string> CreateAsync(string name, int people, string calls, string absences = "")
    {
        var (response, page) = await facilitator.SubmitAsync("/programs/new", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Participants"] = Roster(people),
            ["Input.Calls"] = calls,
            ["Input.Absences"] = absences,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task ZoomFile_AnEmailThatLooksLikeAFormula_IsWrittenAsText()
    {
        var (response, page) = await facilitator.SubmitAsync("/programs/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Formula roster",
            ["Input.Participants"] = Roster(3) + "\nEve, =2+5@evil.example",
            ["Input.Calls"] = "all",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        var csv = await facilitator.Http.GetStringAsync($"{response.Headers.Location!.OriginalString}/calls/1/zoom.csv");
        Assert.Contains(",\"'=2+5@evil.example\"\r\n", csv);
        Assert.DoesNotContain(",=2+5", csv);
    }

    [Fact]
    public async Task Program_Saved_GivesRoomsZoomFilesAndPersonalLinks_ToTheFacilitatorAlone()
    {
        var (_, empty) = await other.GetAsync("/programs");
        Assert.Contains("No program yet", empty.QuerySelector("main")!.TextContent);

        var program = await CreateAsync("Autumn practice", 11, "2, 2, 3, 3, 5, all", "3: Ben Lima, cai@test.example\n5: kit@test.example");
        var (shown, page) = await facilitator.GetAsync(program);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal(6, page.QuerySelectorAll("section.program-call").Length);
        Assert.Contains("Away: Ben Lima, Cai Lima", page.QuerySelector("#call-3")!.ParentElement!.TextContent);

        // Every participant in exactly one room per call they attend; the absent in none; rooms differ by at most one.
        var absent = new Dictionary<int, string[]> { [3] = ["ben@test.example", "cai@test.example"], [5] = ["kit@test.example"] };
        var sizes = new[] { 2, 2, 3, 3, 5, 0 };
        var meetings = new Dictionary<string, int>();
        for (var call = 1; call <= 6; call++)
        {
            var response = await facilitator.Http.GetAsync($"{program}/calls/{call}/zoom.csv");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("Pre-assign Room Name,Email Address", lines[0]);
            var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
            Assert.All(rows, r => Assert.Matches("^Room [0-9]+$", r[0]));
            var expected = Names.Select(n => $"{n.ToLowerInvariant()}@test.example").Except(absent.GetValueOrDefault(call, [])).Order().ToList();
            Assert.Equal(expected, rows.Select(r => r[1]).Order().ToList());
            var rooms = rows.GroupBy(r => r[0]).Select(g => g.Count()).ToList();
            Assert.True(rooms.Max() - rooms.Min() <= 1, $"call {call}: rooms of {string.Join(",", rooms)}");
            Assert.Equal(GroupSizes.Split(expected.Count, sizes[call - 1] == 0 ? expected.Count : sizes[call - 1]).Length, rooms.Count);
            foreach (var room in rows.GroupBy(r => r[0]).Where(_ => rooms.Count > 1).Select(g => g.Select(r => r[1]).Order().ToList()))
            {
                foreach (var pair in room.SelectMany((a, i) => room.Skip(i + 1).Select(b => $"{a}+{b}")))
                {
                    meetings[pair] = meetings.GetValueOrDefault(pair) + 1;
                }
            }
        }
        // The page's count of repeats is the one the Zoom files give (the full circle, one room, is together on purpose).
        var repeats = meetings.Values.Sum(n => n - 1);
        Assert.Contains(repeats == 0 ? "No pair meets twice" : $"{repeats} repeated pair", page.QuerySelector("#repeats")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await facilitator.Http.GetAsync($"{program}/calls/7/zoom.csv")).StatusCode);

        var (printed, print) = await facilitator.GetAsync($"{program}/print");
        Assert.Equal(HttpStatusCode.OK, printed.StatusCode);
        Assert.Equal(6, print.QuerySelectorAll("section.print-call").Length);

        // Ben's link opens his rooms without signing in; Ben is away from call 3.
        var benRow = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("ben@test.example"));
        var link = new Uri(benRow.QuerySelector("a.secret-link")!.GetAttribute("href")!, UriKind.Relative).OriginalString;
        var visitor = hub.NewClient();
        var (opened, rooms3) = await visitor.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.True(opened.Headers.CacheControl is { NoStore: true, NoCache: true }, $"{opened.Headers.CacheControl}");
        var calls = rooms3.QuerySelectorAll("ol.your-rooms > li").Select(li => li.TextContent).ToList();
        Assert.Equal(6, calls.Count);
        Assert.Contains("away from this call", calls[2]);
        Assert.Matches("Room [0-9]+, with [A-Z]", calls[0]);
        Assert.Contains("everyone together", calls[5]);
        Assert.DoesNotContain("@test.example", rooms3.QuerySelector("main")!.TextContent); // names only, never others' emails

        // Only the secret opens it; only the facilitator sees, edits, prints or downloads the program.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync(link[..^1] + (link[^1] == 'A' ? 'B' : 'A'))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync("/programs/rooms/not-a-secret")).StatusCode);
        foreach (var path in new[] { program, $"{program}/edit", $"{program}/print", $"{program}/calls/1/zoom.csv" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await visitor.Http.GetAsync(path)).StatusCode);
        }
        var (_, othersList) = await other.GetAsync("/programs");
        Assert.DoesNotContain("Autumn practice", othersList.QuerySelector("main")!.TextContent);
        var (refused, _) = await other.PostAsync($"{program}/edit", new Dictionary<string, string> { ["Input.Name"] = "Taken" });
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);

        // Editing keeps a staying person's link and makes the rooms again; a removed person's link stops working.
        var (edited, _) = await facilitator.SubmitAsync($"{program}/edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "Autumn practice",
            ["Input.Participants"] = Roster(4),
            ["Input.Calls"] = "2, 2, 2, 2",
            ["Input.Absences"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var (_, again) = await visitor.GetAsync(link);
        Assert.Equal(4, again.QuerySelectorAll("ol.your-rooms > li").Length);
        var kitLink = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("kit@test.example")).QuerySelector("a.secret-link")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync(kitLink)).StatusCode);
        // Four people have only three pairings without a repeat: the fourth call of pairs must repeat, and the page says so.
        var (_, small) = await facilitator.GetAsync(program);
        Assert.Contains("2 repeated pairs", small.QuerySelector("#repeats")!.TextContent);

        // The program and its list are in the facilitator's data download, and in nobody else's.
        Assert.Contains("Autumn practice", await facilitator.Http.GetStringAsync("/account/download-data"));
        Assert.DoesNotContain("Autumn practice", await other.Http.GetStringAsync("/account/download-data"));

        // Deleting asks for confirmation first, then the links stop working.
        var (unconfirmed, unconfirmedPage) = await facilitator.SubmitAsync(program, new Dictionary<string, string>(), handler: "Delete");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick the box", unconfirmedPage.QuerySelector("#confirm-error")!.TextContent);
        var (deleted, _) = await facilitator.SubmitAsync(program, new Dictionary<string, string> { ["Confirm"] = "true" }, handler: "Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await facilitator.Http.GetAsync(program)).StatusCode);
    }

    [Theory]
    [InlineData("Ana, ana@test.example", "2,3", "", "#participants-error", "at least 2 participants")]
    [InlineData("Ana, ana@test.example\nAnnie, ANA@test.example", "2", "", "#participants-error", "listed twice")]
    [InlineData("Ana\nBen, ben@test.example", "2", "", "#participants-error", "has no email address")]
    [InlineData("Ana, ana@test.example\nBen, ben@test.example\nCai, cai@test.example", "2, 4", "", "#calls-error", "Call 2 asks for groups of 4, but only 3 people")]
    [InlineData("Ana, ana@test.example\nBen, ben@test.example\nCai, cai@test.example", "2, 3", "2: Ana", "#calls-error", "Call 2 asks for groups of 3, but only 2 people")]
    [InlineData("Ana, ana@test.example\nBen, ben@test.example\nCai, cai@test.example", "2, one", "", "#calls-error", "\"one\" is not a group size")]
    [InlineData("Ana, ana@test.example\nBen, ben@test.example\nCai, cai@test.example", "2, 2", "1: Zed", "#absences-error", "\"Zed\", who is not in the program")]
    [InlineData("Ana, ana@test.example\nBen, ben@test.example\nCai, cai@test.example", "2, 2", "4: Ana", "#absences-error", "calls 1 to 2")]
    public async Task Program_Invalid_SaysWhatIsWrongBesideTheField(string participants, string calls, string absences, string field, string message)
    {
        var (response, page) = await facilitator.SubmitAsync("/programs/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Checked",
            ["Input.Participants"] = participants,
            ["Input.Calls"] = calls,
            ["Input.Absences"] = absences,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector(field)!.TextContent);
        Assert.Equal("true", page.QuerySelector(field.Replace("-error", ""))!.GetAttribute("aria-invalid"));
    }

}

/// <summary>Property check without a web host: whatever the plan, the rooms respect it.</summary>
public sealed class ProgramRoomsPropertyTests
{
    [Fact]
    public void Plans_Random_PublishedRoomsPlaceEveryonePresentOnceAndNoAbsentee()
    {
        var random = new Random(6);
        for (var trial = 0; trial < 40; trial++)
        {
            var people = random.Next(2, 16);
            var roster = string.Join("\n", Enumerable.Range(0, people).Select(p => $"P{p}, p{p}@test.example"));
            var calls = random.Next(1, 7);
            var absences = new List<(int Call, int Person)>();
            var sizes = new List<string>();
            for (var c = 0; c < calls; c++)
            {
                var away = Enumerable.Range(0, people).Where(_ => random.Next(5) == 0).Take(Math.Max(0, people - 2)).ToList();
                absences.AddRange(away.Select(p => (c, p)));
                var present = people - away.Count;
                sizes.Add(random.Next(4) == 0 ? "all" : random.Next(2, present + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            var absenceText = string.Join("\n", absences.GroupBy(a => a.Call).Select(g => $"{g.Key + 1}: {string.Join(", ", g.Select(a => $"P{a.Person}"))}"));
            var (plan, errors) = ProgramPlan.Read(roster, string.Join(",", sizes), absenceText);
            Assert.True(plan is not null, $"trial {trial}: {string.Join("; ", errors.Values)}");
            var schedule = SaveProgram.Compute(plan, new SearchOptions { Seed = trial, MaxIterations = 2_000 }, CancellationToken.None);
            Assert.Equal(calls, schedule.Rounds.Length);
            for (var c = 0; c < calls; c++)
            {
                var placed = schedule.Rounds[c].SelectMany(room => room).ToList();
                var expected = Enumerable.Range(0, people).Where(p => !absences.Contains((c, p))).ToList();
                Assert.Equal(expected, placed.Order().ToList());
                Assert.All(schedule.Rounds[c], room => Assert.True(room.Length >= 1));
            }
        }
    }
}
