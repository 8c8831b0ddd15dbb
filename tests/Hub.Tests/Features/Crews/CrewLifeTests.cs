using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Crews;

public sealed class CrewLifeTests : IAsyncLifetime
{
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];
    private static readonly string[] Names = ["ana", "ben", "cy", "dee", "eli", "fin", "gus", "hal", "ida"];

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync();
        foreach (var name in Names)
        {
            await hub.CreatePersonAsync($"{name}@test.example", "rain on a tin roof", name: char.ToUpperInvariant(name[0]) + name[1..]);
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", "rain on a tin roof");
        }
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private static Dictionary<string, string> CallForm(string invitees, string zone = "Europe/Lisbon") => new()
    {
        ["Input.Name"] = "Tuesday crew",
        ["Input.Purpose"] = "Peer coaching with the case clinic.",
        ["Input.Invitees"] = invitees,
        ["Input.Cadence"] = "Weekly",
        ["Input.Meetings"] = "6",
        ["Input.SlotDay"] = "Tuesday",
        ["Input.SlotTime"] = "19:00",
        ["Input.TimeZone"] = zone,
    };

    private async Task<string> CallAsync(string caller, params string[] invitees)
    {
        var (response, page) = await people[caller].SubmitAsync("/crews/new", CallForm(string.Join("\n", invitees.Select(i => $"{i}@test.example"))));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        return response.Headers.Location!.OriginalString;
    }

    private async Task RespondAsync(string person, string crew, bool accept)
    {
        var (response, page) = await people[person].SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = accept ? "true" : "false" }, handler: "Respond");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("[role=alert]")?.TextContent);
    }

    [Fact]
    public async Task Call_TooManyMalformedOrWrongZone_ExplainsAndKeepsTheForm()
    {
        var (nine, ninePage) = await people["ana"].SubmitAsync("/crews/new", CallForm(string.Join("\n", Names.Skip(1).Select(n => $"{n}@test.example"))));
        Assert.Equal(HttpStatusCode.OK, nine.StatusCode);
        Assert.Contains("Invite 2 to 5 people", ninePage.QuerySelector("#invitees-error")!.TextContent);
        Assert.Contains("ida@test.example", ninePage.QuerySelector("#invitees")!.TextContent);

        var (malformed, malformedPage) = await people["ana"].SubmitAsync("/crews/new", CallForm("ben@test.example\nnobody-at-test.example"));
        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
        Assert.Contains("does not look like an email address: nobody-at-test.example", malformedPage.QuerySelector("#invitees-error")!.TextContent);

        // Several problems at once are all reported at once, each beside its field.
        var all = CallForm("ben@test.example", "Mars/Olympus_Mons");
        all["Input.Meetings"] = "20";
        var (_, allPage) = await people["ana"].SubmitAsync("/crews/new", all);
        Assert.Contains("Invite 2 to 5 people", allPage.QuerySelector("#invitees-error")!.TextContent);
        Assert.Contains("not a time zone we know", allPage.QuerySelector("#zone-error")!.TextContent);
        Assert.Contains("2 to 12 meetings", allPage.QuerySelector("main")!.TextContent);

        var (zone, zonePage) = await people["ana"].SubmitAsync("/crews/new", CallForm("ben@test.example\ncy@test.example", "Mars/Olympus_Mons"));
        Assert.Contains("not a time zone we know", zonePage.QuerySelector("#zone-error")!.TextContent);
        using var scope = hub.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<HubDbContext>().Crews.CountAsync());
    }

    [Fact]
    public async Task Crew_FormsMeetsAndRetrospective_ContinuesWithThoseWhoChoseToWithoutSayingWho()
    {
        var crew = await CallAsync("ana", "ben", "cy", "dee");
        await hub.Smtp!.WaitForAsync("ben@test.example", "invites you to a crew");
        var (outsider, _) = await people["hal"].GetAsync(crew);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);

        await RespondAsync("ben", crew, accept: true);
        var (tooSmall, tooSmallPage) = await people["ana"].GetAsync(crew);
        Assert.Contains("2 of at least 3 have joined", tooSmallPage.QuerySelector(".notice.warn")!.TextContent);
        await RespondAsync("cy", crew, accept: true);
        await RespondAsync("dee", crew, accept: false);

        var nextTuesday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        while (nextTuesday.DayOfWeek != DayOfWeek.Tuesday)
        {
            nextTuesday = nextTuesday.AddDays(1);
        }
        var (wrongDay, wrongDayPage) = await people["ana"].SubmitAsync(crew, new Dictionary<string, string> { ["FirstDate"] = nextTuesday.AddDays(1).ToString("yyyy-MM-dd") }, handler: "Start");
        Assert.Contains("choose a Tuesday", wrongDayPage.QuerySelector("#first-date-error")!.TextContent);
        var (started, _) = await people["ana"].SubmitAsync(crew, new Dictionary<string, string> { ["FirstDate"] = nextTuesday.ToString("yyyy-MM-dd") }, handler: "Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        var (_, space) = await people["ben"].GetAsync(crew);
        Assert.Equal(6, space.QuerySelectorAll("article.card").Length);
        Assert.Contains("Host: Ana", space.QuerySelectorAll("article.card")[0].TextContent);
        Assert.Contains("Focus: Ben", space.QuerySelectorAll("article.card")[0].TextContent);

        var meetingId = space.QuerySelector("form[action*='handler=Notes'] input[name=MeetingId]")!.GetAttribute("value")!;
        await people["ben"].SubmitAsync(crew, new Dictionary<string, string> { ["MeetingId"] = meetingId, ["Notes"] = "Ben's case: changing jobs." }, handler: "Notes");
        var (_, dee) = await people["dee"].GetAsync(crew);
        Assert.DoesNotContain("changing jobs", dee.DocumentElement.OuterHtml);
        var (_, hal) = await people["hal"].GetAsync("/crews");
        Assert.DoesNotContain("Tuesday crew", hal.DocumentElement.OuterHtml);

        // The term ends: its meetings are moved into the past.
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            await db.CrewMeetings.ExecuteUpdateAsync(s => s.SetProperty(m => m.StartsAt, m => m.StartsAt.AddDays(-70)));
        }
        await people["ana"].SubmitAsync(crew, new Dictionary<string, string> { ["Worked"] = "The rhythm.", ["DidNot"] = "Too short.", ["Choice"] = "Continue" }, handler: "Retrospective");
        await people["ben"].SubmitAsync(crew, new Dictionary<string, string> { ["Worked"] = "Listening.", ["DidNot"] = "Secret reason of mine.", ["Choice"] = "Leave" }, handler: "Retrospective");
        var (_, midway) = await people["ana"].GetAsync(crew);
        Assert.Contains("2 of 3 have answered", midway.QuerySelector("#retro")!.ParentElement!.TextContent);
        Assert.DoesNotContain("Secret reason", midway.DocumentElement.OuterHtml);
        await people["cy"].SubmitAsync(crew, new Dictionary<string, string> { ["Worked"] = "All of it.", ["DidNot"] = "", ["Choice"] = "Continue" }, handler: "Retrospective");

        var (_, after) = await people["cy"].GetAsync(crew);
        Assert.Contains("The crew continues with two.", after.QuerySelector("#outcome")!.TextContent);
        Assert.DoesNotContain("Secret reason", after.DocumentElement.OuterHtml);
        Assert.DoesNotContain("Leave", after.QuerySelector("#outcome")!.TextContent);
        Assert.Contains("term 2", after.QuerySelector("main")!.TextContent);

        // Smaller now, the crew invites someone for its next term; inviting a current member is refused.
        var (again, againPage) = await people["cy"].SubmitAsync(crew, new Dictionary<string, string> { ["InviteEmail"] = "ana@test.example" }, handler: "Invite");
        Assert.Contains("in the crew or invited already", againPage.QuerySelector("#invite-email-error")!.TextContent);
        var (invited, _) = await people["cy"].SubmitAsync(crew, new Dictionary<string, string> { ["InviteEmail"] = "eli@test.example" }, handler: "Invite");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        await hub.Smtp.WaitForAsync("eli@test.example", "invites you to a crew");
        await RespondAsync("eli", crew, accept: true);
        var (_, grown) = await people["ana"].GetAsync(crew);
        Assert.NotNull(grown.QuerySelector("form[action*='handler=Start']"));
    }

    [Fact]
    public async Task Accept_TwoPeopleForTheLastPlaceAtOnce_OneGetsItOneIsToldItIsFull()
    {
        var crew = await CallAsync("ana", "ben", "cy", "dee", "eli", "fin");
        foreach (var person in new[] { "ben", "cy", "dee", "eli" })
        {
            await RespondAsync(person, crew, accept: true);
        }
        // A second invitation round left two people invited for the one remaining place.
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var crewId = Guid.Parse(crew.Split('/')[^1]);
            var gus = await db.Users.SingleAsync(u => u.Email == "gus@test.example");
            db.CrewMembers.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crewId, UserId = gus.Id, Status = CrewMemberStatus.Invited, InvitedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var tokens = new Dictionary<string, string>();
        foreach (var person in new[] { "fin", "gus" })
        {
            var (_, page) = await people[person].GetAsync(crew);
            tokens[person] = page.QuerySelector("form[action*='handler=Respond'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        }
        var answers = await Task.WhenAll(new[] { "fin", "gus" }.Select(person => people[person].PostAsync($"{crew}?handler=Respond",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = tokens[person], ["Accept"] = "true" })));
        Assert.Equal(1, answers.Count(a => a.Response.StatusCode == HttpStatusCode.Redirect));
        var refused = answers.Single(a => a.Response.StatusCode == HttpStatusCode.OK);
        Assert.Contains("The crew is full", refused.Page.QuerySelector("[role=alert]")!.TextContent);
        using var check = hub.Services.CreateScope();
        var joined = await check.ServiceProvider.GetRequiredService<HubDbContext>().CrewMembers.CountAsync(m => m.Status == CrewMemberStatus.Joined);
        Assert.Equal(6, joined);
    }

    [Fact]
    public async Task Pause_KeepsAWayBackForTheNextTerm_LeaveDoesNot()
    {
        var crew = await CallAsync("eli", "fin", "gus", "hal");
        foreach (var p in new[] { "fin", "gus", "hal" })
        {
            await RespondAsync(p, crew, accept: true);
        }
        var tuesday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        while (tuesday.DayOfWeek != DayOfWeek.Tuesday)
        {
            tuesday = tuesday.AddDays(1);
        }
        await people["eli"].SubmitAsync(crew, new Dictionary<string, string> { ["FirstDate"] = tuesday.ToString("yyyy-MM-dd") }, handler: "Start");
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var id = Guid.Parse(crew.Split('/').Last());
            await db.CrewMeetings.Where(m => m.CrewId == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.StartsAt, m => m.StartsAt.AddDays(-70)));
        }
        foreach (var (person, choice) in new[] { ("eli", "Continue"), ("fin", "Pause"), ("gus", "Continue"), ("hal", "Leave") })
        {
            await people[person].SubmitAsync(crew, new Dictionary<string, string> { ["Worked"] = "", ["DidNot"] = "", ["Choice"] = choice }, handler: "Retrospective");
        }
        var (_, after) = await people["eli"].GetAsync(crew);
        Assert.Contains("The crew continues with two.", after.QuerySelector("#outcome")!.TextContent);

        var (_, halPage) = await people["hal"].GetAsync(crew);
        Assert.Null(halPage.QuerySelector("#paused"));
        var (_, finPage) = await people["fin"].GetAsync(crew);
        Assert.Contains("There is a place for you", finPage.QuerySelector("#paused")!.ParentElement!.TextContent);
        var (_, finList) = await people["fin"].GetAsync("/crews");
        Assert.Contains("You paused", finList.QuerySelector("main")!.TextContent);

        var (back, _) = await people["fin"].SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Return");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var (_, finAgain) = await people["fin"].GetAsync(crew);
        Assert.Null(finAgain.QuerySelector("#paused"));
        Assert.Contains("Fin", finAgain.QuerySelector("#people")!.ParentElement!.TextContent);
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var id = Guid.Parse(crew.Split('/').Last());
            Assert.Equal(3, await db.Crews.Where(c => c.Id == id).Select(c => c.JoinedCount).SingleAsync());
            Assert.Equal(CrewMemberStatus.Left, await db.CrewMembers.Where(m => m.CrewId == id && m.User.Email == "hal@test.example").Select(m => m.Status).SingleAsync());
        }
    }

    [Fact]
    public async Task Call_InsideACongregation_OnlyOneTheCallerBelongsTo_AndTheCrewSaysWhose()
    {
        var ours = await Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit.CreateAsync(people["ana"], "Crew Garden");
        var theirs = await Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit.CreateAsync(people["hal"], "Elsewhere Circle");
        Guid IdOf(string path)
        {
            using var scope = hub.Services.CreateScope();
            var slug = Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit.SlugOf(path);
            return scope.ServiceProvider.GetRequiredService<HubDbContext>().Congregations.Single(c => c.Slug == slug).Id;
        }

        // The form offers Ana's congregations, with the one she came from chosen.
        var (_, form) = await people["ana"].GetAsync($"/crews/new?congregation={Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit.SlugOf(ours)}");
        Assert.Equal(["None: a crew on its own", "Crew Garden"], form.QuerySelectorAll("#congregation option").Select(o => o.TextContent.Trim()));
        Assert.Equal(IdOf(ours).ToString(), form.QuerySelector("#congregation option[selected]")!.GetAttribute("value"));

        // A forged choice of a congregation she does not belong to is refused beside the field.
        var forged = CallForm("ben@test.example\ncy@test.example");
        forged["Input.CongregationId"] = IdOf(theirs).ToString();
        var (refused, refusedPage) = await people["ana"].SubmitAsync("/crews/new", forged);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("a congregation you belong to", refusedPage.QuerySelector("#congregation-error")!.TextContent);

        var call = CallForm("ben@test.example\ncy@test.example");
        call["Input.CongregationId"] = IdOf(ours).ToString();
        var (called, _) = await people["ana"].SubmitAsync("/crews/new", call);
        Assert.Equal(HttpStatusCode.Redirect, called.StatusCode);
        var crew = called.Headers.Location!.OriginalString;
        var invitation = await hub.Smtp!.WaitForAsync("ben@test.example", "invites you to a crew");
        Assert.Contains("a crew in Crew Garden", invitation.TextBody);
        var (_, crewPage) = await people["ana"].GetAsync(crew);
        Assert.Equal(ours, crewPage.QuerySelector("main a[href^='/congregations/']")!.GetAttribute("href"));
    }
}
