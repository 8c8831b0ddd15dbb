using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Features.Demo;
using Microsolidarity.Hub.Features.Handbook;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Crews;
using Microsolidarity.Hub.Tests.Features.Handbook;
using Microsolidarity.Hub.Tests.Updates;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>Every page, as the server sends it, through the Nu HTML Checker: no errors; the visitors' and an administrator's pages in German too.</summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.Either)] // checks markup against the Nu HTML Checker; the database does not change it
public sealed class HtmlValidityTests
{
    [Fact]
    public async Task EveryPage_AnonymousSignedInAndWithErrors_IsValidHtml()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false, environment: "Development");
        var pages = new Dictionary<string, string>();
        var visitor = hub.NewClient();
        string[] visitorPaths =
        [
            "/", "/handbook", "/congregations", "/crews", "/gatherings", "/commons", "/account/sign-up", "/account/sign-in",
            "/account/forgot-password", "/account/resend-confirmation", "/account/check-email", "/no-such-page",
            "/account/confirm-email?user=x&code=y", "/account/reset-password?user=x&code=y", "/account/sign-out",
            "/account/confirm-email-change?user=x&email=a@b.example&code=y", "/time-zone",
            "/practices", "/practices?scale=self&time=15", "/practices?q=zzyzx", "/practices/case-clinic", "/practices/inner-weather",
            "/practices/cards", "/practices/cards?card=s-belong",
        ];
        foreach (var path in visitorPaths)
        {
            var response = await visitor.Http.GetAsync(path);
            pages[path] = await response.Content.ReadAsStringAsync();
        }
        pages["sign-up with errors"] = await HtmlOfAsync(visitor, "/account/sign-up", new() { ["Input.Email"] = "nope", ["Input.Password"] = "short" });
        pages["sign-in with errors"] = await HtmlOfAsync(visitor, "/account/sign-in", new() { ["Input.Email"] = "a@b.example", ["Input.Password"] = "wrong one" });
        pages["forgot-password sent"] = await HtmlOfAsync(visitor, "/account/forgot-password", new() { ["Email"] = "a@b.example" });

        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
        await admin.SubmitAsync("/me/journal", new Dictionary<string, string> { ["Prompt"] = "What do I need?", ["Text"] = "Rest." });
        pages["practice with errors"] = await HtmlOfAsync(admin, "/admin/practices/edit", new() { ["Slug"] = "x", ["Text"] = "no front matter", ["IsNew"] = "true" });
        pages["profile with errors"] = await HtmlOfAsync(admin, "/me/profile", new() { ["Input.TimeZone"] = "Nowhere/Else", ["Free"] = "30" });
        string[] adminPaths = ["/me", "/account", "/account/delete", "/dev/mailbox", "/me/profile", "/me/journal", "/me/pathway", "/me/notifications", "/commons/contribute", "/commons/proposals", "/admin/commons", "/dyads/new", "/crews/new", "/gatherings/new", "/admin", "/admin/webhooks", "/admin/practices", "/admin/practices/edit", "/admin/practices/edit?slug=check-in"];
        foreach (var path in adminPaths)
        {
            pages[$"admin {path}"] = await (await admin.Http.GetAsync(path)).Content.ReadAsStringAsync();
        }
        var congregation = await Features.Congregations.CongregationTestKit.CreateAsync(admin, "Valid Markup Circle", "Request");
        pages["working group with errors"] = await HtmlOfAsync(admin, $"{congregation}/working-groups", new() { ["Name"] = "", ["EndsOn"] = "soon" }, "Start");
        await admin.SubmitAsync($"{congregation}/working-groups", new Dictionary<string, string>
        {
            ["Name"] = "Valid working group",
            ["Purpose"] = "Plan the spring gathering.",
            ["EndsOn"] = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM-dd"),
        }, "Start");
        var groupTime = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await admin.Http.GetAsync($"{congregation}/working-groups")).Content.ReadAsStringAsync())
            .QuerySelector("a[href$='/time']")!.GetAttribute("href")!;
        await admin.SubmitAsync(groupTime, new Dictionary<string, string> { ["MarkZone"] = "Europe/Lisbon", ["Free"] = "100" }, "Mark");
        pages["working group find time"] = await (await admin.Http.GetAsync(groupTime)).Content.ReadAsStringAsync();
        foreach (var path in new[] { congregation, $"{congregation}/members", $"{congregation}/host", $"{congregation}/care", $"{congregation}/working-groups", "/congregations/new", "/congregations", "/congregations/map" })
        {
            pages[$"admin {path}"] = await (await admin.Http.GetAsync(path)).Content.ReadAsStringAsync();
        }
        pages["raise a concern with errors"] = await HtmlOfAsync(admin, $"{congregation}/concerns/new", new() { ["About"] = "Something", ["Text"] = "" });
        var (raisedConcern, _) = await admin.SubmitAsync($"{congregation}/concerns/new", new Dictionary<string, string> { ["About"] = "Something", ["Text"] = "A valid worry." });
        await admin.SubmitAsync($"{congregation}/agreements", new Dictionary<string, string> { ["Text"] = "## Our agreements\n\n- We listen." }, "Publish");
        foreach (var path in new[] { $"{congregation}/concerns", $"{congregation}/concerns/care-contacts", $"{congregation}/agreements", raisedConcern.Headers.Location!.OriginalString })
        {
            pages[$"admin {path}"] = await (await admin.Http.GetAsync(path)).Content.ReadAsStringAsync();
        }
        pages["new congregation with errors"] = await HtmlOfAsync(admin, "/congregations/new", new() { ["Input.Name"] = "" });
        pages["visitor congregation"] = await (await visitor.Http.GetAsync(congregation)).Content.ReadAsStringAsync();
        pages["visitor invitation unknown"] = await (await visitor.Http.GetAsync("/congregations/invitations/unknown")).Content.ReadAsStringAsync();
        await hub.CreatePersonAsync("kim@test.example", "moss and lichen", name: "Kim");
        await hub.CreatePersonAsync("lou@test.example", "moss and lichen", name: "Lou");
        var (called, _) = await admin.SubmitAsync("/crews/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Valid crew",
            ["Input.Invitees"] = "kim@test.example\nlou@test.example",
            ["Input.Cadence"] = "Weekly",
            ["Input.Meetings"] = "6",
            ["Input.SlotDay"] = "Tuesday",
            ["Input.SlotTime"] = "19:00",
            ["Input.TimeZone"] = "Europe/Lisbon",
        });
        var crew = called.Headers.Location!.OriginalString;
        var kim = await hub.SignedInClientAsync("kim@test.example", "moss and lichen");
        pages["crew invited"] = await (await kim.Http.GetAsync(crew)).Content.ReadAsStringAsync();
        await kim.SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = "true" }, "Respond");
        var lou = await hub.SignedInClientAsync("lou@test.example", "moss and lichen");
        await lou.SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = "true" }, "Respond");
        pages["crew forming"] = await (await admin.Http.GetAsync(crew)).Content.ReadAsStringAsync();
        pages["crew find time, nobody's hours"] = await (await admin.Http.GetAsync($"{crew}/time")).Content.ReadAsStringAsync();
        pages["crew find time with errors"] = await HtmlOfAsync(kim, $"{crew}/time", new() { ["MarkZone"] = "Nowhere/Else" }, "Mark");
        await kim.SubmitAsync($"{crew}/time", new Dictionary<string, string> { ["MarkZone"] = "Europe/Lisbon", ["Free"] = "43" }, "Mark");
        pages["crew find time, proposals"] = await (await admin.Http.GetAsync($"{crew}/time")).Content.ReadAsStringAsync();
        await admin.SubmitAsync($"{crew}/time", new Dictionary<string, string> { ["Slot"] = "43" }, "Confirm");
        pages["crew find time, confirmed"] = await (await kim.Http.GetAsync($"{crew}/time")).Content.ReadAsStringAsync();
        var tuesday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        while (tuesday.DayOfWeek != DayOfWeek.Tuesday)
        {
            tuesday = tuesday.AddDays(1);
        }
        await admin.SubmitAsync(crew, new Dictionary<string, string> { ["FirstDate"] = tuesday.ToString("yyyy-MM-dd") }, "Start");
        pages["crew meeting"] = await (await admin.Http.GetAsync(crew)).Content.ReadAsStringAsync();
        // A meeting's plan, case and room: before it begins, with errors, and in progress.
        var meetingOne = $"{crew}/meetings/1";
        pages["crew plan"] = await (await admin.Http.GetAsync($"{crew}/plan")).Content.ReadAsStringAsync();
        pages["crew plan with errors"] = await HtmlOfAsync(admin, $"{crew}/plan", new() { ["Rows[0].Slug"] = "no-such-practice", ["Rows[1].Slug"] = "check-in", ["Rows[1].Minutes"] = "999" });
        foreach (var (who, client) in new[] { ("admin", admin), ("kim", kim), ("lou", lou) })
        {
            pages[$"meeting as {who}"] = await (await client.Http.GetAsync(meetingOne)).Content.ReadAsStringAsync();
            if (pages[$"meeting as {who}"].Contains("handler=Case", StringComparison.Ordinal)) // the focus person's form
            {
                pages["meeting case with errors"] = await HtmlOfAsync(client, meetingOne, new() { ["Question"] = new string('?', 1001) }, "Case");
            }
        }
        pages["meeting plan with errors"] = await HtmlOfAsync(admin, meetingOne, new() { ["Rows[0].Slug"] = "nope", ["Rows[1].Slug"] = "check-in", ["Rows[1].Minutes"] = "0" }, "Plan");
        Assert.True(pages.ContainsKey("meeting case with errors"));
        pages["room before it begins"] = await (await admin.Http.GetAsync($"{meetingOne}/room")).Content.ReadAsStringAsync();
        await admin.SubmitAsync($"{meetingOne}/room", new Dictionary<string, string> { ["To"] = "0" }, "Move");
        await kim.SubmitAsync($"{meetingOne}/room", new Dictionary<string, string> { ["Commitments[0]"] = "Call the bakery" }, "Commitments");
        pages["room check-in"] = await (await kim.Http.GetAsync($"{meetingOne}/room")).Content.ReadAsStringAsync();
        await admin.SubmitAsync($"{meetingOne}/room", new Dictionary<string, string>(), "Pause");
        pages["room check-in, timer paused"] = await (await admin.Http.GetAsync($"{meetingOne}/room")).Content.ReadAsStringAsync();
        Assert.Contains("Resume the timer", pages["room check-in, timer paused"]);
        pages["room commitments with errors"] = await HtmlOfAsync(lou, $"{meetingOne}/room", new() { ["Commitments[0]"] = new string('x', 501) }, "Commitments");
        await admin.SubmitAsync($"{meetingOne}/room", new Dictionary<string, string> { ["To"] = "1" }, "Move");
        pages["room case clinic, still"] = await (await admin.Http.GetAsync($"{meetingOne}/room?still=true")).Content.ReadAsStringAsync();
        // Agreements: the draft, a refusal, then in force with a change proposed; the retrospective before, during
        // (reflections shared, changes listed, a lesson offered) and the congregation's lessons page.
        var agreements = $"{crew}/agreements";
        pages["crew agreements, the draft"] = await (await kim.Http.GetAsync(agreements)).Content.ReadAsStringAsync();
        pages["crew agreements with errors"] = await HtmlOfAsync(admin, agreements, new() { ["Text"] = "" }, "Propose");
        await admin.SubmitAsync(agreements, new Dictionary<string, string> { ["Text"] = "What is said here stays here.\n\nWe decide by consent." }, "Propose");
        pages["crew agreements, proposed"] = await (await lou.Http.GetAsync(agreements)).Content.ReadAsStringAsync();
        await kim.SubmitAsync(agreements, new Dictionary<string, string>(), "Accept");
        await lou.SubmitAsync(agreements, new Dictionary<string, string>(), "Accept");
        await kim.SubmitAsync(agreements, new Dictionary<string, string> { ["Text"] = "What is said here stays here.\n\nWe decide by consent.\n\nCameras on.", ["Note"] = "Faces help." }, "Propose");
        pages["crew agreements, in force with a change"] = await (await admin.Http.GetAsync(agreements)).Content.ReadAsStringAsync();
        var retrospective = $"{crew}/retrospective";
        pages["crew retrospective, nothing yet"] = await (await kim.Http.GetAsync(retrospective)).Content.ReadAsStringAsync();
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>();
            var crewId = Guid.Parse(crew.Split('/')[2]);
            var circle = await db.Congregations.Where(c => c.Name == "Valid Markup Circle").Select(c => c.Id).SingleAsync();
            await db.Crews.Where(c => c.Id == crewId).ExecuteUpdateAsync(x => x.SetProperty(c => c.CongregationId, circle));
            await db.CrewMeetings.Where(m => m.CrewId == crewId).ExecuteUpdateAsync(x => x.SetProperty(m => m.StartsAt, m => m.StartsAt.AddDays(-70)));
        }
        pages["congregation lessons, none yet"] = await (await admin.Http.GetAsync($"{congregation}/lessons")).Content.ReadAsStringAsync();
        await kim.SubmitAsync(retrospective, new Dictionary<string, string> { ["Worked"] = "Listening.", ["DidNot"] = "Late starts.", ["OneChange"] = "Start on the hour." }, "Share");
        await admin.SubmitAsync(retrospective, new Dictionary<string, string> { ["Change"] = "Say whose case is next." }, "Carry");
        await lou.SubmitAsync(retrospective, new Dictionary<string, string> { ["Lesson"] = "Time the check-in.", ["Signed"] = "true" }, "Lesson");
        await lou.SubmitAsync(retrospective, new Dictionary<string, string> { ["Lesson"] = "Agreements early." }, "Lesson");
        // Kim and the administrator consent to the signed lesson; Kim keeps the other in the crew, the administrator has not answered.
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>();
            var crewId = Guid.Parse(crew.Split('/')[2]);
            var lessons = await db.CrewLessons.Where(l => l.CrewId == crewId).ToListAsync();
            var kimId = await db.Users.Where(u => u.Email == "kim@test.example").Select(u => u.Id).SingleAsync();
            var adminId = await db.Users.Where(u => u.Email == "admin@test.example").Select(u => u.Id).SingleAsync();
            var signedLesson = lessons.Single(l => l.Signed).Id;
            var otherLesson = lessons.Single(l => !l.Signed).Id;
            foreach (var (lesson, userId, yes) in new[] { (signedLesson, kimId, true), (signedLesson, adminId, true), (otherLesson, kimId, false) })
            {
                db.CrewLessonAnswers.Add(new Microsolidarity.Hub.Data.Crews.CrewLessonAnswer { Id = Guid.NewGuid(), LessonId = lesson, UserId = userId, Consents = yes, AnsweredAt = DateTime.UtcNow });
            }
            await db.SaveChangesAsync();
        }
        pages["crew retrospective"] = await (await kim.Http.GetAsync(retrospective)).Content.ReadAsStringAsync();
        Assert.Contains("Keep it in the crew: Kim", pages["crew retrospective"]);
        pages["crew retrospective with errors"] = await HtmlOfAsync(admin, retrospective, new() { ["Worked"] = "", ["DidNot"] = "", ["OneChange"] = new string('x', 1001) }, "Share");
        pages["crew in its retrospective"] = await (await admin.Http.GetAsync(crew)).Content.ReadAsStringAsync();
        pages["congregation lessons"] = await (await admin.Http.GetAsync($"{congregation}/lessons")).Content.ReadAsStringAsync();
        Assert.Contains("Time the check-in.", pages["congregation lessons"]);
        Assert.Contains("Start on the hour.", pages["crew retrospective"]);
        // All three go on: term 1's meetings are listed as earlier terms, each room a record to read.
        foreach (var member in new[] { admin, kim, lou })
        {
            await member.SubmitAsync(crew, new Dictionary<string, string> { ["Worked"] = "", ["DidNot"] = "", ["Choice"] = "Continue" }, "Retrospective");
        }
        pages["crew with an earlier term"] = await (await admin.Http.GetAsync(crew)).Content.ReadAsStringAsync();
        Assert.Contains("earlier-terms", pages["crew with an earlier term"]);
        Assert.Contains("Carried into term 2:", pages["crew with an earlier term"]); // what term 1 carried on is part of its record
        pages["room record of an earlier term"] = await (await kim.Http.GetAsync($"{crew}/terms/1/meetings/1/room")).Content.ReadAsStringAsync();
        Assert.Contains("Call the bakery", pages["room record of an earlier term"]);
        await admin.SubmitAsync("/dyads/new", new Dictionary<string, string> { ["PartnerEmail"] = "kim@test.example", ["Kind"] = "PeerCoaching", ["Weeks"] = "8", ["Intention"] = "" });
        using (var scope = hub.Services.CreateScope())
        {
            var dyadId = await scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>().Dyads.Select(d => d.Id).SingleAsync();
            await kim.SubmitAsync($"/dyads/{dyadId}", new Dictionary<string, string> { ["Accept"] = "true" }, "Respond");
            pages["dyad, no check-in yet"] = await (await kim.Http.GetAsync($"/dyads/{dyadId}")).Content.ReadAsStringAsync();
            pages["dyad check-in with errors"] = await HtmlOfAsync(admin, $"/dyads/{dyadId}", new() { ["CheckIn"] = "" }, "CheckIn");
            await admin.SubmitAsync($"/dyads/{dyadId}", new Dictionary<string, string> { ["CheckIn"] = "Talked about the bakery's <new> oven." }, "CheckIn");
            pages["dyad with a check-in"] = await (await kim.Http.GetAsync($"/dyads/{dyadId}")).Content.ReadAsStringAsync();
            pages["dyad agreements, the draft"] = await (await kim.Http.GetAsync($"/dyads/{dyadId}/agreements")).Content.ReadAsStringAsync();
            Assert.Contains("between the two of us", pages["dyad agreements, the draft"]);
        }
        pages["crews"] = await (await admin.Http.GetAsync("/crews")).Content.ReadAsStringAsync();
        pages["crews for a visitor"] = await (await visitor.Http.GetAsync("/crews")).Content.ReadAsStringAsync();
        pages["call crew with errors"] = await HtmlOfAsync(admin, "/crews/new", new() { ["Input.Name"] = "", ["Input.TimeZone"] = "Nowhere/Else" });
        // Crew calls: the list empty, with errors, and with a call; the call as its caller (a request waiting, then a start
        // to confirm), as the member who asked, and the visitor's prompt.
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>();
            var circle = await db.Congregations.SingleAsync(c => c.Name == "Valid Markup Circle");
            var kimId = await db.Users.Where(u => u.Email == "kim@test.example").Select(u => u.Id).SingleAsync();
            await Microsolidarity.Hub.Features.Congregations.JoinCongregation.AddMemberAsync(db, circle.Id, kimId, DateTime.UtcNow, default);
        }
        var calls = $"{congregation}/calls";
        pages["calls empty"] = await (await admin.Http.GetAsync(calls)).Content.ReadAsStringAsync();
        pages["calls with errors"] = await HtmlOfAsync(admin, calls, new() { ["Input.Name"] = "", ["Input.TimeZone"] = "Nowhere/Else", ["Input.Size"] = "9", ["Input.EndsOn"] = "soon" }, "Call");
        var (posted, _) = await admin.SubmitAsync(calls, CrewCallForm.Fields("Valid call", "Peer support on Thursdays.", endsOn: DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd")), "Call");
        var call = posted.Headers.Location!.OriginalString;
        pages["calls with one"] = await (await admin.Http.GetAsync(calls)).Content.ReadAsStringAsync();
        pages["call, nobody asked"] = await (await admin.Http.GetAsync(call)).Content.ReadAsStringAsync();
        pages["call, asking"] = await (await kim.Http.GetAsync(call)).Content.ReadAsStringAsync();
        pages["call, asking with errors"] = await HtmlOfAsync(kim, call, new() { ["Note"] = "" }, "Ask");
        await kim.SubmitAsync(call, new Dictionary<string, string> { ["Note"] = "Thursdays suit me." }, "Ask");
        pages["call, asked"] = await (await kim.Http.GetAsync(call)).Content.ReadAsStringAsync();
        pages["call, a request waiting"] = await (await admin.Http.GetAsync(call)).Content.ReadAsStringAsync();
        pages["call, decline with errors"] = await HtmlOfAsync(admin, call, new() { ["Message"] = "" }, "Decline");
        await admin.SubmitAsync(call, new Dictionary<string, string>(), "Accept");
        pages["call, start to confirm"] = await HtmlOfAsync(admin, call, new(), "Start");
        pages["call, close to confirm"] = await HtmlOfAsync(admin, call, new(), "Close");
        // Boards: a crew's empty, with a mistake, with cards; a congregation's and a working group's. Own cards and practices.
        pages["crew board empty"] = await (await admin.Http.GetAsync($"{crew}/board")).Content.ReadAsStringAsync();
        pages["crew board with errors"] = await HtmlOfAsync(admin, $"{crew}/board", new() { ["Column"] = "Awareness", ["Text"] = "" }, "Add");
        await admin.SubmitAsync($"{crew}/board", new Dictionary<string, string> { ["Column"] = "Awareness", ["Text"] = "We start late <often>." }, "Add");
        await admin.SubmitAsync($"{crew}/board", new Dictionary<string, string> { ["Column"] = "KnownVoid", ["Text"] = "Nobody hosts in August." }, "Add");
        pages["crew board with cards"] = await (await admin.Http.GetAsync($"{crew}/board")).Content.ReadAsStringAsync();
        pages["crew cards empty"] = await (await admin.Http.GetAsync($"{crew}/cards")).Content.ReadAsStringAsync();
        pages["crew cards with errors"] = await HtmlOfAsync(admin, $"{crew}/cards", new() { ["Kind"] = "Mission", ["Text"] = "" }, "Add");
        await admin.SubmitAsync($"{crew}/cards", new Dictionary<string, string> { ["Kind"] = "Mission", ["Text"] = "Call a crewmate." }, "Add");
        pages["crew cards with one"] = await (await admin.Http.GetAsync($"{crew}/cards")).Content.ReadAsStringAsync();
        await admin.SubmitAsync($"{crew}/cards", new Dictionary<string, string> { ["Kind"] = "Starter", ["Text"] = "What surprised you this week?" }, "Add");
        pages["crew cards, changing one with errors"] = await HtmlOfAsync(admin, $"{crew}/cards", new() { ["Kind"] = "Activity", ["Text"] = "" }, "Edit");
        Assert.Contains("Write the card", pages["crew cards, changing one with errors"]);
        pages["congregation board"] = await (await admin.Http.GetAsync($"{congregation}/board")).Content.ReadAsStringAsync();
        Guid groupId;
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>();
            var circle = await db.Congregations.SingleAsync(c => c.Name == "Valid Markup Circle");
            var adminId = await db.Users.Where(u => u.Email == "admin@test.example").Select(u => u.Id).SingleAsync();
            var kimId = await db.Users.Where(u => u.Email == "kim@test.example").Select(u => u.Id).SingleAsync();
            groupId = Guid.NewGuid();
            db.WorkingGroups.Add(new Microsolidarity.Hub.Data.Congregations.WorkingGroup { Id = groupId, CongregationId = circle.Id, Name = "Valid group", Purpose = "Markup.", EndsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), StartedByUserId = adminId, CreatedAt = DateTime.UtcNow });
            db.Dyads.Add(new Microsolidarity.Hub.Data.Dyads.Dyad { Id = groupId, ProposerUserId = adminId, PartnerUserId = kimId, Status = Microsolidarity.Hub.Data.Dyads.DyadStatus.Active, CheckInPractice = "peer-coaching-pair", ProposedAt = DateTime.UtcNow, StartedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        pages["working group board"] = await (await admin.Http.GetAsync($"{congregation}/working-groups/{groupId}/board")).Content.ReadAsStringAsync();
        pages["working groups with boards"] = await (await admin.Http.GetAsync($"{congregation}/working-groups")).Content.ReadAsStringAsync();
        pages["dyad with a structure"] = await (await admin.Http.GetAsync($"/dyads/{groupId}")).Content.ReadAsStringAsync();
        pages["dyad structure with errors"] = await HtmlOfAsync(admin, $"/dyads/{groupId}", new() { ["Practice"] = "nope" }, "Structure");
        pages["congregation practices empty"] = await (await admin.Http.GetAsync($"{congregation}/practices")).Content.ReadAsStringAsync();
        pages["congregation practice new"] = await (await admin.Http.GetAsync($"{congregation}/practices/edit")).Content.ReadAsStringAsync();
        pages["congregation practice with errors"] = await HtmlOfAsync(admin, $"{congregation}/practices/edit", new() { ["Slug"] = "x", ["Text"] = "no front matter", ["IsNew"] = "true" });
        var template = Microsolidarity.Hub.Features.Practices.EditPracticeModel.Template;
        await admin.SubmitAsync($"{congregation}/practices/edit", new Dictionary<string, string> { ["Slug"] = "valid-round", ["Text"] = template, ["Note"] = "First.", ["IsNew"] = "true" });
        pages["congregation practice"] = await (await admin.Http.GetAsync($"{congregation}/practices/valid-round")).Content.ReadAsStringAsync();
        pages["congregation practice edit"] = await (await admin.Http.GetAsync($"{congregation}/practices/edit?practice=valid-round")).Content.ReadAsStringAsync();
        pages["congregation practices with one"] = await (await admin.Http.GetAsync($"{congregation}/practices")).Content.ReadAsStringAsync();
        pages["congregation cards"] = await (await admin.Http.GetAsync($"{congregation}/cards")).Content.ReadAsStringAsync();
        pages["practices with ours"] = await (await admin.Http.GetAsync("/practices")).Content.ReadAsStringAsync();
        pages["congregation with its practices"] = await (await admin.Http.GetAsync(congregation)).Content.ReadAsStringAsync();
        pages["journal with a practice"] = await (await admin.Http.GetAsync("/me/journal?practice=inner-weather")).Content.ReadAsStringAsync();
        pages["crews with open calls"] = await (await kim.Http.GetAsync("/crews")).Content.ReadAsStringAsync();
        pages["visitor calls"] = await (await visitor.Http.GetAsync(calls)).Content.ReadAsStringAsync();
        // Conversations: the list empty, a start with errors, a thread with Markdown, a reply with a mention, a reaction
        // and an edit with its history; the author's edit form and deletion to confirm, a reply with errors, the hosts'
        // forms and hiding to confirm; the list with the thread, and the thread once closed.
        var conversations = $"{congregation}/conversations";
        pages["conversations empty"] = await (await kim.Http.GetAsync(conversations)).Content.ReadAsStringAsync();
        pages["conversation start with errors"] = await HtmlOfAsync(kim, $"{conversations}/new", new() { ["Title"] = " ", ["Text"] = "" });
        var (startedThread, _) = await kim.SubmitAsync($"{conversations}/new", new Dictionary<string, string>
        {
            ["Title"] = "Tea & <cake> after the gathering?",
            ["Text"] = "Who **bakes**?\n\n- scones\n- [the handbook](/handbook)\n\n<script>alert(1)</script>",
        });
        var conversation = startedThread.Headers.Location!.OriginalString;
        await admin.SubmitAsync(conversation, new Dictionary<string, string> { ["Text"] = "@Kim, I bring the kettle & cups." }, "Reply");
        var kimPost = await hub.FromDbAsync(db => db.ConversationPosts.Where(p => p.Thread.Title.StartsWith("Tea & ") && p.Author!.Email == "kim@test.example").Select(p => p.Id).SingleAsync());
        await admin.SubmitAsync(conversation, new Dictionary<string, string> { ["reaction"] = $"ThankYou:{kimPost:N}" }, "React");
        await kim.SubmitAsync($"{conversation}?edit={kimPost}", new Dictionary<string, string> { ["Text"] = "Who **bakes**? I bring scones." }, "Edit");
        pages["conversation thread, member"] = await (await kim.Http.GetAsync(conversation)).Content.ReadAsStringAsync();
        Assert.Contains("I bring scones", pages["conversation thread, member"]);
        Assert.Contains("post-versions", pages["conversation thread, member"]);
        Assert.Contains("reaction-who", pages["conversation thread, member"]);
        pages["conversation thread, host"] = await (await admin.Http.GetAsync(conversation)).Content.ReadAsStringAsync();
        pages["conversation post to edit"] = await (await kim.Http.GetAsync($"{conversation}?edit={kimPost}")).Content.ReadAsStringAsync();
        pages["conversation post delete to confirm"] = await HtmlOfAsync(kim, conversation, new(), $"Delete&post={kimPost}");
        pages["conversation reply with errors"] = await HtmlOfAsync(kim, conversation, new() { ["Text"] = " " }, "Reply");
        pages["conversation hide to confirm"] = await HtmlOfAsync(admin, conversation, new() { ["Reason"] = "Names someone." }, "Hide");
        pages["conversations"] = await (await kim.Http.GetAsync(conversations)).Content.ReadAsStringAsync();
        await admin.SubmitAsync(conversation, new Dictionary<string, string> { ["Reason"] = "Settled: Kim bakes." }, "Close");
        pages["conversation closed"] = await (await kim.Http.GetAsync(conversation)).Content.ReadAsStringAsync();
        // Decisions: the list empty, the proposal with errors, a decision with answers (a block given before a change, an
        // answer with errors), the open list, the outcome to confirm, and the decision in the searched log.
        var decisions = $"{congregation}/decisions";
        pages["decisions empty"] = await (await admin.Http.GetAsync(decisions)).Content.ReadAsStringAsync();
        pages["propose with errors"] = await HtmlOfAsync(admin, $"{decisions}/new", new() { ["Input.Question"] = "", ["Input.Closes"] = "soon", ["Input.Quorum"] = "many" }, "Propose");
        var (putToDecision, _) = await admin.SubmitAsync($"{decisions}/new", new Dictionary<string, string>
        {
            ["Input.Question"] = "Shall we try a valid idea?",
            ["Input.Proposal"] = "A **bold** idea.\n\n- one\n- two",
            ["Input.Background"] = "Why: [the handbook](/handbook).",
            ["Input.Closes"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm"),
            ["Input.Quorum"] = "2",
            ["Input.Visibility"] = "Names",
        }, "Propose");
        var decision = putToDecision.Headers.Location!.OriginalString;
        await kim.SubmitAsync(decision, new Dictionary<string, string> { ["Choice"] = "Block", ["Reason"] = "Not yet." }, "Answer");
        await admin.SubmitAsync(decision, new Dictionary<string, string> { ["Proposal"] = "A **better** idea.", ["Note"] = "Met Kim's concern." }, "Amend");
        await admin.SubmitAsync(decision, new Dictionary<string, string> { ["Choice"] = "Agree" }, "Answer");
        pages["decision with answers"] = await (await kim.Http.GetAsync(decision)).Content.ReadAsStringAsync();
        pages["decision answer with errors"] = await HtmlOfAsync(kim, decision, new() { ["Choice"] = "Block" }, "Answer");
        // The other two kinds: advice asked of Kim and given, and a time poll Kim answered.
        var adviserId = await hub.FromDbAsync(db => db.Users.Where(u => u.Email == "kim@test.example").Select(u => u.Id).SingleAsync());
        var (askedAdvice, _) = await admin.SubmitAsync($"{decisions}/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Advice",
            ["Input.Question"] = "Shall I book the hall <for> spring?",
            ["Input.Proposal"] = "The **hall** on Fridays.",
            ["Input.Background"] = "",
            ["Input.Closes"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm"),
            ["Input.Quorum"] = "",
            ["Input.Visibility"] = "Names",
            ["Input.Advisers[0]"] = adviserId,
        }, "Propose");
        var adviceDecision = askedAdvice.Headers.Location!.OriginalString;
        pages["advice asked, adviser"] = await (await kim.Http.GetAsync(adviceDecision)).Content.ReadAsStringAsync();
        await kim.SubmitAsync(adviceDecision, new Dictionary<string, string> { ["Choice"] = "Support", ["Reason"] = "Ask the library first." }, "Answer");
        pages["advice given, proposer"] = await (await admin.Http.GetAsync(adviceDecision)).Content.ReadAsStringAsync();
        Assert.Contains("Ask the library first.", pages["advice given, proposer"]);
        var (startedPoll, _) = await admin.SubmitAsync($"{decisions}/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "TimePoll",
            ["Input.Question"] = "When shall we meet?",
            ["Input.Proposal"] = "",
            ["Input.Background"] = "",
            ["Input.Closes"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm"),
            ["Input.Quorum"] = "",
            ["Input.Visibility"] = "Names",
            ["Input.Options[0]"] = DateTime.UtcNow.Date.AddDays(20).AddHours(19).ToString("yyyy-MM-ddTHH:mm"),
            ["Input.Options[1]"] = DateTime.UtcNow.Date.AddDays(21).AddHours(10).ToString("yyyy-MM-ddTHH:mm"),
        }, "Propose");
        var poll = startedPoll.Headers.Location!.OriginalString;
        var pollId = Guid.Parse(poll.Split('/')[^1]);
        var times = await hub.FromDbAsync(db => db.DecisionOptions.Where(o => o.DecisionId == pollId).OrderBy(o => o.Position).Select(o => o.Id).ToListAsync());
        await kim.SubmitAsync(poll, new Dictionary<string, string> { [$"Availability[{times[0]}]"] = "Yes", [$"Availability[{times[1]}]"] = "IfNeedBe" }, "Poll");
        pages["time poll answered"] = await (await kim.Http.GetAsync(poll)).Content.ReadAsStringAsync();
        Assert.Contains("poll-yes", pages["time poll answered"]);
        pages["time poll, proposer"] = await (await admin.Http.GetAsync(poll)).Content.ReadAsStringAsync();
        pages["decisions open"] = await (await admin.Http.GetAsync(decisions)).Content.ReadAsStringAsync();
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>();
            await db.Decisions.ExecuteUpdateAsync(s => s.SetProperty(d => d.ClosesAt, DateTime.UtcNow.AddMinutes(-1)));
        }
        pages["decision outcome to confirm"] = await HtmlOfAsync(admin, decision, new() { ["Result"] = "NotAdopted", ["ResultNote"] = "Not now." }, "Outcome");
        await admin.SubmitAsync(decision, new Dictionary<string, string> { ["Result"] = "NotAdopted", ["ResultNote"] = "Not now.", ["Confirmed"] = "true" }, "Outcome");
        pages["decision in the log"] = await (await kim.Http.GetAsync(decision)).Content.ReadAsStringAsync();
        pages["decision log searched"] = await (await kim.Http.GetAsync($"{decisions}?q=idea")).Content.ReadAsStringAsync();
        // Offers and requests: the list empty, a post with errors, a post with an answer (the poster's view, the
        // answerer's, an answer with errors), the deletion to confirm, the list searched, members found by skill, a profile.
        pages["offers empty"] = await (await admin.Http.GetAsync("/offers")).Content.ReadAsStringAsync();
        pages["offer with errors"] = await HtmlOfAsync(admin, "/offers/new", new() { ["Input.Title"] = "", ["Input.ExpiresOn"] = "soon", ["Input.Kind"] = "Request" }, "Publish");
        var (offered, _) = await admin.SubmitAsync("/offers/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Offer",
            ["Input.Category"] = "Tools",
            ["Input.Title"] = "A ladder & a drill <to lend>",
            ["Input.Details"] = "On **weekends**.\n\n- ladder\n- drill",
            ["Input.Skills"] = "repairs, tools",
            ["Input.Place"] = "Lisbon",
            ["Input.Online"] = "false",
            ["Input.ExpiresOn"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"),
        }, "Publish");
        var offer = offered.Headers.Location!.OriginalString;
        await kim.SubmitAsync(offer, new Dictionary<string, string> { ["Message"] = "I need the ladder on Saturday.\nThank you!", ["ShareEmail"] = "true" }, "Answer");
        pages["offer answered, poster"] = await (await admin.Http.GetAsync(offer)).Content.ReadAsStringAsync();
        pages["offer, answerer"] = await (await kim.Http.GetAsync(offer)).Content.ReadAsStringAsync();
        pages["offer answer with errors"] = await HtmlOfAsync(kim, offer, new() { ["Message"] = "" }, "Answer");
        pages["offer delete to confirm"] = await HtmlOfAsync(admin, offer, new(), "Delete");
        pages["offers searched"] = await (await kim.Http.GetAsync("/offers?q=ladder&place=lisbon&online=true&kind=Offer")).Content.ReadAsStringAsync();
        pages["congregation offers"] = await (await kim.Http.GetAsync($"{congregation}/offers-and-requests")).Content.ReadAsStringAsync();
        pages["members by skill"] = await (await admin.Http.GetAsync($"{congregation}/members?skill=repairs")).Content.ReadAsStringAsync();
        var poster = System.Text.RegularExpressions.Regex.Match(pages["offer, answerer"], "href=\"(/people/[^\"]+)\"").Groups[1].Value;
        pages["profile with offers"] = await (await kim.Http.GetAsync(poster)).Content.ReadAsStringAsync();
        Assert.Contains("A ladder &amp; a drill", pages["profile with offers"]);
        // Introductions: a host not taking part yet, the form with errors, then taking part with an introduction made
        // (Kim, made a member here, was introduced to the administrator), and the visitor's prompt.
        var introductions = $"{congregation}/introductions";
        pages["introductions, not taking part"] = await (await admin.Http.GetAsync(introductions)).Content.ReadAsStringAsync();
        pages["introductions with errors"] = await HtmlOfAsync(admin, introductions, new() { ["Input.EveryWeeks"] = "3", ["Input.Share"] = new string('x', 201) }, "Join");
        await admin.SubmitAsync(introductions, new Dictionary<string, string> { ["Input.EveryWeeks"] = "2", ["Input.Share"] = "I keep bees." }, "Join");
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>();
            var slug = congregation.Split('/')[^1];
            var congregationId = await db.Congregations.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
            var kimId = await db.Users.Where(u => u.Email == "kim@test.example").Select(u => u.Id).SingleAsync();
            var adminId = await db.Users.Where(u => u.Email == "admin@test.example").Select(u => u.Id).SingleAsync();
            await Microsolidarity.Hub.Features.Congregations.JoinCongregation.AddMemberAsync(db, congregationId, kimId, DateTime.UtcNow, default);
            var round = new Microsolidarity.Hub.Data.Introductions.IntroductionRound { Id = Guid.NewGuid(), CongregationId = congregationId, Number = 1, MadeAt = DateTime.UtcNow.AddDays(-8) };
            var introduction = new Microsolidarity.Hub.Data.Introductions.Introduction
            {
                Id = Guid.NewGuid(),
                CongregationId = congregationId,
                MadeAt = round.MadeAt,
                FirstTime = round.MadeAt.AddDays(2),
                SecondTime = round.MadeAt.AddDays(3),
            };
            introduction.People.Add(new() { Id = Guid.NewGuid(), UserId = adminId, Share = "I keep bees." });
            introduction.People.Add(new() { Id = Guid.NewGuid(), UserId = kimId, Share = "Moss & lichen <walks>.", Answer = Microsolidarity.Hub.Data.Introductions.IntroductionAnswer.Met });
            round.Introductions.Add(introduction);
            db.IntroductionRounds.Add(round);
            await db.SaveChangesAsync();
        }
        // Responsibilities: the empty register with its suggestions, the forms with errors, an offer to Kim, her invitation and her list.
        var register = $"{congregation}/responsibilities";
        pages["responsibilities empty"] = await (await admin.Http.GetAsync(register)).Content.ReadAsStringAsync();
        pages["responsibility with errors"] = await HtmlOfAsync(admin, $"{register}/edit", new() { ["Name"] = "" });
        await admin.SubmitAsync(register, new Dictionary<string, string> { ["Suggestion"] = "2" }, "Suggest");
        pages["responsibilities"] = await (await admin.Http.GetAsync(register)).Content.ReadAsStringAsync();
        var handOver = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(pages["responsibilities"]).QuerySelector("a[href$='/offer']")!.GetAttribute("href")!;
        pages["responsibility offer"] = await (await admin.Http.GetAsync(handOver)).Content.ReadAsStringAsync();
        pages["responsibility offer with errors"] = await HtmlOfAsync(admin, handOver, new() { ["ToUserId"] = "" });
        var kimPick = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(pages["responsibility offer"]).QuerySelectorAll("option").First(o => o.TextContent == "Kim").GetAttribute("value")!;
        await admin.SubmitAsync(handOver, new Dictionary<string, string> { ["ToUserId"] = kimPick, ["Note"] = "You would be good at this." });
        pages["responsibility invitation"] = await (await kim.Http.GetAsync(register)).Content.ReadAsStringAsync();
        await kim.SubmitAsync(register, new Dictionary<string, string> { ["accept"] = "true" }, "Answer");
        pages["my responsibilities"] = await (await kim.Http.GetAsync("/me/responsibilities")).Content.ReadAsStringAsync();
        pages["introductions, taking part"] = await (await admin.Http.GetAsync(introductions)).Content.ReadAsStringAsync();
        await admin.SubmitAsync(introductions, new Dictionary<string, string>(), "Pause");
        pages["introductions, paused"] = await (await admin.Http.GetAsync(introductions)).Content.ReadAsStringAsync();
        pages["introductions, kim"] = await (await kim.Http.GetAsync(introductions)).Content.ReadAsStringAsync();
        pages["visitor introductions"] = await (await visitor.Http.GetAsync(introductions)).Content.ReadAsStringAsync();
        Assert.Contains("Moss &amp; lichen &lt;walks&gt;.", pages["introductions, taking part"]);
        Assert.Contains("id=\"rounds\"", pages["introductions, taking part"]);
        Assert.Contains("Thursdays suit me.", pages["call, a request waiting"]);
        Assert.Contains("id=\"confirm-start\"", pages["call, start to confirm"]);
        Assert.Contains("id=\"confirm-close\"", pages["call, close to confirm"]);
        Assert.Contains("Valid call", pages["crews with open calls"]);
        // Hosting together: the hosts' page with an invitation out and with errors, as the one invited, with the hosts' log;
        // a member's proposal and a host deciding it; the levels; a host's invitation to a member and the member's page of them.
        var circleId = await Features.Gatherings.GatheringTestKit.CongregationIdAsync(hub, "Valid Markup Circle");
        var soon = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(9));
        var hosted = await Features.Gatherings.GatheringTestKit.CreateAsync(admin, Features.Gatherings.GatheringTestKit.Form($"congregation:{circleId}", "Valid co-hosted gathering", soon));
        pages["hosts, invite with errors"] = await HtmlOfAsync(admin, $"{hosted}/hosts", new() { ["Person"] = "nobody at all" }, "Invite");
        await admin.SubmitAsync($"{hosted}/hosts", new Dictionary<string, string> { ["Person"] = "Kim" }, "Invite");
        pages["hosts, invited"] = await (await kim.Http.GetAsync($"{hosted}/hosts")).Content.ReadAsStringAsync();
        pages["hosts, an invitation waiting"] = await (await admin.Http.GetAsync($"{hosted}/hosts")).Content.ReadAsStringAsync();
        pages["event, invited to co-host"] = await (await kim.Http.GetAsync(hosted)).Content.ReadAsStringAsync();
        await kim.SubmitAsync($"{hosted}/hosts", new Dictionary<string, string> { ["accept"] = "true" }, "Answer");
        pages["hosts, with the log"] = await (await admin.Http.GetAsync($"{hosted}/hosts")).Content.ReadAsStringAsync();
        pages["hosts, as a co-host who may step down"] = await (await kim.Http.GetAsync($"{hosted}/hosts")).Content.ReadAsStringAsync();
        pages["hosts, remove unconfirmed"] = await HtmlOfAsync(admin, $"{hosted}/hosts", new() { ["Confirm"] = "false" }, "Remove");
        var (proposed, _) = await kim.SubmitAsync("/gatherings/new", Features.Gatherings.GatheringTestKit.Form($"congregation:{circleId}", "Valid proposal", soon));
        var proposal = proposed.Headers.Location!.OriginalString;
        pages["event, a proposal"] = await (await kim.Http.GetAsync(proposal)).Content.ReadAsStringAsync();
        pages["hosts, decide with errors"] = await HtmlOfAsync(admin, $"{proposal}/hosts", new() { ["approve"] = "false", ["Message"] = "" }, "Decide");
        pages["levels"] = await (await admin.Http.GetAsync($"{congregation}/levels")).Content.ReadAsStringAsync();
        pages["levels with errors"] = await HtmlOfAsync(admin, $"{congregation}/levels", new() { ["NewName"] = "" }, "Add");
        pages["levels, a removal asking where its people go"] = await HtmlOfAsync(admin, $"{congregation}/levels", new() { ["Confirm"] = "false" }, "Remove");
        await admin.SubmitAsync($"{congregation}/levels", new Dictionary<string, string>(), "Move");
        pages["host, with what the hosts did"] = await (await admin.Http.GetAsync($"{congregation}/host")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"host-actions\"", pages["host, with what the hosts did"]);
        await admin.SubmitAsync($"{congregation}/members", new Dictionary<string, string>(), "Network");
        pages["members, an invitation waiting"] = await (await admin.Http.GetAsync($"{congregation}/members")).Content.ReadAsStringAsync();
        pages["offers"] = await (await kim.Http.GetAsync($"{congregation}/offers")).Content.ReadAsStringAsync();
        pages["offers, none"] = await (await admin.Http.GetAsync($"{congregation}/offers")).Content.ReadAsStringAsync();
        Assert.Contains("<strong>Kim</strong> co-hosts", pages["hosts, with the log"]);
        Assert.Contains("invites you to become a network member", pages["offers"]);
        pages["account with errors"] = await HtmlOfAsync(admin, "/account", new() { ["Email.NewEmail"] = "x", ["Email.Password"] = "" }, "ChangeEmail");
        pages["handbook empty"] = await (await admin.Http.GetAsync("/handbook")).Content.ReadAsStringAsync();
        pages["admin /admin/handbook empty"] = await (await admin.Http.GetAsync("/admin/handbook")).Content.ReadAsStringAsync();
        pages["admin handbook with errors"] = await HtmlOfAsync(admin, "/admin/handbook", new() { ["Input.Source"] = "" });
        var sample = SampleHandbook.Write();
        // A page with each construct that a script enhances: tabs, numbered code, math, a diagram.
        SampleHandbook.AddConstructs(sample);
        using (var scope = hub.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(sample);
        }
        Directory.Delete(sample, recursive: true);
        foreach (var path in new[] { "/handbook", "/handbook/practices/crews", "/handbook/practices/retrospectives", "/handbook/places/caf%C3%A9", "/search", "/search?q=crews", "/search?q=zzyzx", "/admin/handbook", "/handbook.html", "/handbook/practices/constructs", "/handbook-diagram-frame" })
        {
            pages[$"handbook {path}"] = await (await admin.Http.GetAsync(path)).Content.ReadAsStringAsync();
        }
        Assert.Contains("class=\"code-block line-numbers\"", pages["handbook /handbook/practices/constructs"]);
        Assert.Contains("data-diagram=\"mermaid\"", pages["handbook /handbook/practices/constructs"]);
        using (var scope = hub.Services.CreateScope())
        {
            var gate = scope.ServiceProvider.GetRequiredService<HandbookImportGate>();
            var running = await gate.TryStartAsync("/srv/handbook", "command");
            await gate.ReportAsync(running!.Id, new ImportProgress("Rendering pages", 3, 3, 1, 3));
            pages["admin handbook importing"] = await (await admin.Http.GetAsync("/admin/handbook")).Content.ReadAsStringAsync();
            await gate.FinishAsync(running.Id);
        }
        pages["programs empty"] = await (await admin.Http.GetAsync("/programs")).Content.ReadAsStringAsync();
        pages["new program with errors"] = await HtmlOfAsync(admin, "/programs/new", new() { ["Input.Name"] = "", ["Input.Participants"] = "Ana" });
        var (saved, _) = await admin.SubmitAsync("/programs/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Valid program",
            ["Input.Participants"] = "Ana, ana@test.example\nBen, ben@test.example\nCai, cai@test.example\nDee, dee@test.example",
            ["Input.Calls"] = "2, 3, all",
            ["Input.Absences"] = "2: Dee",
        });
        var program = saved.Headers.Location!.OriginalString;
        foreach (var path in new[] { "/programs", program, $"{program}/edit", $"{program}/print" })
        {
            pages[$"program {path}"] = await (await admin.Http.GetAsync(path)).Content.ReadAsStringAsync();
        }
        var secret = System.Text.RegularExpressions.Regex.Match(pages[$"program {program}"], "href=\"(/programs/rooms/[^\"]+)\"").Groups[1].Value;
        pages["participant rooms"] = await (await visitor.Http.GetAsync(secret)).Content.ReadAsStringAsync();
        pages["program delete unconfirmed"] = await HtmlOfAsync(admin, program, new(), "Delete");
        // A program's places and team by email: Kim has a place, Lou is invited to the team; the team's forms with errors.
        var (placed, _) = await admin.SubmitAsync("/programs/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Program with places",
            ["Input.Participants"] = "Kim, kim@test.example\nAna, ana@test.example\nBen, ben@test.example\nCai, cai@test.example",
            ["Input.Calls"] = "2, all",
        });
        var places = placed.Headers.Location!.OriginalString;
        await admin.SubmitAsync(places, new Dictionary<string, string>(), "Invite");
        pages["program invited"] = await (await admin.Http.GetAsync(places)).Content.ReadAsStringAsync();
        await admin.SubmitAsync(places, new Dictionary<string, string> { ["Email"] = "lou@test.example" }, "Team");
        pages["program team with errors"] = await HtmlOfAsync(admin, places, new() { ["Email"] = "not an address" }, "Team");
        pages["program form crews with errors"] = await HtmlOfAsync(admin, places, new() { ["RoundTitle"] = "", ["Due"] = "" }, "FormCrews");
        pages["program start"] = await (await admin.Http.GetAsync($"{places}/calls/1/start")).Content.ReadAsStringAsync();
        pages["program start circle"] = await (await admin.Http.GetAsync($"{places}/calls/2/start")).Content.ReadAsStringAsync();
        pages["program participant"] = await (await kim.Http.GetAsync(places)).Content.ReadAsStringAsync();
        pages["program team invitation"] = await (await lou.Http.GetAsync(places)).Content.ReadAsStringAsync();
        Assert.Contains("your-rooms", pages["program participant"]);
        Assert.Contains("team-invitation", pages["program team invitation"]);
        pages["delete with errors"] = await HtmlOfAsync(admin, "/account/delete", new() { ["Password"] = "wrong" });
        // The crew closes: its agreements stay to read.
        using (var scope = hub.Services.CreateScope())
        {
            var crewId = Guid.Parse(crew.Split('/')[2]);
            await scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>().Crews.Where(c => c.Id == crewId)
                .ExecuteUpdateAsync(x => x.SetProperty(c => c.Stage, Microsolidarity.Hub.Data.Crews.CrewStage.Disbanded));
        }
        pages["crew agreements, the crew closed"] = await (await kim.Http.GetAsync(agreements)).Content.ReadAsStringAsync();
        Assert.Contains("agreements-ended", pages["crew agreements, the crew closed"]);
        foreach (var (name, html) in await Features.Gatherings.GatheringTestKit.PagesForValidityAsync(hub, admin, kim, visitor))
        {
            pages[name] = html;
        }
        foreach (var (name, html) in await Features.Gatherings.GatheringCrewsTestKit.PagesForValidityAsync(admin, kim, lou))
        {
            pages[name] = html;
        }

        // Updates: empty, with errors, then with the demo's episodes and issue.
        foreach (var path in new[] { "/newsletter", "/podcast", "/newsletter/confirm?token=x", "/newsletter/unsubscribe?token=x" })
        {
            pages[$"updates {path}"] = await (await visitor.Http.GetAsync(path)).Content.ReadAsStringAsync();
        }
        foreach (var path in new[] { "/newsletter/write", "/admin/webhooks", "/podcast/new" })
        {
            pages[$"updates admin {path}"] = await (await admin.Http.GetAsync(path)).Content.ReadAsStringAsync();
        }
        pages["subscribe with errors"] = await HtmlOfAsync(visitor, "/newsletter", new() { ["Email"] = "nope" });
        pages["episode with errors"] = await HtmlOfAsync(admin, "/podcast/new", new() { ["Title"] = "", ["Duration"] = "x" });
        await admin.PostFromAsync("/admin/webhooks", "/admin/webhooks?handler=Add", new Dictionary<string, string> { ["Name"] = "", ["Address"] = "x" });
        pages["webhooks with errors"] = admin.LastHtml;
        await admin.PostFromAsync("/newsletter/write", "/newsletter/write?handler=Preview", new Dictionary<string, string> { ["Subject"] = "Hello", ["Markdown"] = "**Hi** [there](/handbook)", ["Segment"] = "Everyone" });
        pages["newsletter preview"] = admin.LastHtml;
        using (var scope = hub.Services.CreateScope())
        {
            await SeedDemoUpdates.RunAsync(scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>(), scope.ServiceProvider, DateTime.UtcNow);
        }
        var issueId = await hub.FromDbAsync(db => db.NewsletterIssues.Select(i => i.Id).FirstAsync());
        foreach (var path in new[] { "/", "/podcast", "/podcast/first-crews-in-lisbon", "/newsletter", $"/newsletter/{issueId}" })
        {
            pages[$"updates with content {path}"] = await (await visitor.Http.GetAsync(path)).Content.ReadAsStringAsync();
        }

        // The same pages in German: longer words, other punctuation, and every name of a language in the switcher with
        // its own lang. A visitor asks by the switcher's cookie; an administrator by the language saved on the account.
        var german = hub.NewClient();
        german.Http.DefaultRequestHeaders.Add("Cookie", "hub-language=de");
        foreach (var path in visitorPaths)
        {
            pages[$"de {path}"] = await (await german.Http.GetAsync(path)).Content.ReadAsStringAsync();
        }
        pages["de sign-up with errors"] = await HtmlOfAsync(german, "/account/sign-up", new() { ["Input.Email"] = "nope", ["Input.Password"] = "short" });
        await hub.CreatePersonAsync("verwaltung@test.example", "schlüssel zum saal", admin: true);
        await hub.FromDbAsync(db => db.Users.Where(u => u.Email == "verwaltung@test.example").ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, "de")));
        var deAdmin = await hub.SignedInClientAsync("verwaltung@test.example", "schlüssel zum saal");
        foreach (var path in adminPaths.Concat([congregation, $"{congregation}/host", $"{congregation}/working-groups", "/congregations/new", "/programs", "/podcast/new", "/newsletter/write"]))
        {
            pages[$"de admin {path}"] = await (await deAdmin.Http.GetAsync(path)).Content.ReadAsStringAsync();
        }
        pages["de profile with errors"] = await HtmlOfAsync(deAdmin, "/me/profile", new() { ["Input.TimeZone"] = "Nowhere/Else", ["Free"] = "30" });
        Assert.Contains("<html lang=\"de\"", pages["de /"]);
        Assert.Contains("<html lang=\"de\"", pages["de admin /me"]);

        // A page known to be wrong goes along, so a checker that silently checks nothing fails the test.
        pages["control"] = "<!DOCTYPE html><html lang=en><title>x</title><p><div></p>";
        var errors = await NuHtmlChecker.ErrorsAsync(pages);
        Assert.Contains(errors, e => e.StartsWith("control:", StringComparison.Ordinal));
        var real = errors.Where(e => !e.StartsWith("control:", StringComparison.Ordinal)).ToList();
        Assert.True(real.Count == 0, string.Join("\n", real));
    }

    private static async Task<string> HtmlOfAsync(FormClient client, string url, Dictionary<string, string> fields, string? handler = null)
    {
        await client.SubmitAsync(url, fields, handler);
        return client.LastHtml;
    }
}
