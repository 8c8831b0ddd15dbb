using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Decisions;

/// <summary>
/// The advice process, the time poll and a working group's decisions, through their pages, on the database under
/// test: each kind's journey, who is told, who may do what, the log and the exports, and poll answers sent at once.
/// </summary>
public sealed class DecisionKindTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>
{
    private const string Password = "keeper of the fire";
    private HubFactory Hub => shared.Hub;

    /// <summary>A congregation the first person hosts and the others join; returns its path, the people and their ids.</summary>
    private async Task<(string Congregation, Dictionary<string, FormClient> People, Dictionary<string, string> Ids)> CircleAsync(params string[] names)
    {
        var people = new Dictionary<string, FormClient>();
        var ids = new Dictionary<string, string>();
        foreach (var name in names)
        {
            var email = Unique.Email(name);
            ids[name] = (await Hub.CreatePersonAsync(email, Password, name: Unique.Name(char.ToUpperInvariant(name[0]) + name[1..]))).Id;
            people[name] = await Hub.SignedInClientAsync(email, Password);
        }
        var congregation = await CreateAsync(people[names[0]], Unique.Name("Kinds Circle"));
        foreach (var member in names.Skip(1).Where(n => n != "out"))
        {
            await people[member].SubmitAsync(congregation, new Dictionary<string, string>(), handler: "Join");
        }
        return (congregation, people, ids);
    }

