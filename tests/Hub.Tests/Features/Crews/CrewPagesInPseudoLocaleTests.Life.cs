using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Crews;

/// <summary>
/// The rest of a crew's life in the pseudo-locale: its call in a congregation, its meetings and their room, its agreements,
/// its look back and the record of an earlier term; and a dyad's own pages. Everything is made through the hub's forms.
/// </summary>
public sealed partial class CrewPagesInPseudoLocaleTests
{
    [Fact]
    public async Task CallPages_ShowNoWordThatSkippedLocalisation()
    {
        var caller = await PersonAsync("caller");
        var ben = await PersonAsync("ben");
        var congregationName = Unique.Name("Calling Circle");
        var congregation = await CreateAsync(caller.Client, congregationName);
        await ben.Client.SubmitAsync(congregation, new Dictionary<string, string>(), handler: "Join");
        var calls = $"{congregation}/calls";
        string[] people = [congregationName, caller.Name, ben.Name, "Europe/Lisbon"];
        await AssertLocalisedAsync(caller.Client, calls, "the calls page without a call", people);

        var callName = Unique.Name("Thursday case clinic");
        var purpose = "Peer coaching, one challenge each week.";
        var (posted, postedPage) = await caller.Client.SubmitAsync(calls, CrewCallForm.Fields(callName, purpose), handler: "Call");
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, postedPage.QuerySelector("main")?.TextContent);
        var call = posted.Headers.Location!.OriginalString;
        string[] data = [.. people, callName, purpose];
        await AssertLocalisedAsync(caller.Client, call, "a call without requests, for its caller", data);
        await AssertLocalisedAsync(ben.Client, call, "a call to ask to join", data);

