using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

/// <summary>
/// Hosts invite, never assign: making someone a host, moving them to a level or into the network is an invitation
/// they accept or decline. Levels are the congregation's own: named, described, with the rights they give.
/// </summary>
public sealed class HostingOffersTests(SharedHub shared) : IClassFixture<SharedHub>, IAsyncLifetime
{
    private const string Password = "lanterns along the quay";
    private readonly HubFactory hub = shared.Hub;
    private readonly string hostEmail = Unique.Email("ines");
    private FormClient host = null!;

    public async Task InitializeAsync()
    {
        await hub.CreatePersonAsync(hostEmail, Password, name: "Ines Host");
        host = await hub.SignedInClientAsync(hostEmail, Password);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(FormClient Client, string Email)> MemberAsync(string slug, string name)
    {
        var email = Unique.Email(name.ToLowerInvariant());
        await hub.CreatePersonAsync(email, Password, name: name);
        var client = await hub.SignedInClientAsync(email, Password);
        await client.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), handler: "Join");
        return (client, email);
    }

    private async Task<T> WithDbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        using var scope = hub.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    private async Task<string> MembershipIdAsync(string slug, string handler)
    {
        var (_, members) = await host.GetAsync($"/congregations/{slug}/members");
        return members.QuerySelectorAll($"form[action*='handler={handler}'] input[name=MembershipId]").Single().GetAttribute("value")!;
    }

    [Fact]
    public async Task LevelOffer_MemberDeclines_NothingChangesAndTheHostHearsKindly()
    {
        var slug = SlugOf(await CreateAsync(host, Unique.Name("Quay Partners")));
        var (member, email) = await MemberAsync(slug, "Lio");
        var id = await MembershipIdAsync(slug, "Level");
        var partner = await WithDbAsync(db => db.MembershipLevels.Where(l => db.Congregations.Any(c => c.Id == l.CongregationId && c.Slug == slug) && l.Name == "Partner").Select(l => l.Id).SingleAsync());
        var (offered, _) = await host.SubmitAsync($"/congregations/{slug}/members", new Dictionary<string, string> { ["MembershipId"] = id, ["LevelId"] = partner.ToString() }, "Level");
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var mail = await hub.Smtp!.WaitForAsync(email, "invites you to be a Partner");
        Assert.Contains("Nothing changes until you say yes", mail.TextBody);
        Assert.Contains("decides with the other Partners whom to invite", mail.TextBody); // the level's own description
        var (_, members) = await host.GetAsync($"/congregations/{slug}/members");
        Assert.Contains("waiting for Lio's answer", members.QuerySelector(".member-list")!.TextContent);
        Assert.Equal("Friend", await WithDbAsync(db => db.Memberships.Where(m => m.Congregation.Slug == slug && m.User.Email == email).Select(m => m.Level.Name).SingleAsync()));

        // The same invitation twice is refused while the first waits.
        var (twice, twicePage) = await host.SubmitAsync($"/congregations/{slug}/members", new Dictionary<string, string> { ["MembershipId"] = id, ["LevelId"] = partner.ToString() }, "Level");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("waiting for Lio's answer already", twicePage.QuerySelector("[role=alert]")!.TextContent);

        var (_, home) = await member.GetAsync("/me");
        var waiting = home.QuerySelector("[aria-labelledby=waiting-title]")!;
        Assert.Contains("Partner in Quay Partners", waiting.TextContent);
        Assert.NotNull(waiting.QuerySelector($"a[href='/congregations/{slug}/offers']"));
        var (_, offers) = await member.GetAsync($"/congregations/{slug}/offers");
        Assert.Contains("Ines Host invites you to be a Partner", offers.QuerySelector("main")!.TextContent);
        var (declined, _) = await member.SubmitAsync($"/congregations/{slug}/offers", new Dictionary<string, string> { ["accept"] = "false" }, "Answer");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var told = await hub.Smtp.WaitForAsync(hostEmail, "Lio declined: to be a Partner");
        Assert.Contains("No reason is needed", told.TextBody);
        Assert.Equal("Friend", await WithDbAsync(db => db.Memberships.Where(m => m.Congregation.Slug == slug && m.User.Email == email).Select(m => m.Level.Name).SingleAsync()));
        // Answered once: a second answer finds it closed.
        var offerId = await WithDbAsync(db => db.MembershipOffers.Where(o => o.User.Email == email).Select(o => o.Id).SingleAsync());
        var token = (await member.GetAsync($"/congregations/{slug}")).Page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (again, againPage) = await member.PostAsync($"/congregations/{slug}/offers?handler=Answer",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["OfferId"] = offerId.ToString(), ["accept"] = "true" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("no longer open", againPage.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(OfferStatus.Declined, await WithDbAsync(db => db.MembershipOffers.Where(o => o.Id == offerId).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task HostOffer_WithdrawnByTheHost_CannotBeAccepted()
    {
        var slug = SlugOf(await CreateAsync(host, Unique.Name("Quay Withdrawn")));
        var (member, email) = await MemberAsync(slug, "Mo");
        var id = await MembershipIdAsync(slug, "Host");
        await host.SubmitAsync($"/congregations/{slug}/members", new Dictionary<string, string> { ["MembershipId"] = id, ["MakeHost"] = "true" }, "Host");
        var (withdrawn, _) = await host.SubmitAsync($"/congregations/{slug}/members", new Dictionary<string, string>(), "Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var (_, offers) = await member.GetAsync($"/congregations/{slug}/offers");
        Assert.Contains("No invitation is waiting", offers.QuerySelector("main")!.TextContent);
        Assert.False(await WithDbAsync(db => db.Memberships.AnyAsync(m => m.Congregation.Slug == slug && m.User.Email == email && m.IsHost)));
        Assert.True(await WithDbAsync(db => db.Notifications.Where(n => n.Kind == "congregation.offer" && db.Users.Any(u => u.Id == n.UserId && u.Email == email)).AllAsync(n => n.DoneAt != null)));
    }

    [Fact]
    public async Task Levels_HostRenamesDescribesAndLetsALevelHostEvents_ThePageExplainsAndItsMembersEventsGoUpAtOnce()
    {
        var slug = SlugOf(await CreateAsync(host, Unique.Name("Quay Levels")));
        var (member, _) = await MemberAsync(slug, "Nell");
        var friend = await WithDbAsync(db => db.MembershipLevels.Where(l => db.Congregations.Any(c => c.Id == l.CongregationId && c.Slug == slug) && l.Rank == 0).Select(l => l.Id).SingleAsync());
        var (_, show) = await host.GetAsync($"/congregations/{slug}");
        Assert.Contains("Coming to a gathering is how one becomes a Friend", show.QuerySelector("#levels-heading")!.ParentElement!.TextContent);

        // A name taken by the other level is refused next to the field, keeping what was typed.
        var (taken, takenPage) = await host.SubmitAsync($"/congregations/{slug}/levels",
            new Dictionary<string, string> { ["LevelId"] = friend.ToString(), ["Name"] = "partner", ["Description"] = "Typed with care." }, "Save");
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var key = friend.ToString("N")[..8];
        Assert.Contains("has a level called partner already", takenPage.QuerySelector($"#name-{key}-error")!.TextContent);
        Assert.Equal("Typed with care.", takenPage.QuerySelector($"#description-{key}")!.TextContent);

        var (saved, _) = await host.SubmitAsync($"/congregations/{slug}/levels", new Dictionary<string, string>
        {
            ["LevelId"] = friend.ToString(),
            ["Name"] = "Neighbour",
            ["Description"] = "Comes along, helps out, brings a dish.",
            ["CanHostEvents"] = "true",
        }, "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, after) = await member.GetAsync($"/congregations/{slug}");
        var levels = after.QuerySelector("#levels-heading")!.ParentElement!.TextContent;
        Assert.Contains("Neighbour", levels);
        Assert.Contains("Comes along, helps out, brings a dish.", levels);
        Assert.Contains("puts on events without waiting for a host", levels);
        Assert.Contains("Everyone joins as a Neighbour", levels);

        // A Neighbour may now put on events at once, though members' events otherwise wait.
        var congregationId = await WithDbAsync(db => db.Congregations.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());
        var path = await Gatherings.GatheringTestKit.CreateAsync(member, Gatherings.GatheringTestKit.Form($"congregation:{congregationId}", "Nell's soup night", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20))));
        Assert.Equal(HttpStatusCode.OK, (await hub.NewClient().GetAsync(path)).Response.StatusCode);

        var (added, _) = await host.SubmitAsync($"/congregations/{slug}/levels", new Dictionary<string, string> { ["NewName"] = "Steward", ["NewDescription"] = "Holds the money and the keys." }, "Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(2, await WithDbAsync(db => db.MembershipLevels.Where(l => db.Congregations.Any(c => c.Id == l.CongregationId && c.Slug == slug) && l.Name == "Steward").Select(l => l.Rank).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/congregations/{slug}/levels")).Response.StatusCode);
    }

    private Task<List<(Guid Id, string Name)>> LevelsAsync(string slug) => WithDbAsync(async db =>
        (await db.MembershipLevels.Where(l => db.Congregations.Any(c => c.Id == l.CongregationId && c.Slug == slug)).OrderBy(l => l.Rank)
            .Select(l => new { l.Id, l.Name, l.Rank }).ToListAsync()).Select(l => (l.Id, l.Name)).ToList());

    [Fact]
    public async Task Levels_HostReordersAndRemovesOne_ItsPeopleMoveWhereTheHostChoosesAndAreTold_AndTheLastLevelStays()
    {
        var slug = SlugOf(await CreateAsync(host, Unique.Name("Quay Path")));
        var (_, email) = await MemberAsync(slug, "Odo");
        await host.SubmitAsync($"/congregations/{slug}/levels", new Dictionary<string, string> { ["NewName"] = "Steward" }, "Add");
        var levels = await LevelsAsync(slug);
        Assert.Equal(["Friend", "Partner", "Steward"], levels.Select(l => l.Name));
        var (friend, partner, steward) = (levels[0].Id, levels[1].Id, levels[2].Id);

        // Steward one step earlier, then Friend one step later: Steward is where people join now.
        var (moved, _) = await host.SubmitAsync($"/congregations/{slug}/levels", new Dictionary<string, string> { ["LevelId"] = steward.ToString(), ["Earlier"] = "true" }, "Move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(["Friend", "Steward", "Partner"], (await LevelsAsync(slug)).Select(l => l.Name));
        await host.SubmitAsync($"/congregations/{slug}/levels", new Dictionary<string, string> { ["LevelId"] = friend.ToString(), ["Earlier"] = "false" }, "Move");
        Assert.Equal(["Steward", "Friend", "Partner"], (await LevelsAsync(slug)).Select(l => l.Name));
        var (first, firstPage) = await host.SubmitAsync($"/congregations/{slug}/levels", new Dictionary<string, string> { ["LevelId"] = steward.ToString(), ["Earlier"] = "true" }, "Move");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Steward is the first level already", firstPage.QuerySelector("[role=alert]")!.TextContent);
        var (_, levelsPage) = await host.GetAsync($"/congregations/{slug}/levels");
        Assert.Equal(["1. Steward", "2. Friend", "3. Partner"], levelsPage.QuerySelectorAll("main h2[id^=level-]").Select(h => h.TextContent.Trim()));
        // The first level offers no "earlier", the last no "later"; the form says who holds a level.
        var key = friend.ToString("N")[..8];
        Assert.Contains("One person holds Friend", levelsPage.QuerySelector($"label[for=move-to-{key}]")!.TextContent);

        // Friend is held by Odo: removing it asks where Odo goes, and for the confirmation, keeping the form open.
        var (unchosen, unchosenPage) = await host.SubmitAsync($"/congregations/{slug}/levels", new Dictionary<string, string> { ["LevelId"] = friend.ToString(), ["Confirm"] = "true" }, "Remove");
        Assert.Equal(HttpStatusCode.OK, unchosen.StatusCode);
        Assert.Contains("One person holds Friend. Choose the level they move to.", unchosenPage.QuerySelector($"#move-to-{key}-error")!.TextContent);
        Assert.NotNull(unchosenPage.QuerySelector($"details[open] #move-to-{key}"));
        var (unconfirmed, unconfirmedPage) = await host.SubmitAsync($"/congregations/{slug}/levels", new Dictionary<string, string> { ["LevelId"] = friend.ToString(), ["MoveTo"] = partner.ToString() }, "Remove");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm that Friend goes", unconfirmedPage.QuerySelector($"#confirm-{key}-error")!.TextContent);
        Assert.Equal(3, (await LevelsAsync(slug)).Count);

        var (removed, _) = await host.SubmitAsync($"/congregations/{slug}/levels",
            new Dictionary<string, string> { ["LevelId"] = friend.ToString(), ["MoveTo"] = partner.ToString(), ["Confirm"] = "true" }, "Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(["Steward", "Partner"], (await LevelsAsync(slug)).Select(l => l.Name));
        Assert.Equal([0, 1], await WithDbAsync(db => db.MembershipLevels.Where(l => db.Congregations.Any(c => c.Id == l.CongregationId && c.Slug == slug)).OrderBy(l => l.Rank).Select(l => l.Rank).ToListAsync()));
        Assert.Equal("Partner", await WithDbAsync(db => db.Memberships.Where(m => m.Congregation.Slug == slug && m.User.Email == email).Select(m => m.Level.Name).SingleAsync()));
        var told = await hub.Smtp!.WaitForAsync(email, "You are a Partner in Quay Path");
        Assert.Contains("no longer keep the level Friend", told.TextBody);
        Assert.Contains("decides with the other Partners whom to invite", told.TextBody); // what the new level means
        var (_, hostPage) = await host.GetAsync($"/congregations/{slug}/host");
        var actions = hostPage.QuerySelectorAll("[aria-labelledby=host-actions] li").Select(li => li.TextContent).ToList();
        Assert.Contains(actions, a => a.Contains("Ines Host removed the level Friend and moved the one person who held it to Partner"));
        Assert.Contains(actions, a => a.Contains("Ines Host moved the level Friend after Steward: people join as a Steward now"));

        // With no one holding it, Steward goes at once; the one level left stays, with a message that says why.
        var (emptyRemoved, _) = await host.SubmitAsync($"/congregations/{slug}/levels", new Dictionary<string, string> { ["LevelId"] = steward.ToString(), ["Confirm"] = "true" }, "Remove");
        Assert.Equal(HttpStatusCode.Redirect, emptyRemoved.StatusCode);
        // The page offers no removal of the one level left; asked anyway, the hub refuses.
        var (_, onePage) = await host.GetAsync($"/congregations/{slug}/levels");
        Assert.Null(onePage.QuerySelector("form[action*='handler=Remove']"));
        Assert.Contains("keeps at least one", onePage.QuerySelector("main details")!.TextContent);
        var token = onePage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (last, lastPage) = await host.PostAsync($"/congregations/{slug}/levels?handler=Remove",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["LevelId"] = partner.ToString(), ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Contains("Partner is the only level of Quay Path", lastPage.QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("a congregation keeps at least one: everyone who joins starts at a level", lastPage.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(["Partner"], (await LevelsAsync(slug)).Select(l => l.Name));
        Assert.Null(lastPage.QuerySelector("form[action*='handler=Move']"));
    }

    [Fact]
    public async Task EndingHostingOrNetworkMembership_WithAReason_TheOtherHostsReadItInTheirNoticeAndList()
    {
        var slug = SlugOf(await CreateAsync(host, Unique.Name("Quay Reasons")));
        var (second, secondEmail) = await MemberAsync(slug, "Pia");
        var (rui, memberEmail) = await MemberAsync(slug, "Rui");
        // Pia accepts the invitation to host; Rui is a network member.
        var (_, members) = await host.GetAsync($"/congregations/{slug}/members");
        var ids = members.QuerySelectorAll("li.member").ToDictionary(li => li.QuerySelector("h2")!.TextContent.Trim(),
            li => li.QuerySelector("form[action*='handler=Host'] input[name=MembershipId]")?.GetAttribute("value"));
        await host.SubmitAsync($"/congregations/{slug}/members", new Dictionary<string, string> { ["MembershipId"] = ids["Pia"]!, ["MakeHost"] = "true" }, "Host");
        await second.SubmitAsync($"/congregations/{slug}/offers", new Dictionary<string, string> { ["accept"] = "true" }, "Answer");
        Assert.True(await WithDbAsync(db => db.Memberships.AnyAsync(m => m.Congregation.Slug == slug && m.User.Email == secondEmail && m.IsHost)));
        await WithDbAsync(db => db.Users.Where(u => u.Email == memberEmail).ExecuteUpdateAsync(s => s.SetProperty(u => u.NetworkMemberSince, DateTime.UtcNow)));

        // Pia ends Rui's network membership with a reason: Rui reads it, and so does Ines, the other host.
        var (ended, _) = await second.SubmitAsync($"/congregations/{slug}/members",
            new Dictionary<string, string> { ["MembershipId"] = ids["Rui"]!, ["Grant"] = "false", ["Reason"] = "Rui asked us to, while travelling." }, "Network");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.False(await WithDbAsync(db => db.Users.AnyAsync(u => u.Email == memberEmail && u.NetworkMemberSince != null)));
        Assert.Contains("Rui asked us to, while travelling.", (await hub.Smtp!.WaitForAsync(memberEmail, "Your network membership has ended")).TextBody);
        Assert.Contains("The reason given: Rui asked us to, while travelling.", (await hub.Smtp.WaitForAsync(hostEmail, "Pia ended Rui's network membership")).TextBody);

        // Pia steps down herself, with a reason; Ines hears it and finds it in the hosts' list.
        var (_, own) = await second.GetAsync($"/congregations/{slug}/members");
        var mine = own.QuerySelector("form[action*='handler=StepDown'] input[name=MembershipId]")!.GetAttribute("value")!;
        var (stepped, _) = await second.SubmitAsync($"/congregations/{slug}/members", new Dictionary<string, string> { ["MembershipId"] = mine, ["Reason"] = "A new baby at home this spring." }, "StepDown");
        Assert.Equal(HttpStatusCode.Redirect, stepped.StatusCode);
        Assert.False(await WithDbAsync(db => db.Memberships.AnyAsync(m => m.Congregation.Slug == slug && m.User.Email == secondEmail && m.IsHost)));
        Assert.Contains("The reason given: A new baby at home this spring.", (await hub.Smtp.WaitForAsync(hostEmail, "Pia stepped down as a host of Quay Reasons")).TextBody);
        var (_, hostPage) = await host.GetAsync($"/congregations/{slug}/host");
        var actions = hostPage.QuerySelectorAll("[aria-labelledby=host-actions] li").ToList();
        Assert.Contains("A new baby at home this spring.", actions.Single(li => li.TextContent.Contains("Pia stepped down as a host")).QuerySelector("blockquote")!.TextContent);
        Assert.Contains("Rui asked us to, while travelling.", actions.Single(li => li.TextContent.Contains("Pia ended the network membership of Rui")).QuerySelector("blockquote")!.TextContent);
        // The last host cannot step down: someone must hold the congregation.
        var (_, hostMembers) = await host.GetAsync($"/congregations/{slug}/members");
        var hostOwn = hostMembers.QuerySelector("form[action*='handler=StepDown'] input[name=MembershipId]")!.GetAttribute("value")!;
        var (lastHost, lastHostPage) = await host.SubmitAsync($"/congregations/{slug}/members", new Dictionary<string, string> { ["MembershipId"] = hostOwn }, "StepDown");
        Assert.Equal(HttpStatusCode.OK, lastHost.StatusCode);
        Assert.Contains("This is the last host", lastHostPage.QuerySelector("[role=alert]")!.TextContent);

        // Rui deletes his account: the list keeps what was done, and his name leaves with him.
        var (deleted, _) = await rui.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Password"] = Password, ["Understood"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var (_, afterPage) = await host.GetAsync($"/congregations/{slug}/host");
        var after = afterPage.QuerySelector("[aria-labelledby=host-actions]")!.TextContent;
        Assert.DoesNotContain("Rui", after.Replace("Rui asked us to", ""));
        Assert.Contains("Pia ended the network membership of someone who has since left the hub", after);
        Assert.Contains("Pia stepped down as a host", after);
    }
}