    private static Dictionary<string, string> Proposal(string kind, string question, string visibility = "Names") => new()
    {
        ["Input.Kind"] = kind,
        ["Input.Question"] = question,
        ["Input.Proposal"] = "A shelf of **shared tools**.",
        ["Input.Background"] = "",
        ["Input.Closes"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm"),
        ["Input.Quorum"] = "",
        ["Input.Visibility"] = visibility,
    };

    private async Task<string> ProposeAsync(FormClient who, string decisions, Dictionary<string, string> form)
    {
        var (posted, page) = await who.SubmitAsync(decisions + "/new", form, handler: "Propose");
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        return posted.Headers.Location!.OriginalString;
    }

    private async Task<T> DbAsync<T>(Func<HubDbContext, Task<T>> read)
    {
        using var scope = Hub.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    private static Guid IdOf(string path) => Guid.Parse(path.Split('/')[^1]);

    [Fact]
    public async Task AdviceProcess_NamedAdvisersAreAsked_OthersMayAdd_TheProposerAloneDecides_AndTheLogAndExportsShowIt()
    {
        var (congregation, people, ids) = await CircleAsync("pia", "ash", "bea", "dee");
        var decisions = congregation + "/decisions";
        var form = Proposal("Advice", "Shall I set up a tool shelf?");
        var (_, none) = await people["pia"].SubmitAsync(decisions + "/new", form, handler: "Propose");
        Assert.Contains("Name at least one person", none.QuerySelector("#advisers-error")!.TextContent);
        Assert.Equal("Shall I set up a tool shelf?", none.QuerySelector("#question")!.GetAttribute("value"));
        form["Input.Advisers[0]"] = ids["ash"];
        var path = await ProposeAsync(people["pia"], decisions, form);
        var id = IdOf(path);

        // The adviser is asked by name; the others hear that advice is being heard; the proposer is told nothing.
        var notices = await DbAsync(db => db.Notifications.Where(n => n.Url == path).Select(n => new { n.UserId, n.Kind }).ToListAsync());
        Assert.Equal("congregation.decision-advice", Assert.Single(notices, n => n.UserId == ids["ash"]).Kind);
        Assert.Equal(new[] { ids["bea"], ids["dee"] }.Order(), notices.Where(n => n.Kind == "congregation.decision-open").Select(n => n.UserId).Order());
        Assert.DoesNotContain(notices, n => n.UserId == ids["pia"]);

        var (_, proposerPage) = await people["pia"].GetAsync(path);
        Assert.Contains("You decide this", proposerPage.QuerySelector("#who-decides")!.TextContent);
        Assert.Null(proposerPage.QuerySelector("form[action*=Answer]")); // the proposer listens
        var (_, beaPage) = await people["bea"].GetAsync(path);
        Assert.Contains("decides this, after hearing advice", beaPage.QuerySelector("#who-decides")!.TextContent);
        Assert.Null(beaPage.QuerySelector("form[action*=Outcome]"));

        var (_, empty) = await people["ash"].SubmitAsync(path, new Dictionary<string, string> { ["Choice"] = "Support", ["Reason"] = " " }, handler: "Answer");
        Assert.Contains("Write your advice", empty.QuerySelector("#reason-error")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await people["ash"].SubmitAsync(path,
            new Dictionary<string, string> { ["Choice"] = "Support", ["Reason"] = "Ask the library first." }, handler: "Answer")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await people["bea"].SubmitAsync(path,
            new Dictionary<string, string> { ["Reason"] = "Say what happens when a tool breaks." }, handler: "Answer")).Response.StatusCode);
        Assert.NotNull(await DbAsync(db => db.Notifications.Where(n => n.UserId == ids["ash"] && n.Url == path).Select(n => n.DoneAt).SingleAsync()));
        var (_, advice) = await people["dee"].GetAsync(path);
        Assert.Contains("Ask the library first.", advice.QuerySelector("#advice")!.TextContent);
        Assert.Contains("I support it", advice.QuerySelector("#advice")!.TextContent);
        Assert.Contains("asked", advice.QuerySelector("#advice")!.TextContent);

        // In the light of the advice the proposer changes the proposal; the advice given stays, marked as given before.
        Assert.Equal(HttpStatusCode.Redirect, (await people["pia"].SubmitAsync(path, new Dictionary<string, string>
        {
            ["Proposal"] = "A tool shelf by the library door, with a notebook for what is lent and what broke.",
            ["Note"] = "The library agreed; a notebook for breakages.",
        }, handler: "Amend")).Response.StatusCode);
        var (_, amended) = await people["dee"].GetAsync(path);
        Assert.Contains("with a notebook", amended.QuerySelector("main")!.TextContent);
        Assert.Equal(2, amended.QuerySelectorAll("#advice .badge").Count(b => b.TextContent == "before the change"));

        // Only the proposer decides, before closing too; a member's attempt is refused.
        var outcome = new Dictionary<string, string> { ["Result"] = "Adopted", ["ResultNote"] = "I set it up, and ask the library first.", ["Confirmed"] = "true" };
        var beaTry = await people["bea"].Http.PostAsync(path + "?handler=Outcome", new FormUrlEncodedContent(new Dictionary<string, string>(outcome)
        {
            ["__RequestVerificationToken"] = beaPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.OK, beaTry.StatusCode);
        Assert.Contains("Only the person who asked for advice decides", await beaTry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await people["pia"].SubmitAsync(path, outcome, handler: "Outcome")).Response.StatusCode);
        var decided = await DbAsync(db => db.Decisions.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(DecisionResult.Adopted, decided.Result);
        Assert.Equal(ids["pia"], decided.ResultByUserId);

        var (_, log) = await people["dee"].GetAsync(decisions + "?q=tool");
        var entry = log.QuerySelector(".decision-log")!.TextContent;
        Assert.Contains("Advice process", entry);
        Assert.Contains("Decided", entry);
        var csv = await people["dee"].Http.GetStringAsync(decisions + ".csv");
        Assert.Contains("Advice process", csv);
        Assert.Contains("Ask the library first.", csv);
        Assert.Contains("Say what happens when a tool breaks.", csv);
        using var json = JsonDocument.Parse(await people["dee"].Http.GetStringAsync(decisions + ".json"));
        var item = json.RootElement.EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == id);
        Assert.Contains(item.GetProperty("adviceAskedOf").EnumerateArray(), n => n.GetString()!.StartsWith("Ash", StringComparison.Ordinal));
        Assert.Equal(2, item.GetProperty("answers").GetArrayLength());
    }

    [Fact]
    public async Task TimePoll_TimesInEachReadersZone_GridOfWhoAnsweredWhat_BestMarked_TheProposerChooses_AndExported()
    {
        var (congregation, people, ids) = await CircleAsync("pia", "ash", "bea");
        // Pia writes in Lisbon's time; Ash reads in New York's.
        await DbAsync(db =>
        {
            db.Profiles.Add(new Microsolidarity.Hub.Data.People.Profile { UserId = ids["pia"], TimeZone = "Europe/Lisbon" });
            db.Profiles.Add(new Microsolidarity.Hub.Data.People.Profile { UserId = ids["ash"], TimeZone = "America/New_York" });
            return db.SaveChangesAsync();
        });
        var decisions = congregation + "/decisions";
        var day = DateTime.UtcNow.Date.AddDays(20);
        var form = Proposal("TimePoll", "When shall we meet?");
        form["Input.Options[0]"] = day.AddHours(19).ToString("yyyy-MM-ddTHH:mm");
        var (_, one) = await people["pia"].SubmitAsync(decisions + "/new", form, handler: "Propose");
        Assert.Contains("at least 2", one.QuerySelector("#options-error")!.TextContent);
        form["Input.Options[1]"] = day.AddDays(1).AddHours(19).ToString("yyyy-MM-ddTHH:mm");
        form["Input.Options[2]"] = day.AddDays(2).AddHours(10).ToString("yyyy-MM-ddTHH:mm");
        var path = await ProposeAsync(people["pia"], decisions, form);
        var id = IdOf(path);
        var options = await DbAsync(db => db.DecisionOptions.Where(o => o.DecisionId == id).OrderBy(o => o.Position).ToListAsync());
        Assert.Equal(3, options.Count);
        var lisbon = NodaTime.DateTimeZoneProviders.Tzdb["Europe/Lisbon"];
        Assert.Equal(Microsolidarity.Hub.Platform.Web.TimeZones.ToUtc(NodaTime.LocalDateTime.FromDateTime(day.AddHours(19)), lisbon), options[0].StartsAt);
        var newYork = Microsolidarity.Hub.Platform.Web.TimeZones.ToLocal(options[0].StartsAt, NodaTime.DateTimeZoneProviders.Tzdb["America/New_York"]);
        var (_, ashPage) = await people["ash"].GetAsync(path);
        Assert.Contains(newYork.ToString("HH:mm", null), ashPage.QuerySelector("#poll-grid tbody tr")!.TextContent);
        Assert.Equal(new[] { ids["ash"], ids["bea"] }.Order(),
            (await DbAsync(db => db.Notifications.Where(n => n.Url == path).Select(n => n.UserId).ToListAsync())).Order());

        var (_, nothing) = await people["ash"].SubmitAsync(path, new Dictionary<string, string>(), handler: "Poll");
        Assert.Contains("at least one of the times", nothing.QuerySelector("#availability-error")!.TextContent);
        Dictionary<string, string> Said(params string[] answers) => answers.Select((a, i) => (a, i)).Where(x => x.a != "")
            .ToDictionary(x => $"Availability[{options[x.i].Id}]", x => x.a);
        Assert.Equal(HttpStatusCode.Redirect, (await people["ash"].SubmitAsync(path, Said("IfNeedBe", "Yes", "No"), handler: "Poll")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await people["bea"].SubmitAsync(path, Said("Yes", "No", ""), handler: "Poll")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await people["pia"].SubmitAsync(path, Said("Yes", "Yes", "No"), handler: "Poll")).Response.StatusCode);

        // The first two times have two yes each; the first also has an if-need-be, so it is the one marked.
        var (_, grid) = await people["bea"].GetAsync(path);
        var rows = grid.QuerySelectorAll("#poll-grid tbody tr");
        Assert.Contains("poll-best", rows[0].ClassName);
        Assert.Equal(["2", "1", "0"], rows[0].QuerySelectorAll("td.poll-count").Select(c => c.TextContent).ToArray());
        Assert.Equal(3, grid.QuerySelectorAll("#poll-grid thead th.poll-person").Length);
        Assert.Contains("If need be", rows[0].TextContent); // Ash's answer, named
        var (_, mine) = await people["ash"].GetAsync(path);
        Assert.NotNull(mine.QuerySelector($"input[name='Availability[{options[1].Id}]'][value=Yes][checked]"));

        // Only the proposer chooses before closing; choosing needs a time.
        var (_, noTime) = await people["pia"].SubmitAsync(path, new Dictionary<string, string> { ["Result"] = "Adopted", ["Confirmed"] = "true" }, handler: "Outcome");
        Assert.Contains("Choose one of the times", noTime.QuerySelector("#chosen-error")!.TextContent);
        Assert.Null((await people["ash"].GetAsync(path)).Page.QuerySelector("form[action*=Outcome]"));
        Assert.Equal(HttpStatusCode.Redirect, (await people["pia"].SubmitAsync(path,
            new Dictionary<string, string> { ["Result"] = "Adopted", ["Chosen"] = options[1].Id.ToString(), ["Confirmed"] = "true" }, handler: "Outcome")).Response.StatusCode);
        Assert.Equal(options[1].Id, await DbAsync(db => db.Decisions.Where(d => d.Id == id).Select(d => d.ChosenOptionId).SingleAsync()));
        var (_, closed) = await people["ash"].GetAsync(path);
        Assert.Contains("chosen", closed.QuerySelectorAll("#poll-grid tbody tr")[1].TextContent);
        Assert.Contains("Time chosen", closed.QuerySelector("#outcome")!.TextContent);
        Assert.Null(closed.QuerySelector("form[action*=Poll]"));
        var (_, log) = await people["ash"].GetAsync(decisions);
        Assert.Contains("Time poll", log.QuerySelector(".decision-log")!.TextContent);
        Assert.Contains("Time chosen", log.QuerySelector(".decision-log")!.TextContent);

        var csv = await people["bea"].Http.GetStringAsync(decisions + ".csv");
        Assert.Contains("Time poll", csv);
        Assert.Contains("If need be", csv);
        using var json = JsonDocument.Parse(await people["bea"].Http.GetStringAsync(decisions + ".json"));
        var item = json.RootElement.EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == id);
        Assert.Equal(8, item.GetProperty("answers").GetArrayLength()); // 3 + 2 + 3 answers, one per person and time
        var times = item.GetProperty("times").EnumerateArray().ToList();
        Assert.Equal([2, 2, 0], times.Select(t => t.GetProperty("yes").GetInt32()));
        Assert.True(times[1].GetProperty("chosen").GetBoolean());
    }

    [Fact]
    public async Task TimePoll_CountsOnly_ShowsNoNames_AndAnswersAtTheSameMoment_AreAllKept_ADoubleSubmitCountsOnce()
    {
        var (congregation, people, ids) = await CircleAsync("pia", "ash", "bea");
        var form = Proposal("TimePoll", "When shall we walk?", visibility: "Counts");
        form["Input.Options[0]"] = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-ddTHH:mm");
        form["Input.Options[1]"] = DateTime.UtcNow.AddDays(6).ToString("yyyy-MM-ddTHH:mm");
        var path = await ProposeAsync(people["pia"], congregation + "/decisions", form);
        var id = IdOf(path);
        var options = await DbAsync(db => db.DecisionOptions.Where(o => o.DecisionId == id).OrderBy(o => o.Position).Select(o => o.Id).ToListAsync());
        for (var round = 0; round < 3; round++)
        {
            async Task<Func<Task<HttpResponseMessage>>> Prepared(string who, string first, string second)
            {
                var (_, page) = await people[who].GetAsync(path);
                var token = page.QuerySelector("form[action*=Poll] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
                var values = new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    [$"Availability[{options[0]}]"] = first,
                    [$"Availability[{options[1]}]"] = second,
                };
                return () => people[who].Http.PostAsync(path + "?handler=Poll", new FormUrlEncodedContent(values));
            }
            var posts = new[]
            {
                await Prepared("ash", "Yes", "No"),
                await Prepared("bea", "IfNeedBe", "Yes"),
                await Prepared("bea", "Yes", "Yes"),
                await Prepared("bea", "Yes", "Yes"),
            };
            var responses = await Task.WhenAll(posts.Select(p => Task.Run(p)));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            var rows = await DbAsync(db => db.DecisionPollAnswers.AsNoTracking().Where(a => a.DecisionId == id).ToListAsync());
            Assert.Equal(4, rows.Count); // two people, two times each: Bea's three sends left one answer per time
            Assert.Equal(2, rows.Count(a => a.UserId == ids["ash"]));
            Assert.Equal(2, rows.Count(a => a.UserId == ids["bea"]));
            Assert.Equal(PollAvailability.Yes, rows.Single(a => a.UserId == ids["bea"] && a.OptionId == options[1]).Availability);

            var (_, page) = await people["pia"].GetAsync(path);
            var counts = page.QuerySelectorAll("#poll-grid tbody tr")[0].QuerySelectorAll("td.poll-count").Select(c => int.Parse(c.TextContent)).ToArray();
            Assert.Equal(2, counts.Sum());
            Assert.Empty(page.QuerySelectorAll("#poll-grid .poll-person"));
            Assert.DoesNotContain("Ash", page.QuerySelector("#poll-grid")!.TextContent);
        }
    }

    [Fact]
    public async Task WorkingGroupDecisions_ItsMembersDecide_TheCongregationReads_EveryoneElseGetsNothing()
    {
        var (congregation, people, ids) = await CircleAsync("pia", "ash", "bea", "out");
        var slug = SlugOf(congregation);
        var group = Guid.NewGuid();
        await DbAsync(async db =>
        {
            var congregationId = await db.Congregations.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
            var wg = new WorkingGroup
            {
                Id = group,
                CongregationId = congregationId,
                Name = "Venue team",
                Purpose = "Find a venue.",
                EndsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(2)),
                StartedByUserId = ids["ash"],
                CreatedAt = DateTime.UtcNow,
            };
            wg.Members.Add(new WorkingGroupMember { WorkingGroupId = group, UserId = ids["ash"], JoinedAt = DateTime.UtcNow });
            wg.Members.Add(new WorkingGroupMember { WorkingGroupId = group, UserId = ids["bea"], JoinedAt = DateTime.UtcNow });
            db.WorkingGroups.Add(wg);
            return await db.SaveChangesAsync();
        });
        var decisions = $"{congregation}/working-groups/{group}/decisions";
        var form = Proposal("Consent", "Shall we book the boathouse?");
        var path = await ProposeAsync(people["ash"], decisions, form);
        Assert.StartsWith(decisions + "/", path);
        // Only the group hears of it, and only the group answers.
        Assert.Equal(ids["bea"], await DbAsync(db => db.Notifications.Where(n => n.Url == path).Select(n => n.UserId).SingleAsync()));
        var (_, beaPage) = await people["bea"].GetAsync(path);
        Assert.True(beaPage.QuerySelector("form[action*=Answer]") is not null, beaPage.QuerySelector("main")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await people["bea"].SubmitAsync(path, new Dictionary<string, string> { ["Choice"] = "Agree" }, handler: "Answer")).Response.StatusCode);
        var (_, piaPage) = await people["pia"].GetAsync(path);
        Assert.Null(piaPage.QuerySelector("form[action*=Answer]"));
        Assert.Contains("Bea", piaPage.QuerySelector("#answers")!.TextContent); // the congregation reads along

