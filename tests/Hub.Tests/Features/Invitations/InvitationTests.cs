using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Invitations;

/// <summary>
/// Invitations belong to the address they were sent to, and inviting never tells whether an address
/// has an account: one without gets an emailed link to make one with that address and then answer.
/// </summary>
public sealed class InvitationTests : IAsyncLifetime
{
    private const string Password = "moss on the north side";
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync();
        foreach (var name in new[] { "ada", "ben", "cy", "eve" })
        {
            await hub.CreatePersonAsync($"{name}@test.example", Password, name: name == "ada" ? "Ada Host" : char.ToUpperInvariant(name[0]) + name[1..]);
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", Password);
        }
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task<T> InDatabaseAsync<T>(Func<HubDbContext, Task<T>> query)
    {
        using var scope = hub.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    /// <summary>Posts to a page whose form is (rightly) not offered, with the person's own anti-forgery token.</summary>
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAnywayAsync(FormClient client, IHtmlDocument page, string url)
    {
        // Anti-forgery tokens belong to the person, not to a form: any form of theirs has one.
        var (_, other) = await client.GetAsync("/dyads/new");
        var token = other.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(url, new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
    }

    private async Task<string> InviteToCongregationAsync(string slug, string email)
    {
        var (sent, _) = await people["ada"].SubmitAsync($"/congregations/{slug}", new Dictionary<string, string> { ["InviteEmail"] = email }, handler: "Invite");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return new Uri(SmtpSink.LinkIn(await hub.Smtp!.WaitForAsync(email, "invites you to"), "/congregations/invitations/")).AbsolutePath;
    }

    private static Dictionary<string, string> CrewForm(params string[] invitees) => new()
    {
        ["Input.Name"] = "Thursday crew",
        ["Input.Purpose"] = "Mutual aid for new parents.",
        ["Input.Invitees"] = string.Join("\n", invitees),
        ["Input.Cadence"] = "Weekly",
        ["Input.Meetings"] = "6",
        ["Input.SlotDay"] = "Thursday",
        ["Input.SlotTime"] = "19:00",
        ["Input.TimeZone"] = "Europe/Lisbon",
    };

    /// <summary>The answer a page gives, in what a person sees: status, where it leads, and the page there.</summary>
    private static async Task<(HttpStatusCode Status, string Text)> AnswerAsync(FormClient client, HttpResponseMessage response, Func<string, string> mask, string part = "main")
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return (response.StatusCode, client.LastHtml);
        }
        var (_, next) = await client.GetAsync(response.Headers.Location!.OriginalString);
        return (response.StatusCode, mask(next.QuerySelector(part)!.TextContent));
    }

