using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Features.Decisions;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Decisions;

/// <summary>
/// Consent decisions through their pages, on the database under test: proposing, answering (a block with its
/// reason), amending while answers come in, writing the outcome, the log and its search, exports, and a crew's
/// decisions kept to the crew.
/// </summary>
/// <remarks>
/// One hub for the class: each test makes its own people and congregation and reads notices and decisions
/// through them (<see cref="Ours"/>), so the tests do not see each other's.
/// </remarks>
public sealed class DecisionTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>, IAsyncLifetime
{
    private const string Password = "keeper of the fire";
    private readonly HubFactory hub = shared.Hub;
    private readonly Dictionary<string, FormClient> people = [];
    private readonly Dictionary<string, string> ids = [];

    /// <summary>The ids of this test's people.</summary>
    private List<string> Ours => [.. ids.Values];

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { "pia", "ash", "bea", "dee", "eli", "out" })
        {
            var email = Unique.Email(name);
            ids[name] = (await hub.CreatePersonAsync(email, Password, name: char.ToUpperInvariant(name[0]) + name[1..] + " Riverbank")).Id;
            people[name] = await hub.SignedInClientAsync(email, Password);
        }
        var admin = Unique.Email("admin");
        ids["admin"] = (await hub.CreatePersonAsync(admin, Password, admin: true, name: "Admin Person")).Id;
        people["admin"] = await hub.SignedInClientAsync(admin, Password);
        people["anonymous"] = hub.NewClient();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A congregation Pia hosts and ash, bea, dee and eli belong to (out does not); returns its decisions page.</summary>
    private async Task<string> CongregationAsync(string name)
    {
        var congregation = await CreateAsync(people["pia"], name);
        foreach (var member in new[] { "ash", "bea", "dee", "eli" })
        {
            await people[member].SubmitAsync(congregation, new Dictionary<string, string>(), handler: "Join");
        }
        return congregation + "/decisions";
    }

    private static Dictionary<string, string> Proposal(string question = "Shall we meet in the library?", string proposal = "From March, in the **library**.",
        string? closes = null, string quorum = "", string visibility = "Names") => new()
        {
            ["Input.Question"] = question,
            ["Input.Proposal"] = proposal,
            ["Input.Background"] = "The café is loud.",
            ["Input.Closes"] = closes ?? DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm"),
            ["Input.Quorum"] = quorum,
            ["Input.Visibility"] = visibility,
        };

    private async Task<string> ProposeAsync(string decisions, string who = "pia", Dictionary<string, string>? form = null)
    {
        var (posted, page) = await people[who].SubmitAsync(decisions + "/new", form ?? Proposal(), handler: "Propose");
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        return posted.Headers.Location!.OriginalString;
    }

    private static Dictionary<string, string> Answer(string choice, string reason = "") => new() { ["Choice"] = choice, ["Reason"] = reason };

    private async Task<T> DbAsync<T>(Func<HubDbContext, Task<T>> read)
    {
        using var scope = hub.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    private static Guid IdOf(string path) => Guid.Parse(path.Split('/')[^1]);

    [Fact]
    public async Task Propose_WrongInput_SaysEverythingWrongAtOnce_ThenTheMembersHearOfIt()
    {
        var decisions = await CongregationAsync("Wrong Input Circle");
        var (_, empty) = await people["ash"].GetAsync(decisions);
        Assert.Contains("Nothing is waiting for an answer", empty.QuerySelector("main")!.TextContent);

        var (response, page) = await people["pia"].SubmitAsync(decisions + "/new",
            Proposal(question: " ", proposal: "", closes: DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm"), quorum: "many"), handler: "Propose");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Write the question", page.QuerySelector("#question-error")!.TextContent);
        Assert.Contains("Write the proposal", page.QuerySelector("#proposal-error")!.TextContent);
        Assert.Contains("at least an hour", page.QuerySelector("#closes-error")!.TextContent);
        Assert.Contains("whole number", page.QuerySelector("#quorum-error")!.TextContent);
        var (_, far) = await people["pia"].SubmitAsync(decisions + "/new", Proposal(closes: DateTime.UtcNow.AddDays(90).ToString("yyyy-MM-ddTHH:mm"), quorum: "40"), handler: "Propose");
        Assert.Contains("within 60 days", far.QuerySelector("#closes-error")!.TextContent);
        Assert.Contains("from 1 to 5", far.QuerySelector("#quorum-error")!.TextContent);
        Assert.Equal("Shall we meet in the library?", far.QuerySelector("#question")!.GetAttribute("value"));
        Assert.Equal(0, await DbAsync(db => db.Decisions.CountAsync(d => d.ProposerUserId == ids["pia"])));

        var path = await ProposeAsync(decisions);
        var (_, shown) = await people["ash"].GetAsync(path);
        Assert.Equal("library", shown.QuerySelector("#proposal-text strong")!.TextContent); // Markdown, rendered
        Assert.Contains("with its name", shown.QuerySelector("#visibility")!.TextContent); // who sees the answers, before answering
        var notices = await DbAsync(db => db.Notifications.Where(n => Ours.Contains(n.UserId) && n.Kind == "congregation.decision-open").Select(n => n.UserId).ToListAsync());
        Assert.Equal(new[] { ids["ash"], ids["bea"], ids["dee"], ids["eli"] }.Order(), notices.Order());
    }

    [Fact]
    public async Task Proposal_Markdown_IsSanitised()
    {
        var decisions = await CongregationAsync("Sanitised Circle");
        var path = await ProposeAsync(decisions, form: Proposal(proposal: "Hello <script>alert(1)</script> [link](javascript:alert(2)) <img src=x onerror=alert(3)>"));
        var (_, page) = await people["ash"].GetAsync(path);
        var text = page.QuerySelector("#proposal-text")!;
        Assert.Empty(text.QuerySelectorAll("script, [onerror]"));
        Assert.DoesNotContain(text.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Hello", text.TextContent);
    }

    [Fact]
    public async Task Answer_ABlockNeedsItsReason_AnsweringAgainReplaces_AndAfterClosingNothingIsTaken()
    {
        var decisions = await CongregationAsync("Answering Circle");
        var path = await ProposeAsync(decisions);
        var (_, noReason) = await people["ash"].SubmitAsync(path, Answer("Block"), handler: "Answer");
        Assert.Contains("A block needs its reason", noReason.QuerySelector("#reason-error")!.TextContent);
        var (_, nothing) = await people["ash"].SubmitAsync(path, new Dictionary<string, string>(), handler: "Answer");
        Assert.Contains("Choose agree", nothing.QuerySelector("#choice-error")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await people["ash"].SubmitAsync(path, Answer("Agree"), handler: "Answer")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await people["ash"].SubmitAsync(path, Answer("Block", "It leaves out people who cannot climb stairs."), handler: "Answer")).Response.StatusCode);
        var rows = await DbAsync(db => db.DecisionAnswers.Where(a => a.UserId == ids["ash"]).ToListAsync());
        Assert.Equal(DecisionResponse.Block, Assert.Single(rows).Response);
        var (_, page) = await people["bea"].GetAsync(path);
        Assert.Contains("cannot climb stairs", page.QuerySelector("#blocks")!.TextContent);
        Assert.Contains("Ash Riverbank", page.QuerySelector("#blocks")!.TextContent);
        // The answer notice is done for the one who answered.
        Assert.NotNull(await DbAsync(db => db.Notifications.Where(n => n.UserId == ids["ash"] && n.Kind == "congregation.decision-open").Select(n => n.DoneAt).SingleAsync()));

        // Outsiders, visitors and administrators who are not members answer nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await people["out"].GetAsync(path)).Response.StatusCode);
        var (adminGet, adminPage) = await people["admin"].GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, adminGet.StatusCode);
        Assert.Null(adminPage.QuerySelector("form[action*=Answer]"));

        // Past its closing time the decision takes no answer, even from a page opened before.
        var (_, open) = await people["bea"].GetAsync(path);
        var token = open.QuerySelector("form[action*=Answer] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await DbAsync(db => db.Decisions.Where(d => d.Id == IdOf(path)).ExecuteUpdateAsync(s => s.SetProperty(d => d.ClosesAt, DateTime.UtcNow.AddMinutes(-1))));
        var (late, latePage) = await people["bea"].PostAsync(path + "?handler=Answer", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Choice"] = "Agree",
        });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("closed", latePage.QuerySelector("main")!.TextContent);
        Assert.Equal(0, await DbAsync(db => db.DecisionAnswers.CountAsync(a => a.UserId == ids["bea"])));
    }

    [Fact]
    public async Task Amend_KeepsEarlierAnswers_MarkedBeforeTheChange_AndABlockToTheOldTextStopsNothingNew()
    {
        var decisions = await CongregationAsync("Amending Circle");
        var path = await ProposeAsync(decisions);
        await people["ash"].SubmitAsync(path, Answer("Block", "Stairs."), handler: "Answer");
        await people["bea"].SubmitAsync(path, Answer("Agree"), handler: "Answer");
        var (refused, refusedPage) = await people["bea"].PostAsync(path + "?handler=Amend", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // no anti-forgery token, and bea is not the proposer anyway
        Assert.Null((await people["bea"].GetAsync(path)).Page.QuerySelector("form[action*=Amend]"));

        var (noNote, noNotePage) = await people["pia"].SubmitAsync(path, new Dictionary<string, string> { ["Proposal"] = "From March, in the library's ground-floor room.", ["Note"] = "" }, handler: "Amend");
        Assert.Contains("what changed", noNotePage.QuerySelector("#note-error")!.TextContent);
        var (amended, _) = await people["pia"].SubmitAsync(path, new Dictionary<string, string>
        {
            ["Proposal"] = "From March, in the library's ground-floor room.",
            ["Note"] = "The ground-floor room has no stairs.",
        }, handler: "Amend");
        Assert.Equal(HttpStatusCode.Redirect, amended.StatusCode);
        var (_, page) = await people["dee"].GetAsync(path);
        Assert.Contains("ground-floor", page.QuerySelector("#proposal-text")!.TextContent);
        Assert.Contains("before the change", page.QuerySelector("#earlier-answers")!.TextContent);
        Assert.Contains("Stairs.", page.QuerySelector("#earlier-answers")!.TextContent);
        Assert.Null(page.QuerySelector("#blocks")); // the block was to the old text: kept, and shown, before the change
        Assert.Equal("0 agree", page.QuerySelector(".decision-agree")!.TextContent.Trim());
        Assert.Equal(1, await DbAsync(db => db.DecisionAmendments.CountAsync(a => a.DecisionId == IdOf(path))));
        // Those who answered are asked to look again.
        Assert.Equal(2, await DbAsync(db => db.Notifications.CountAsync(n => Ours.Contains(n.UserId) && n.Kind == "congregation.decision-changed")));
    }

    [Fact]
    public async Task Outcome_NotAdoptedWhileABlockStands_ThenInTheLog_SearchableByMembersOnly_AndExported()
    {
        var decisions = await CongregationAsync("Outcome Circle");
        var path = await ProposeAsync(decisions, form: Proposal(question: "Shall we buy a kettle for the hall?", visibility: "Counts"));
        await people["ash"].SubmitAsync(path, Answer("Block", "We have two kettles already."), handler: "Answer");
        await people["bea"].SubmitAsync(path, Answer("Agree", "Tea for everyone."), handler: "Answer");
        var (_, counted) = await people["dee"].GetAsync(path);
        Assert.DoesNotContain("Ash Riverbank", counted.QuerySelector("main")!.TextContent); // counts only: reasons without names
        Assert.Contains("two kettles", counted.QuerySelector("#blocks")!.TextContent);

        // While answers are open the outcome waits; the proposer may only withdraw: the button says so, with no lone radio button to tick.
        var (_, proposerPage) = await people["pia"].GetAsync(path);
        Assert.Empty(proposerPage.QuerySelectorAll("form[action*=Outcome] input[type=radio][name=Result]"));
        Assert.Equal("Withdrawn", proposerPage.QuerySelector("form[action*=Outcome] input[type=hidden][name=Result]")!.GetAttribute("value"));
        Assert.Equal("Where you stand", counted.QuerySelector("form[action*=Answer] legend")!.TextContent);
        var (early, earlyPage) = await people["dee"].PostAsync(path + "?handler=Outcome", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        await DbAsync(db => db.Decisions.Where(d => d.Id == IdOf(path)).ExecuteUpdateAsync(s => s.SetProperty(d => d.ClosesAt, DateTime.UtcNow.AddMinutes(-1))));

        // The closing job asks the proposer, once.
        using (var scope = hub.Services.CreateScope())
        {
            // Other tests on this hub leave closed decisions too: count what reached this test's people.
            var ask = scope.ServiceProvider.GetRequiredService<AskForOutcomes>();
            Assert.True(await ask.RunAsync() >= 1);
            await ask.RunAsync();
        }
        Assert.Equal(ids["pia"], await DbAsync(db => db.Notifications.Where(n => Ours.Contains(n.UserId) && n.Kind == "congregation.decision-outcome").Select(n => n.UserId).SingleAsync()));

        var adopt = new Dictionary<string, string> { ["Result"] = "Adopted", ["ResultNote"] = "We buy a kettle.", ["Confirmed"] = "true" };
        var (blocked, blockedPage) = await people["pia"].SubmitAsync(path, adopt, handler: "Outcome");
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Contains("A block stands", blockedPage.QuerySelector("#result-error")!.TextContent);
        // A member who is not the proposer nor a host writes no outcome.
        Assert.Null((await people["bea"].GetAsync(path)).Page.QuerySelector("form[action*=Outcome]"));

        // The first press asks to confirm; the second writes it.
        var notAdopted = new Dictionary<string, string> { ["Result"] = "NotAdopted", ["ResultNote"] = "No new kettle: we use the two we have." };
        var (asked, askedPage) = await people["pia"].SubmitAsync(path, notAdopted, handler: "Outcome");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.NotNull(askedPage.QuerySelector(".confirm"));
        Assert.Null(await DbAsync(db => db.Decisions.Where(d => d.Id == IdOf(path)).Select(d => d.Result).SingleAsync()));
        var (written, _) = await people["pia"].SubmitAsync(path, new Dictionary<string, string>(notAdopted) { ["Confirmed"] = "true" }, handler: "Outcome");
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        Assert.Equal(4, await DbAsync(db => db.Notifications.CountAsync(n => Ours.Contains(n.UserId) && n.Kind == "congregation.decision-closed")));

        var (_, log) = await people["eli"].GetAsync(decisions + "?q=KETTLE");
        Assert.Contains("Shall we buy a kettle for the hall?", log.QuerySelector("#decision-log")!.ParentElement!.TextContent);
        Assert.Contains("Not adopted", log.QuerySelector(".decision-log")!.TextContent);
        var (_, none) = await people["eli"].GetAsync(decisions + "?q=bicycle");
        Assert.Contains("No decision in the log mentions", none.QuerySelector("main")!.TextContent);

        // The site search finds it for members only.
        Assert.Contains("kettle for the hall", (await people["eli"].GetAsync("/search?q=kettle")).Page.QuerySelector("main")!.TextContent);
        foreach (var who in new[] { "out", "anonymous", "admin" })
        {
            Assert.DoesNotContain("kettle for the hall", (await people[who].GetAsync("/search?q=kettle")).Page.DocumentElement.OuterHtml);
        }

        // Exports: members only; names only where the decision shows names.
        var (csv, _) = await people["eli"].GetAsync(decisions + ".csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("We have two kettles already.", text);
        Assert.DoesNotContain("Ash Riverbank", text);
        var (json, _) = await people["eli"].GetAsync(decisions + ".json");
        using var parsed = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal("Not adopted", parsed.RootElement[0].GetProperty("state").GetString());
        Assert.Equal(2, parsed.RootElement[0].GetProperty("answers").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await people["out"].GetAsync(decisions + ".csv")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await people["admin"].GetAsync(decisions + ".json")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await people["anonymous"].GetAsync(decisions + ".csv")).Response.StatusCode);
    }

    /// <summary>
    /// Answers at the same moment from four people, the same person twice at once, and an amendment racing them:
    /// one row per person, every answer either to the new text or marked before the change, the page's counts equal
    /// to the rows, and the block still there.
    /// </summary>
    [Fact]
    public async Task AnswersAtTheSameMoment_AndAnAmendmentRacingThem_KeepAConsistentCount_AndNoBlockIsLost()
    {
        var decisions = await CongregationAsync("Racing Circle");
        for (var round = 0; round < 3; round++)
        {
            var path = await ProposeAsync(decisions, form: Proposal(question: $"Race {round}?"));
            var id = IdOf(path);
            async Task<Func<Task<HttpResponseMessage>>> Prepared(string who, string handler, Dictionary<string, string> fields)
            {
                var (_, page) = await people[who].GetAsync(path);
                var token = page.QuerySelector($"form[action*={handler}] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
                var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
                return () => people[who].Http.PostAsync(path + "?handler=" + handler, new FormUrlEncodedContent(values));
            }
            var posts = new List<Func<Task<HttpResponseMessage>>>
            {
                await Prepared("ash", "Answer", Answer("Block", "Not without a ramp.")),
                await Prepared("bea", "Answer", Answer("Agree")),
                await Prepared("dee", "Answer", Answer("Disagree", "Too soon.")),
                await Prepared("eli", "Answer", Answer("Abstain")),
                await Prepared("eli", "Answer", Answer("Agree")),
                await Prepared("pia", "Amend", new Dictionary<string, string> { ["Proposal"] = $"Race {round}, with a ramp.", ["Note"] = "A ramp." }),
            };
            var responses = await Task.WhenAll(posts.Select(p => Task.Run(p)));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

            var (decision, answers) = await DbAsync(async db => (await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == id),
                await db.DecisionAnswers.AsNoTracking().Where(a => a.DecisionId == id).ToListAsync()));
            Assert.Equal(2, decision.Version);
            Assert.Equal(4, answers.Count); // one per person: eli's two answers at once left one row
            Assert.Equal(4, answers.Select(a => a.UserId).Distinct().Count());
            Assert.All(answers, a => Assert.InRange(a.Version, 1, 2));
            Assert.Contains(answers, a => a.UserId == ids["eli"] && a.Response is DecisionResponse.Abstain or DecisionResponse.Agree);
            var block = Assert.Single(answers, a => a.Response == DecisionResponse.Block);
            Assert.Equal("Not without a ramp.", block.Reason);

            // What the page shows adds up to the rows: the current counts plus those before the change.
            var (_, page) = await people["bea"].GetAsync(path);
            var shown = DecisionText.Responses.Sum(r => int.Parse(page.QuerySelector($".decision-{r.ToString().ToLowerInvariant()} strong")!.TextContent));
            var earlier = page.QuerySelectorAll("#earlier-answers > li").Length;
            Assert.Equal(answers.Count(a => a.Version == 2), shown);
            Assert.Equal(answers.Count(a => a.Version == 1), earlier);
            Assert.Contains("Not without a ramp.", page.QuerySelector(block.Version == 2 ? "#blocks" : "#earlier-answers")!.TextContent);
        }
    }

    [Fact]
    public async Task CrewDecisions_AreTheCrewsOwn_EveryoneElseGetsNothing()
    {
        var crewId = Guid.NewGuid();
        await DbAsync(async db =>
        {
            var crew = new Crew { Id = crewId, Name = "Thursday crew", CallerUserId = ids["ash"], Stage = CrewStage.Meeting, JoinedCount = 2, CreatedAt = DateTime.UtcNow };
            crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crewId, UserId = ids["ash"], Status = CrewMemberStatus.Joined, InvitedAt = DateTime.UtcNow, JoinedAt = DateTime.UtcNow });
            crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crewId, UserId = ids["bea"], Status = CrewMemberStatus.Joined, Position = 1, InvitedAt = DateTime.UtcNow, JoinedAt = DateTime.UtcNow });
            crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crewId, UserId = ids["dee"], Status = CrewMemberStatus.Invited, Position = 2, InvitedAt = DateTime.UtcNow });
            db.Crews.Add(crew);
            return await db.SaveChangesAsync();
        });
        var decisions = $"/crews/{crewId}/decisions";
        var path = await ProposeAsync(decisions, "ash", Proposal(question: "Shall we try walking meetings?"));
        Assert.StartsWith(decisions + "/", path);
        await people["bea"].SubmitAsync(path, Answer("Agree", "Yes, outdoors!"), handler: "Answer");
        Assert.Contains("Yes, outdoors!", (await people["bea"].GetAsync(path)).Page.QuerySelector("#answers")!.TextContent);
        Assert.Equal(ids["bea"], await DbAsync(db => db.Notifications.Where(n => Ours.Contains(n.UserId) && n.Kind == "crew.decision-open").Select(n => n.UserId).SingleAsync()));
        foreach (var url in new[] { decisions, decisions + "/new", path, decisions + ".csv", decisions + ".json" })
        {
            Assert.Equal(HttpStatusCode.OK, (await people["bea"].GetAsync(url)).Response.StatusCode);
            foreach (var who in new[] { "dee", "out", "admin", "pia" })
            {
                Assert.True((await people[who].GetAsync(url)).Response.StatusCode == HttpStatusCode.NotFound, $"{who} GET {url}");
            }
            Assert.Equal(HttpStatusCode.Redirect, (await people["anonymous"].GetAsync(url)).Response.StatusCode);
        }
        Assert.DoesNotContain("walking meetings", (await people["out"].GetAsync("/search?q=walking")).Page.DocumentElement.OuterHtml);
        Assert.Contains("walking meetings", (await people["bea"].GetAsync("/search?q=walking")).Page.QuerySelector("main")!.TextContent);
    }
}
