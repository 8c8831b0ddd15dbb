using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Practices;

/// <summary>
/// The library at every scale: a congregation's own practices (written by its hosts, read by its members),
/// a crew's and a congregation's own cards drawn with the deck, a dyad's check-in structure, and the
/// journal's practice for one person (both databases).
/// </summary>
public sealed class OwnPracticesAndCardsTests : IAsyncLifetime
{
    private const string Password = "lanterns and moths";
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];
    private readonly Dictionary<string, string> ids = [];
    private Guid crewId;
    private Guid dyadId;

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync(smtp: false);
        foreach (var (name, admin) in new[] { ("host", false), ("mia", false), ("out", false), ("root", true) })
        {
            ids[name] = (await hub.CreatePersonAsync($"{name}@test.example", Password, admin: admin, name: char.ToUpperInvariant(name[0]) + name[1..])).Id;
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", Password);
        }
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = DateTime.UtcNow;
        var congregation = new Congregation { Id = Guid.NewGuid(), Slug = "lantern-hall", Name = "Lantern Hall", CreatedAt = now };
        var friend = new MembershipLevel { Id = Guid.NewGuid(), CongregationId = congregation.Id, Name = "Friend" };
        congregation.Levels.Add(friend);
        db.Congregations.Add(congregation);
        db.Memberships.Add(new Membership { Id = Guid.NewGuid(), CongregationId = congregation.Id, UserId = ids["host"], LevelId = friend.Id, IsHost = true, JoinedAt = now });
        db.Memberships.Add(new Membership { Id = Guid.NewGuid(), CongregationId = congregation.Id, UserId = ids["mia"], LevelId = friend.Id, JoinedAt = now });
        crewId = Guid.NewGuid();
        var crew = new Crew { Id = crewId, Name = "Lantern crew", Purpose = "Peer support.", CongregationId = congregation.Id, CallerUserId = ids["host"], TimeZone = "Europe/Lisbon", JoinedCount = 2, CreatedAt = now };
        crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crewId, UserId = ids["host"], Status = CrewMemberStatus.Joined, Position = 0, InvitedAt = now, JoinedAt = now });
        crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crewId, UserId = ids["mia"], Status = CrewMemberStatus.Joined, Position = 1, InvitedAt = now, JoinedAt = now });
        db.Crews.Add(crew);
        dyadId = Guid.NewGuid();
        db.Dyads.Add(new Dyad { Id = dyadId, Kind = DyadKind.PeerCoaching, ProposerUserId = ids["host"], PartnerUserId = ids["mia"], Status = DyadStatus.Active, ProposedAt = now, StartedAt = now, EndsAt = now.AddDays(56) });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private static string PracticeText(string title) => $"""
        ---
        title: {title}
        summary: A round of lanterns before we begin.
        purpose: >-
          Each person lights a lantern and says what they bring.
        scales: [congregation]
        minutes: 10
        timed_for: a circle of twelve
        origin: Lantern Hall's own way of opening.
        roles:
          - name: Host
            does: Lights the first lantern.
        steps:
          - title: Light
            minutes: 4
            what: The host lights the first lantern.
            host_says: >-
              I light this for what I bring tonight.
          - title: Pass
            minutes: 6
            what: Each person lights theirs from the one before.
            host_says: >-
              Pass the flame and say one word.
        prompts:
          - What do you bring tonight?
        variations:
          - Candles on a table, indoors.
        online: Each person turns their camera to a light near them.
        in_person: In a circle, lanterns in hand.
        ---
        Put the lanterns out together at the end.
        """;

    [Fact]
    public async Task CongregationPractice_HostsWriteIt_MembersFindIt_OthersDoNot()
    {
        var edit = "/congregations/lantern-hall/practices/edit";
        Assert.Equal(HttpStatusCode.Forbidden, (await people["mia"].GetAsync(edit)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await people["root"].GetAsync(edit)).Response.StatusCode);

        var (broken, brokenPage) = await people["host"].SubmitAsync(edit, new Dictionary<string, string> { ["Slug"] = "lantern-round", ["Text"] = PracticeText("Lantern round").Replace("minutes: 6", "minutes: 7"), ["Note"] = "" });
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains("add up to 11 minutes", brokenPage.QuerySelector("#text-error")!.TextContent);

        var (saved, _) = await people["host"].SubmitAsync(edit, new Dictionary<string, string> { ["Slug"] = "lantern-round", ["Text"] = PracticeText("Lantern round"), ["Note"] = "How we open." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/congregations/lantern-hall/practices/lantern-round", saved.Headers.Location!.OriginalString);

        var (_, shown) = await people["mia"].GetAsync("/congregations/lantern-hall/practices/lantern-round");
        Assert.Equal("Lantern round", shown.QuerySelector("h1")!.TextContent);
        var (_, library) = await people["mia"].GetAsync("/practices");
        Assert.Contains(library.QuerySelectorAll("#ours ~ ul a"), a => a.GetAttribute("href") == "/congregations/lantern-hall/practices/lantern-round");
        var (_, filtered) = await people["mia"].GetAsync("/practices?scale=dyad");
        Assert.Null(filtered.QuerySelector("#ours"));
        var (_, home) = await people["mia"].GetAsync("/congregations/lantern-hall");
        Assert.Contains("Lantern round", home.QuerySelector("#our-practices")!.ParentElement!.TextContent);

        // Not in the hub's library, and not for anyone outside the congregation.
        Assert.Equal(HttpStatusCode.NotFound, (await people["mia"].GetAsync("/practices/lantern-round")).Response.StatusCode);
        var (_, outsiders) = await people["out"].GetAsync("/practices");
        Assert.Null(outsiders.QuerySelector("#ours"));
        Assert.Equal(HttpStatusCode.Forbidden, (await people["out"].GetAsync("/congregations/lantern-hall/practices/lantern-round")).Response.StatusCode);
        var (_, outsiderHome) = await people["out"].GetAsync("/congregations/lantern-hall");
        Assert.DoesNotContain("Lantern round", outsiderHome.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task OwnCards_CrewWritesThem_TheyAreDrawnWithTheDeck_OnlyByTheCrew()
    {
        var cards = $"/crews/{crewId}/cards";
        Assert.Equal(HttpStatusCode.NotFound, (await people["out"].GetAsync(cards)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await people["root"].GetAsync(cards)).Response.StatusCode);
        var (empty, emptyPage) = await people["mia"].SubmitAsync(cards, new Dictionary<string, string> { ["Kind"] = "Mission", ["Text"] = "" }, handler: "Add");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Write the card", emptyPage.QuerySelector("#text-error")!.TextContent);
        var (added, _) = await people["mia"].SubmitAsync(cards, new Dictionary<string, string> { ["Kind"] = "Mission", ["Text"] = "Bring a lantern you made." }, handler: "Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var (_, deck) = await people["host"].GetAsync(cards);
        Assert.Contains("Bring a lantern you made.", deck.QuerySelector(".deck")!.TextContent);

        string ownId;
        using (var scope = hub.Services.CreateScope())
        {
            ownId = "own-" + (await scope.ServiceProvider.GetRequiredService<HubDbContext>().OwnCards.SingleAsync(c => c.CrewId == crewId)).Id;
        }
        // The draw picks from the deck and the crew's cards for the crew: over many draws the own card comes up
        // (one card in 41: 200 draws missed it about once in 140 runs, 2,000 miss it with a chance of about e^-49).
        var drawn = new HashSet<string>();
        var asMember = people["host"].Http;
        for (var i = 0; i < 2000 && !drawn.Contains(ownId); i++)
        {
            var r = await asMember.GetAsync($"/practices/cards/draw?back=/crews/{crewId}&from=crew:{crewId}");
            drawn.Add(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(r.Headers.Location!.OriginalString.Split('?')[1].Split('#')[0])["card"].ToString());
        }
        Assert.Contains(ownId, drawn);
        // Someone outside the crew never draws it, however the link is written.
        for (var i = 0; i < 100; i++)
        {
            var r = await people["out"].Http.GetAsync($"/practices/cards/draw?back=/crews/{crewId}&from=crew:{crewId}");
            Assert.DoesNotContain("own-", r.Headers.Location!.OriginalString);
        }
        // Another page's card id shows nothing of it there.
        var (_, dyadPage) = await people["host"].GetAsync($"/dyads/{dyadId}?card={ownId}");
        Assert.DoesNotContain("Bring a lantern", dyadPage.DocumentElement.OuterHtml);

        // The crew changes its card's words and kind: the same card (the same id, so a link to it drawn before shows the
        // new words), in the same place. Then it orders the deck with the move buttons, one place at a time.
        foreach (var text in new[] { "Second card.", "Third card." })
        {
            await people["mia"].SubmitAsync(cards, new Dictionary<string, string> { ["Kind"] = "Starter", ["Text"] = text }, handler: "Add");
        }
        var bare = ownId["own-".Length..];
        async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> PostOnCardAsync(string who, string handler, Dictionary<string, string> fields)
        {
            var (_, before) = await people[who].GetAsync(cards);
            fields["__RequestVerificationToken"] = before.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            return await people[who].PostAsync($"{cards}?handler={handler}", fields);
        }
        var (blank, blankPage) = await PostOnCardAsync("host", "Edit", new() { ["CardId"] = bare, ["Kind"] = "Activity", ["Text"] = " " });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("Write the card", blankPage.QuerySelector($"#text-{bare}-error")!.TextContent);
        Assert.True(blankPage.QuerySelector($"#card-{bare} details")!.HasAttribute("open"));
        Assert.Equal("", blankPage.QuerySelector("#text-error")!.TextContent.Trim()); // the form to write a new card is untouched
        var (edited, _) = await PostOnCardAsync("host", "Edit", new() { ["CardId"] = bare, ["Kind"] = "Activity", ["Text"] = "Bring a lantern you made, and light it together." });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.EndsWith($"#card-{bare}", edited.Headers.Location!.OriginalString);
        var (_, sameCard) = await people["mia"].GetAsync(cards);
        Assert.Equal("Bring a lantern you made, and light it together.", sameCard.QuerySelector($"#card-{bare} .card-text")!.TextContent.Trim());
        var outToken = (await people["out"].GetAsync("/crews/new")).Page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var handler in new[] { "Edit", "Move" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await people["out"].PostAsync($"{cards}?handler={handler}", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = outToken,
                ["CardId"] = bare,
                ["Kind"] = "Starter",
                ["Text"] = "Mine now.",
                ["Direction"] = "down",
            })).Response.StatusCode);
        }
        string[] Order(AngleSharp.Html.Dom.IHtmlDocument page) => [.. page.QuerySelectorAll(".deck .card-text").Select(p => p.TextContent.Trim())];
        var (_, listed) = await people["mia"].GetAsync(cards);
        Assert.Equal(["Bring a lantern you made, and light it together.", "Second card.", "Third card."], Order(listed));
        Assert.Equal("Activity", listed.QuerySelector($"#card-{bare} .card-kind")!.TextContent.Trim());
        Assert.Null(listed.QuerySelector($"#card-{bare} button[value=up]")); // the first has nowhere up to go
        var third = listed.QuerySelectorAll(".deck li")[2].Id!["card-".Length..];
        Assert.Null(listed.QuerySelector($"#card-{third} button[value=down]"));
        foreach (var _ in new[] { 1, 2, 3 }) // the third time it is first already, and stays there
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostOnCardAsync("mia", "Move", new() { ["CardId"] = third, ["Direction"] = "up" })).Response.StatusCode);
        }
        await PostOnCardAsync("mia", "Move", new() { ["CardId"] = bare, ["Direction"] = "down" });
        var (_, ordered) = await people["host"].GetAsync(cards);
        Assert.Equal(["Third card.", "Second card.", "Bring a lantern you made, and light it together."], Order(ordered));
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            Assert.Equal([0, 1, 2], await db.OwnCards.Where(c => c.CrewId == crewId).OrderBy(c => c.Position).Select(c => c.Position).ToListAsync());
            Assert.Equal(Guid.Parse(bare), await db.OwnCards.Where(c => c.CrewId == crewId && c.Position == 2).Select(c => c.Id).SingleAsync());
        }

        // Congregation cards: members read, hosts write.
        var congregationCards = "/congregations/lantern-hall/cards";
        Assert.Null((await people["mia"].GetAsync(congregationCards)).Page.QuerySelector("form[action*='handler=Add']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await people["out"].GetAsync(congregationCards)).Response.StatusCode);
        var (hostAdded, _) = await people["host"].SubmitAsync(congregationCards, new Dictionary<string, string> { ["Kind"] = "Starter", ["Text"] = "What lights you up lately?" }, handler: "Add");
        Assert.Equal(HttpStatusCode.Redirect, hostAdded.StatusCode);
        var (_, seen) = await people["mia"].GetAsync("/congregations/lantern-hall/practices");
        Assert.Contains("1 card", seen.QuerySelector("main")!.TextContent);
        Assert.Contains("from=congregation:", seen.QuerySelector("#drawn-card a[rel=nofollow]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Dyad_ChoosesACheckInStructure_FromThePracticesForPairs()
    {
        var dyad = $"/dyads/{dyadId}";
        var (_, page) = await people["mia"].GetAsync(dyad);
        var options = page.QuerySelectorAll("#practice option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("peer-coaching-pair", options);
        Assert.DoesNotContain("inner-weather", options); // for one person, not a pair

        var (refused, refusedPage) = await people["mia"].SubmitAsync(dyad, new Dictionary<string, string> { ["Practice"] = "inner-weather" }, handler: "Structure");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("practices for pairs", refusedPage.QuerySelector("#practice-error")!.TextContent);

        var (chosen, _) = await people["mia"].SubmitAsync(dyad, new Dictionary<string, string> { ["Practice"] = "peer-coaching-pair" }, handler: "Structure");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var (_, other) = await people["host"].GetAsync(dyad);
        var structure = other.QuerySelector("#check-in-structure")!;
        Assert.NotNull(structure.QuerySelector("a[href='/practices/peer-coaching-pair']"));
        Assert.NotEmpty(structure.QuerySelectorAll("ol li"));
        Assert.Equal("peer-coaching-pair", other.QuerySelector("#practice option[selected]")!.GetAttribute("value"));

        var (freed, _) = await people["host"].SubmitAsync(dyad, new Dictionary<string, string> { ["Practice"] = "" }, handler: "Structure");
        Assert.Equal(HttpStatusCode.Redirect, freed.StatusCode);
        using var scope = hub.Services.CreateScope();
        Assert.Null((await scope.ServiceProvider.GetRequiredService<HubDbContext>().Dyads.SingleAsync(d => d.Id == dyadId)).CheckInPractice);
    }

    [Fact]
    public async Task Journal_OffersAPracticeForOnePerson_AndKeepsItsPromptWithTheEntry()
    {
        var (_, journal) = await people["mia"].GetAsync("/me/journal?practice=inner-weather");
        Assert.Contains("Inner weather", journal.QuerySelector("#offered-practice")!.TextContent);
        var prompt = journal.QuerySelector("#prompt optgroup[label='From Inner weather'] option")!.GetAttribute("value")!;
        // A practice that is not for one person is not offered; the day's practice is offered instead.
        var (_, notSelf) = await people["mia"].GetAsync("/me/journal?practice=case-clinic");
        Assert.DoesNotContain("Case clinic", notSelf.QuerySelector("#offered-practice")!.TextContent);

        var (kept, _) = await people["mia"].SubmitAsync("/me/journal?practice=inner-weather", new Dictionary<string, string> { ["Prompt"] = prompt, ["Text"] = "Clouds, then a clearing." });
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        var (forged, _) = await people["mia"].SubmitAsync("/me/journal", new Dictionary<string, string> { ["Prompt"] = "Anything I like", ["Text"] = "Second entry." });
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        using var scope = hub.Services.CreateScope();
        var entries = await scope.ServiceProvider.GetRequiredService<HubDbContext>().JournalEntries.Where(e => e.UserId == ids["mia"]).ToDictionaryAsync(e => e.Text, e => e.Prompt);
        Assert.Equal(prompt, entries["Clouds, then a clearing."]);
        Assert.Equal("", entries["Second entry."]);
    }
}