        var note = "Thursdays suit me, and I would like a case clinic.";
        var (asked, askedPage) = await ben.Client.SubmitAsync(call, new Dictionary<string, string> { ["Note"] = note }, handler: "Ask");
        Assert.True(asked.StatusCode == HttpStatusCode.Redirect, askedPage.QuerySelector("main")?.TextContent);
        await AssertLocalisedAsync(caller.Client, call, "a call with a request waiting", [.. data, note]);
        await AssertLocalisedAsync(ben.Client, call, "a call with my request waiting", [.. data, note]);
        await AssertLocalisedAsync(ben.Client, calls, "the calls page with an open call", [.. data, note]);
        var (_, waiting) = await caller.Client.GetAsync(call);
        var request = waiting.QuerySelector("li[id^=request-]")!.Id!["request-".Length..];
        var (accepted, acceptedPage) = await caller.Client.SubmitAsync(call, new Dictionary<string, string> { ["RequestId"] = request }, handler: "Accept");
        Assert.True(accepted.StatusCode == HttpStatusCode.Redirect, acceptedPage.QuerySelector("main")?.TextContent);
        await AssertLocalisedAsync(caller.Client, call, "a call with someone accepted, ready to start", [.. data, note]);
    }

    [Fact]
    public async Task MeetingAgreementAndLookBackPages_ShowNoWordThatSkippedLocalisation()
    {
        var ana = await PersonAsync("ana");
        var ben = await PersonAsync("ben");
        var cy = await PersonAsync("cy");
        var crewName = Unique.Name("Tuesday crew");
        var (called, _) = await ana.Client.SubmitAsync("/crews/new", new Dictionary<string, string>
        {
            ["Input.Name"] = crewName,
            ["Input.Purpose"] = "",
            ["Input.Invitees"] = $"{ben.Email}\n{cy.Email}",
            ["Input.Cadence"] = "Weekly",
            ["Input.Meetings"] = "2",
            ["Input.SlotDay"] = "Tuesday",
            ["Input.SlotTime"] = "19:00",
            ["Input.TimeZone"] = "Europe/Lisbon",
        });
        var crew = called.Headers.Location!.OriginalString;
        foreach (var person in new[] { ben.Client, cy.Client })
        {
            await person.SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Respond");
        }
        var first = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        while (first.DayOfWeek != DayOfWeek.Tuesday)
        {
            first = first.AddDays(1);
        }
        var (started, startedPage) = await ana.Client.SubmitAsync(crew, new Dictionary<string, string> { ["FirstDate"] = first.ToString("yyyy-MM-dd") }, handler: "Start");
        Assert.True(started.StatusCode == HttpStatusCode.Redirect, startedPage.QuerySelector("main")?.TextContent);
        // The practices' own words (titles, summaries, prompts, their minutes) come from the practice library, localised with it;
        // the card drawer and the board's step in the room are the practice library's and the boards' own partials.
        string[] data = [crewName, ana.Name, ben.Name, cy.Name, "Europe/Lisbon",
            "Looking for a way in? Draw a card: a question to talk about, a mission for before next time, or something to do together.", "Draw a card", "See the whole deck",
            "Review the board", "Go through the tests: keep one going, make it an agreement, or let it go. Then say who is around, who takes what, and name the known void.",
            "Test", "Mastery", "Known void", "Open the board"];
        var crewId = Guid.Parse(crew.Split('/')[2]);

        foreach (var (who, path, page) in new[]
        {
            (ana.Client, $"{crew}/meetings/1", "a meeting's page"), (ben.Client, $"{crew}/meetings/1", "a meeting's page for its focus person"),
            (cy.Client, $"{crew}/meetings/1", "a meeting's page for another member"), (ana.Client, $"{crew}/meetings/1/room", "the room before the meeting"),
            (ben.Client, $"{crew}/meetings/1/room?still=true", "the room kept still"), (ana.Client, $"{crew}/plan", "the crew's plan"),
            (ana.Client, $"{crew}/agreements", "the agreements with the draft"), (ana.Client, $"{crew}/retrospective", "the look back before it opens"),
        })
        {
            await AssertLocalisedAsync(who, path, page, data);
        }

        var agreement = "What is said here stays here.\n\nWe come on Tuesdays.";
        await ana.Client.SubmitAsync($"{crew}/agreements", new Dictionary<string, string> { ["Text"] = agreement, ["Note"] = "" }, handler: "Propose");
        await AssertLocalisedAsync(ben.Client, $"{crew}/agreements", "agreements proposed", [.. data, agreement]);

        // Both meetings begin an hour ago and a minute later: the room moves, and the retrospective opens.
        await WithDbAsync(db => db.CrewMeetings.Where(m => m.CrewId == crewId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.StartsAt, m => m.Number == 1 ? DateTime.UtcNow.AddHours(-1) : DateTime.UtcNow.AddMinutes(-1))));
        // The host of the second meeting begins it: whoever the rotation made host.
        var begun = false;
        foreach (var person in new[] { ana.Client, ben.Client, cy.Client })
        {
            begun = begun || (await person.SubmitAsync($"{crew}/meetings/2/room", new Dictionary<string, string> { ["To"] = "0" }, handler: "Move")).Response.StatusCode == HttpStatusCode.Redirect;
        }
        Assert.True(begun, "nobody could begin the second meeting");
        await AssertLocalisedAsync(ben.Client, $"{crew}/meetings/2/room", "the room in its first step", data);
        await ana.Client.SubmitAsync($"{crew}/meetings/2/room", new Dictionary<string, string> { ["Commitments[0]"] = "Call my sister." }, handler: "Commitments");
        await AssertLocalisedAsync(ana.Client, $"{crew}/meetings/2", "a meeting in progress", [.. data, "Call my sister."]);

        var reflection = "Hearing my case mirrored back.";
        await ana.Client.SubmitAsync($"{crew}/retrospective", new Dictionary<string, string> { ["Worked"] = reflection, ["DidNot"] = "", ["OneChange"] = "Start on time." }, handler: "Share");
        await ana.Client.SubmitAsync($"{crew}/retrospective", new Dictionary<string, string> { ["Change"] = "Start on time." }, handler: "Carry");
        await AssertLocalisedAsync(ben.Client, $"{crew}/retrospective", "the look back, open", [.. data, reflection, "Start on time.", agreement]);

        foreach (var person in new[] { ana.Client, ben.Client, cy.Client })
        {
            await person.SubmitAsync(crew, new Dictionary<string, string> { ["Worked"] = "", ["DidNot"] = "", ["Choice"] = "Continue" }, handler: "Retrospective");
        }
        var (_, next) = await ana.Client.GetAsync(crew);
        Assert.StartsWith("⟦", next.QuerySelector("#outcome")!.TextContent.Trim()); // the stored outcome, said in the reader's language
        await AssertLocalisedAsync(ana.Client, crew, "the crew's page with an outcome and an earlier term", [.. data, "Start on time."]);
        await AssertLocalisedAsync(cy.Client, $"{crew}/terms/1/meetings/2/room", "the record of an earlier term's meeting", [.. data, "Call my sister."]);
        await AssertLocalisedAsync(cy.Client, $"{crew}/terms/1/meetings/1/room", "the record of a meeting without its room", data);
    }

    [Fact]
    public async Task DyadOwnPages_ShowNoWordThatSkippedLocalisation()
    {
        var ana = await PersonAsync("ana");
        var ben = await PersonAsync("ben");
        var intention = Unique.Name("Steady company through the spring");
        var (proposed, proposedPage) = await ana.Client.SubmitAsync("/dyads/new", new Dictionary<string, string>
        {
            ["PartnerEmail"] = ben.Email,
            ["Kind"] = "PeerCoaching",
            ["Weeks"] = "6",
            ["Intention"] = intention,
        });
        Assert.True(proposed.StatusCode == HttpStatusCode.Redirect, proposedPage.QuerySelector("main")?.TextContent);
        var id = await WithDbAsync(db => db.Dyads.Where(d => d.Intention == intention).Select(d => d.Id).SingleAsync());
        var dyad = $"/dyads/{id}";
        string[] data = [ana.Name, ben.Name, ben.Email, intention,
            "Looking for a way in? Draw a card: a question to talk about, a mission for before next time, or something to do together.", "Draw a card", "See the whole deck"];
        await AssertLocalisedAsync(ana.Client, dyad, "a dyad waiting for an answer", data);
        await AssertLocalisedAsync(ben.Client, dyad, "a dyad proposed to me", data);

        await ben.Client.SubmitAsync(dyad, new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Respond");
        await ben.Client.SubmitAsync(dyad, new Dictionary<string, string> { ["CheckIn"] = "We walked and talked." }, handler: "CheckIn");
        await AssertLocalisedAsync(ana.Client, dyad, "an active dyad with a check-in", [.. data, "We walked and talked."]);
        await AssertLocalisedAsync(ana.Client, $"{dyad}/agreements", "a dyad's agreements with the draft", data);
    }

    private async Task<T> WithDbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        using var scope = shared.Hub.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }
}
