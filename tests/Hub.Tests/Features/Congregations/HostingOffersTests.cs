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
}
