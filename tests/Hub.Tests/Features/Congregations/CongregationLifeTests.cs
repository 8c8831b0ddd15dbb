using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

/// <summary>
/// One hub for the class: each test has a host of its own, and congregations and people no other test of the
/// class names, so what one test counts (members, cards of its own place) is its own.
/// </summary>
public sealed class CongregationLifeTests(SharedHub shared) : IClassFixture<SharedHub>, IAsyncLifetime
{
    private readonly HubFactory hub = shared.Hub;
    private readonly string hostEmail = Unique.Email("ada");
    private FormClient host = null!;

    public async Task InitializeAsync()
    {
        await hub.CreatePersonAsync(hostEmail, "tea by the river", name: "Ada Host");
        host = await hub.SignedInClientAsync(hostEmail, "tea by the river");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<FormClient> PersonAsync(string email, string name)
    {
        await hub.CreatePersonAsync(email, "walking in the hills", name: name);
        return await hub.SignedInClientAsync(email, "walking in the hills");
    }

    [Fact]
    public async Task Create_ValidInput_MakesCreatorHostAndWarnsHostingAlone()
    {
        var path = await CreateAsync(host, "Lisbon Commons");
        Assert.Equal("/congregations/lisbon-commons", path);
        var (_, page) = await host.GetAsync(path);
        Assert.Contains("Lisbon Commons", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Your level: Partner. You are one of the hosts.", page.QuerySelector("main")!.TextContent);
        Assert.Contains("Never host alone", page.QuerySelector(".notice.warn")!.TextContent);
        Assert.Contains("1 member, 1 host, and 0 possible", page.QuerySelector("#size + p")!.TextContent);

        var second = await CreateAsync(host, "Lisbon Commons");
        Assert.Equal("/congregations/lisbon-commons-2", second);
    }

    [Fact]
    public async Task Create_NoPlaceAndNotOnline_AsksWhereAndKeepsWhatWasTyped()
    {
        var (response, page) = await host.SubmitAsync("/congregations/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Nowhere Yet",
            ["Input.Purpose"] = "To find out.",
            ["Input.Policy"] = "Open",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("where the congregation meets", page.QuerySelector("#place-error")!.TextContent);
        Assert.Equal("Nowhere Yet", page.QuerySelector("#name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Directory_Filters_ShowOnlyMatchingAndExplainEmptyResults()
    {
        // Both in a place of this test's own, so the place filter leaves out other tests' congregations.
        var place = Unique.Name("Porto");
        await CreateAsync(host, "Porto Circle", "Open", place);
        await CreateAsync(host, "Quiet Valley", "InvitationOnly", place + " valley");
        var anonymous = hub.NewClient();
        var (_, all) = await anonymous.GetAsync($"/congregations?q={Uri.EscapeDataString(place)}");
        Assert.Equal(2, all.QuerySelectorAll(".card-list > li").Length);
        var (_, open) = await anonymous.GetAsync($"/congregations?show=open&q={Uri.EscapeDataString(place)}");
        Assert.Equal(["Porto Circle"], open.QuerySelectorAll(".card-list h2").Select(h => h.TextContent.Trim()));
        var (_, none) = await anonymous.GetAsync("/congregations?show=request");
        Assert.Contains("No congregation fits these filters", none.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public async Task Join_OpenCongregation_MemberOnceEvenWhenClickedTwiceAtOnce()
    {
        var slug = SlugOf(await CreateAsync(host, "Open Door"));
        var bea = await PersonAsync("bea@test.example", "Bea");
        var (_, page) = await bea.GetAsync($"/congregations/{slug}");
        var token = page.QuerySelector("form[action*='handler=Join'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var clicks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            bea.PostAsync($"/congregations/{slug}?handler=Join", new Dictionary<string, string> { ["__RequestVerificationToken"] = token })));
        Assert.Contains(clicks, c => c.Response.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(2, await MembersAsync(hub, slug));
        var (_, after) = await bea.GetAsync($"/congregations/{slug}");
        Assert.Contains("Your level: Friend", after.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Request_AnsweredAndAccepted_HostsAreToldAndPersonBecomesMember()
    {
        var slug = SlugOf(await CreateAsync(host, "Asking Place", "Request"));
        var cai = await PersonAsync("cai@test.example", "Cai");
        var (empty, emptyPage) = await cai.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string> { ["Answers"] = " " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("read your answers", emptyPage.QuerySelector("#answers-error")!.TextContent);

        var (sent, _) = await cai.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string> { ["Answers"] = "I host a small crew and want to learn." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await hub.Smtp!.WaitForAsync(hostEmail, "Cai asks to join");

        var (_, hosting) = await host.GetAsync($"/congregations/{slug}/host");
        Assert.Contains("I host a small crew", hosting.QuerySelector(".answers")!.TextContent);
        var (accepted, _) = await host.SubmitAsync($"/congregations/{slug}/host", new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Decide");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await hub.Smtp.WaitForAsync("cai@test.example", "Welcome to Asking Place");
        Assert.Equal(2, await MembersAsync(hub, slug));
    }

    [Fact]
    public async Task Invitation_AcceptedOnce_ThenUsedRevokedAndExpiredLinksSaySo()
    {
        var slug = SlugOf(await CreateAsync(host, "Invited Few", "InvitationOnly"));
        var (sent, _) = await host.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>
        {
            ["InviteEmail"] = "dov@test.example",
            ["InviteMessage"] = "Come to our next gathering!",
        }, handler: "Invite");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mail = await hub.Smtp!.WaitForAsync("dov@test.example", "invites you to Invited Few");
        Assert.Contains("Come to our next gathering!", mail.TextBody);
        var link = new Uri(SmtpSink.LinkIn(mail, "/congregations/invitations/")).AbsolutePath;

        var (anonymous, anonymousPage) = await hub.NewClient().GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Contains("Sign in", anonymousPage.QuerySelector("main")!.TextContent);

        var dov = await PersonAsync("dov@test.example", "Dov");
        var (accepted, _) = await dov.SubmitAsync(link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(2, await MembersAsync(hub, slug));

        var eve = await PersonAsync("eve@test.example", "Eve");
        var (used, usedPage) = await eve.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, used.StatusCode);
        Assert.Contains("used already", usedPage.QuerySelector("[role=alert]")!.TextContent);

        var (again, againPage) = await host.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string> { ["InviteEmail"] = "DOV@test.example" }, handler: "Invite");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("is a member already", againPage.QuerySelector("#invite-email-error")!.TextContent);

        await host.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string> { ["InviteEmail"] = "fay@test.example" }, handler: "Invite");
        var fayLink = new Uri(SmtpSink.LinkIn(await hub.Smtp.WaitForAsync("fay@test.example", "invites you"), "/congregations/invitations/")).AbsolutePath;
        var (revoked, _) = await host.SubmitAsync($"/congregations/{slug}/host", new Dictionary<string, string>(), handler: "Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var (revokedLink, revokedPage) = await hub.NewClient().GetAsync(fayLink);
        Assert.Equal(HttpStatusCode.Gone, revokedLink.StatusCode);
        Assert.Contains("withdrawn", revokedPage.QuerySelector("[role=alert]")!.TextContent);

        await host.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string> { ["InviteEmail"] = "gil@test.example" }, handler: "Invite");
        var gilLink = new Uri(SmtpSink.LinkIn(await hub.Smtp.WaitForAsync("gil@test.example", "invites you"), "/congregations/invitations/")).AbsolutePath;
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            await db.Invitations.Where(i => i.Email == "gil@test.example").ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }
        var gil = await PersonAsync("gil@test.example", "Gil");
        var (expired, expiredPage) = await gil.GetAsync(gilLink);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expired", expiredPage.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(2, await MembersAsync(hub, slug));
    }

    [Fact]
    public async Task LeaveAndRemove_LastHostIsKeptAndRemovalNeedsAReasonTheMemberReads()
    {
        var slug = SlugOf(await CreateAsync(host, "Holding Space"));
        var hal = await PersonAsync("hal@test.example", "Hal");
        await hal.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), handler: "Join");

        var (leave, leavePage) = await host.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), handler: "Leave");
        Assert.Equal(HttpStatusCode.OK, leave.StatusCode);
        Assert.Contains("only host", leavePage.QuerySelector("[role=alert]")!.TextContent);

        var (_, members) = await host.GetAsync($"/congregations/{slug}/members");
        var halId = members.QuerySelectorAll("form[action*='handler=Remove'] input[name=MembershipId]").Single().GetAttribute("value")!;
        var (noReason, noReasonPage) = await host.SubmitAsync($"/congregations/{slug}/members", new Dictionary<string, string> { ["MembershipId"] = halId, ["Reason"] = "" }, handler: "Remove");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Give a reason", noReasonPage.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(2, await MembersAsync(hub, slug));

        var (removed, _) = await host.SubmitAsync($"/congregations/{slug}/members", new Dictionary<string, string>
        {
            ["MembershipId"] = halId,
            ["Reason"] = "You asked us to, after moving away.",
        }, handler: "Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var mail = await hub.Smtp!.WaitForAsync("hal@test.example", "no longer a member");
        Assert.Contains("after moving away", mail.TextBody);
        Assert.Equal(1, await MembersAsync(hub, slug));
    }

    [Fact]
    public async Task DeleteAccount_OnlyHostWithMembers_IsAskedToNameAnotherHostFirst()
    {
        var slug = SlugOf(await CreateAsync(host, "Held Together"));
        var joy = await PersonAsync("joy@test.example", "Joy");
        await joy.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), handler: "Join");
        var (response, page) = await host.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Password"] = "tea by the river", ["Understood"] = "true" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("only host of Held Together", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(2, await MembersAsync(hub, slug));
    }

    [Fact]
    public async Task NetworkMembership_GrantedByHost_ShowsOnMembersAndPathway_AndMembersCannotGrantIt()
    {
        var slug = SlugOf(await CreateAsync(host, "Network Door"));
        var kai = await PersonAsync("kai@test.example", "Kai");
        await kai.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), handler: "Join");
        var (_, members) = await host.GetAsync($"/congregations/{slug}/members");
        var kaiId = members.QuerySelectorAll("form[action*='handler=Network'] input[name=MembershipId]").Single().GetAttribute("value")!;

        var token = (await kai.GetAsync($"/congregations/{slug}/members")).Page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await kai.GetAsync($"/congregations/{slug}")).Page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (byMember, _) = await kai.PostAsync($"/congregations/{slug}/members?handler=Network",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["MembershipId"] = kaiId, ["Grant"] = "true" });
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);

        // Granting is an invitation: nothing changes until Kai says yes.
        var (granted, _) = await host.SubmitAsync($"/congregations/{slug}/members", new Dictionary<string, string> { ["MembershipId"] = kaiId, ["Grant"] = "true" }, handler: "Network");
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var (_, before) = await kai.GetAsync($"/congregations/{slug}/members");
        Assert.DoesNotContain("Network member", before.QuerySelector(".member-list")!.TextContent);
        var invitation = await hub.Smtp!.WaitForAsync("kai@test.example", "invites you into the network");
        Assert.Contains("free to decline", invitation.TextBody);
        var (accepted, _) = await kai.SubmitAsync($"/congregations/{slug}/offers", new Dictionary<string, string> { ["accept"] = "true" }, handler: "Answer");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var (_, after) = await kai.GetAsync($"/congregations/{slug}/members");
        Assert.Contains("Network member", after.QuerySelector(".member-list")!.TextContent);
        var (_, pathway) = await kai.GetAsync("/me/pathway");
        Assert.Contains("member since", pathway.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Hosts_MakeSecondHostThenFirstMayLeave()
    {
        var slug = SlugOf(await CreateAsync(host, "Two Hosts"));
        var ivo = await PersonAsync("ivo@test.example", "Ivo");
        await ivo.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), handler: "Join");
        var (_, members) = await host.GetAsync($"/congregations/{slug}/members");
        var ivoId = members.QuerySelectorAll("form[action*='handler=Host'] input[name=MembershipId]").Single().GetAttribute("value")!;
        var (made, _) = await host.SubmitAsync($"/congregations/{slug}/members", new Dictionary<string, string> { ["MembershipId"] = ivoId, ["MakeHost"] = "true" }, handler: "Host");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        // Invited, not yet a host: the first host may not leave until Ivo says yes.
        var (early, _) = await host.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), handler: "Leave");
        Assert.NotEqual(HttpStatusCode.Redirect, early.StatusCode);
        var (accepted, _) = await ivo.SubmitAsync($"/congregations/{slug}/offers", new Dictionary<string, string> { ["accept"] = "true" }, handler: "Answer");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var (_, page) = await host.GetAsync($"/congregations/{slug}");
        Assert.Null(page.QuerySelector(".notice.warn"));
        var (left, _) = await host.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), handler: "Leave");
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.Equal(1, await MembersAsync(hub, slug));
    }
}