    [Fact]
    public async Task CongregationInvitation_OpenedByAnotherAccount_IsRefusedNamingWhoInvited()
    {
        var slug = SlugOf(await CreateAsync(people["ada"], "Harbour Circle", "InvitationOnly"));
        var link = await InviteToCongregationAsync(slug, "dov@test.example");

        // Eve was forwarded Dov's link: she is told it is not hers and whom to ask, and offered nothing to take.
        var (opened, page) = await people["eve"].GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var alert = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("sent to another address", alert);
        Assert.Contains("ask Ada Host, who invited you", alert);
        Assert.DoesNotContain("dov@test.example", page.QuerySelector("main")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main form"));

        var (posted, postedPage) = await PostAnywayAsync(people["eve"], page, link);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("ask Ada Host", postedPage.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(1, await MembersAsync(hub, slug));

        // The link still works for the person it was sent to.
        await hub.CreatePersonAsync("dov@test.example", Password, name: "Dov");
        var dov = await hub.SignedInClientAsync("dov@test.example", Password);
        var (accepted, _) = await dov.SubmitAsync(link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(2, await MembersAsync(hub, slug));
    }

    [Fact]
    public async Task CongregationInvitation_NoAccount_SignsUpWithTheInvitedAddressAndJoins()
    {
        var slug = SlugOf(await CreateAsync(people["ada"], "Orchard Table", "InvitationOnly"));
        var link = await InviteToCongregationAsync(slug, "Fay@Test.example");

        var visitor = hub.NewClient();
        var (opened, page) = await visitor.GetAsync(link);
        Assert.True(opened.StatusCode == HttpStatusCode.OK, link + visitor.LastHtml);
        Assert.Contains("Fay@Test.example", page.QuerySelector("#sign-up")!.ParentElement!.TextContent);
        Assert.Null(page.QuerySelector("input[name='Input.Email'], input[type=email]"));

        var (tooShort, tooShortPage) = await visitor.SubmitAsync(link, new Dictionary<string, string> { ["DisplayName"] = "Fay", ["Password"] = "short" }, handler: "SignUp");
        Assert.True(tooShort.StatusCode == HttpStatusCode.OK, page.QuerySelector("form[action*=SignUp]")?.OuterHtml);
        Assert.NotEmpty(tooShortPage.QuerySelector("#password-error")!.TextContent);
        Assert.Equal("Fay", tooShortPage.QuerySelector("#name")!.GetAttribute("value"));

        var (joined, _) = await visitor.SubmitAsync(link, new Dictionary<string, string> { ["DisplayName"] = "Fay", ["Password"] = Password }, handler: "SignUp");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal($"/congregations/{slug}", joined.Headers.Location!.OriginalString);
        Assert.Equal(2, await MembersAsync(hub, slug));
        var fay = await InDatabaseAsync(db => db.Users.SingleAsync(u => u.NormalizedEmail == "FAY@TEST.EXAMPLE"));
        Assert.True(fay.EmailConfirmed);

        // Signed in from the link, and able to sign in again with the password chosen there.
        var (home, _) = await visitor.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        await hub.SignedInClientAsync("fay@test.example", Password);
    }

    [Fact]
    public async Task CallCrew_KnownOrUnknownAddress_SameAnswer_AndTheUnknownAddressGetsAnEmail()
    {
        string Mask(string text) => text.Replace("cy@test.example", "…").Replace("gil@test.example", "…");
        var known = await people["ada"].SubmitAsync("/crews/new", CrewForm("ben@test.example", "cy@test.example"));
        var knownAnswer = await AnswerAsync(people["ada"], known.Item1, Mask);
        var unknown = await people["ada"].SubmitAsync("/crews/new", CrewForm("ben@test.example", "gil@test.example"));
        var unknownAnswer = await AnswerAsync(people["ada"], unknown.Item1, Mask);
        Assert.Equal(HttpStatusCode.Redirect, unknownAnswer.Status);
        Assert.Equal(knownAnswer, unknownAnswer);
        Assert.Contains("Invitations sent", unknownAnswer.Text);
        Assert.Contains("2 more people are invited", unknownAnswer.Text);

        var mail = await hub.Smtp!.WaitForAsync("gil@test.example", "Ada Host invites you to a crew: Thursday crew");
        Assert.Contains("/invitations/", SmtpSink.LinkIn(mail, "/invitations/"));
    }

    [Fact]
    public async Task CrewInvitation_NoAccount_FollowsTheLinkSignsUpAndJoins_AnotherAccountIsToldWhomToAsk()
    {
        var (called, _) = await people["ada"].SubmitAsync("/crews/new", CrewForm("ben@test.example", "hana@test.example"));
        var crew = called.Headers.Location!.OriginalString;
        var link = new Uri(SmtpSink.LinkIn(await hub.Smtp!.WaitForAsync("hana@test.example", "invites you to a crew"), "/invitations/")).AbsolutePath;

        // Someone else with the forwarded link is told whom to ask and given nothing to take.
        var (forwarded, forwardedPage) = await people["eve"].GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        Assert.Contains("ask Ada Host, who invited you", forwardedPage.QuerySelector("[role=alert]")!.TextContent);
        Assert.Empty(forwardedPage.QuerySelectorAll("main form"));
        var (posted, postedPage) = await PostAnywayAsync(people["eve"], forwardedPage, link);
        Assert.Contains("ask Ada Host", postedPage.QuerySelector("[role=alert]")!.TextContent);
        var (outsider, _) = await people["eve"].GetAsync(crew);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);

        // Hana has no account: the link shows what she is invited to and makes one with her address.
        var hana = hub.NewClient();
        var (_, page) = await hana.GetAsync(link);
        Assert.Contains("Thursday crew", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Ada Host invites you to the crew", page.QuerySelector("main")!.TextContent);
        var (signedUp, _) = await hana.SubmitAsync(link, new Dictionary<string, string> { ["DisplayName"] = "Hana", ["Password"] = Password }, handler: "SignUp");
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        Assert.Equal(crew, signedUp.Headers.Location!.OriginalString);
        var (joined, _) = await hana.SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Respond");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal(CrewMemberStatus.Joined, await InDatabaseAsync(db => db.CrewMembers.Where(m => m.User.Email == "hana@test.example").Select(m => m.Status).SingleAsync()));

        // The link is used up; opening it again takes Hana to the crew.
        var (again, _) = await hana.GetAsync(link);
        Assert.Equal(crew, again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task InviteToCrew_KnownOrUnknownAddress_SameAnswer()
    {
        var (called, _) = await people["ada"].SubmitAsync("/crews/new", CrewForm("ben@test.example", "cy@test.example"));
        var crew = called.Headers.Location!.OriginalString;
        var known = await people["ada"].SubmitAsync(crew, new Dictionary<string, string> { ["InviteEmail"] = "eve@test.example" }, handler: "Invite");
        var knownAnswer = await AnswerAsync(people["ada"], known.Item1, t => t.Replace("eve@test.example", "…"));
        var unknown = await people["ada"].SubmitAsync(crew, new Dictionary<string, string> { ["InviteEmail"] = "ivo@test.example" }, handler: "Invite");
        var unknownAnswer = await AnswerAsync(people["ada"], unknown.Item1, t => t.Replace("ivo@test.example", "…"));
        Assert.Equal(knownAnswer.Status, unknownAnswer.Status);
        Assert.Equal(knownAnswer.Text.Replace("3 more people", "N more people"), unknownAnswer.Text.Replace("4 more people", "N more people"));
        await hub.Smtp!.WaitForAsync("ivo@test.example", "invites you to a crew");

        // Asking again is refused the same way for both.
        var (_, knownAgain) = await people["ada"].SubmitAsync(crew, new Dictionary<string, string> { ["InviteEmail"] = "eve@test.example" }, handler: "Invite");
        var (_, unknownAgain) = await people["ada"].SubmitAsync(crew, new Dictionary<string, string> { ["InviteEmail"] = "ivo@test.example" }, handler: "Invite");
        Assert.Equal(knownAgain.QuerySelector("#invite-email-error")!.TextContent.Replace("eve@", "x@"), unknownAgain.QuerySelector("#invite-email-error")!.TextContent.Replace("ivo@", "x@"));
    }

    [Fact]
    public async Task ProposeDyad_KnownOrUnknownAddress_SameAnswer_AndTheInvitedSignsUpAndAccepts()
    {
        Dictionary<string, string> Form(string email) => new() { ["PartnerEmail"] = email, ["Kind"] = "PeerCoaching", ["Weeks"] = "6", ["Intention"] = "Weekly walks." };
        var known = await people["ada"].SubmitAsync("/dyads/new", Form("ben@test.example"));
        var knownAnswer = await AnswerAsync(people["ada"], known.Item1, t => t.Replace("ben@test.example", "…"), ".notice");
        var unknown = await people["ada"].SubmitAsync("/dyads/new", Form("jo@test.example"));
        Assert.Equal(known.Item1.Headers.Location, unknown.Item1.Headers.Location);
        var unknownAnswer = await AnswerAsync(people["ada"], unknown.Item1, t => t.Replace("jo@test.example", "…"), ".notice");
        Assert.Equal(HttpStatusCode.Redirect, unknownAnswer.Status);
        Assert.Equal(knownAnswer, unknownAnswer);
        // Both wait in the proposer's list the same way, under the address typed, and neither links to a page
        // (the known address's dyad page would show the partner's name).
        var (_, list) = await people["ada"].GetAsync("/dyads");
        var items = list.QuerySelectorAll("li.card").Select(li => Regex.Replace(li.InnerHtml.Replace("ben@test.example", "…").Replace("jo@test.example", "…"), @"\s+", "")).ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(items[0], items[1]);

        var link = new Uri(SmtpSink.LinkIn(await hub.Smtp!.WaitForAsync("jo@test.example", "Ada Host proposes a dyad"), "/invitations/")).AbsolutePath;
        var jo = hub.NewClient();
        var (_, page) = await jo.GetAsync(link);
        Assert.Contains("Weekly walks.", page.QuerySelector("main")!.TextContent);
        var (signedUp, _) = await jo.SubmitAsync(link, new Dictionary<string, string> { ["DisplayName"] = "Jo", ["Password"] = Password }, handler: "SignUp");
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        var dyad = signedUp.Headers.Location!.OriginalString;
        Assert.StartsWith("/dyads/", dyad);
        var (started, _) = await jo.SubmitAsync(dyad, new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Respond");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var (_, adaView) = await people["ada"].GetAsync(dyad);
        Assert.Contains("Ada Host and Jo", adaView.QuerySelector("h1")!.TextContent);
    }
}