        // Not in the congregation's own list; in the group's.
        Assert.DoesNotContain("boathouse", (await people["pia"].GetAsync(congregation + "/decisions")).Page.QuerySelector("main")!.TextContent);
        Assert.Contains("boathouse", (await people["pia"].GetAsync(decisions)).Page.QuerySelector("main")!.TextContent);
        foreach (var (url, piaStatus) in new[] { (decisions, 200), (path, 200), (decisions + ".csv", 200), (decisions + "/new", 403) })
        {
            Assert.Equal(HttpStatusCode.OK, (await people["bea"].GetAsync(url)).Response.StatusCode);
            Assert.True((int)(await people["pia"].GetAsync(url)).Response.StatusCode == piaStatus, $"pia GET {url}");
            Assert.True((await people["out"].GetAsync(url)).Response.StatusCode == HttpStatusCode.Forbidden, $"out GET {url}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await people["pia"].GetAsync($"{congregation}/working-groups/{Guid.NewGuid()}/decisions")).Response.StatusCode);
        var (posted, _) = await people["pia"].SubmitAsync(congregation + "/decisions/new", form, handler: "Propose");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode); // the host still proposes to the congregation itself
        var search = (await people["pia"].GetAsync("/search?q=boathouse")).Page;
        Assert.Contains(search.QuerySelectorAll("a"), a => a.GetAttribute("href") == path);
        Assert.DoesNotContain((await people["out"].GetAsync("/search?q=boathouse")).Page.QuerySelectorAll("a"), a => a.GetAttribute("href") == path);
    }
}
