using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Gatherings.GatheringTestKit;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

/// <summary>
/// Hosting together: a host invites a co-host, who accepts or declines; co-hosts do what hosts do and see each
/// other's moves; members propose events that wait for a host's yes unless the congregation lets them go up at once.
/// </summary>
public sealed class HostingTogetherTests : IAsyncLifetime
{
    private const string Password = "two candles one table";
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];
    private Guid congregationId;
    private string slug = "";
    private static readonly DateOnly InAMonth = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync();
        foreach (var name in new[] { "ada", "ben", "cy" })
        {
            await hub.CreatePersonAsync($"{name}@test.example", Password, name: char.ToUpperInvariant(name[0]) + name[1..]);
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", Password);
        }
        people["visitor"] = hub.NewClient();
        var path = await Congregations.CongregationTestKit.CreateAsync(people["ada"], "Hearth Congregation");
        slug = Congregations.CongregationTestKit.SlugOf(path);
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        congregationId = await db.Congregations.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
        var ben = await db.Users.Where(u => u.Email == "ben@test.example").Select(u => u.Id).SingleAsync();
        await JoinCongregation.AddMemberAsync(db, congregationId, ben, DateTime.UtcNow, default);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task<T> WithDbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        using var scope = hub.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    private static string Token(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private Dictionary<string, string> CongregationForm(string title) =>
        Form($"congregation:{congregationId}", title, InAMonth);

    [Fact]
    public async Task CoHost_InvitedAndAccepts_MayChangeTheEventAndTheHostsSeeWhatEachDid()
    {
        var path = await CreateAsync(people["ada"], CongregationForm("Hearth winter gathering"));
        var id = IdOf(path);
        Assert.Equal(HttpStatusCode.NotFound, (await people["ben"].GetAsync($"{path}/edit")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await people["ben"].GetAsync($"{path}/hosts")).Response.StatusCode);

        // Cy shares no congregation with Ada: not in the list, and an address typed is not how co-hosts are chosen.
        var (refused, refusedPage) = await people["ada"].SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["Person"] = "cy@test.example" }, "Invite");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("share a congregation with", refusedPage.QuerySelector("#cohost-error")!.TextContent);
        Assert.Equal("cy@test.example", refusedPage.QuerySelector("#cohost")!.GetAttribute("value"));

        var (invited, _) = await people["ada"].SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["Person"] = "Ben" }, "Invite");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var invitation = await hub.Smtp!.WaitForAsync("ben@test.example", "Ada invites you to co-host Hearth winter gathering");
        Assert.Contains("free to decline", invitation.TextBody);
        Assert.Contains($"/gatherings/{id}/hosts", invitation.TextBody);
        // Invited is not yet a host.
        Assert.Equal(HttpStatusCode.NotFound, (await people["ben"].GetAsync($"{path}/edit")).Response.StatusCode);
        var (_, eventPage) = await people["ben"].GetAsync(path);
        Assert.Contains("You are invited to co-host this event", eventPage.QuerySelector("main")!.TextContent);

        var (accepted, _) = await people["ben"].SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["accept"] = "true" }, "Answer");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await hub.Smtp.WaitForAsync("ada@test.example", "Ben will co-host: Hearth winter gathering");
        Assert.True(await WithDbAsync(db => db.Notifications.AnyAsync(n => n.About == $"cohost-invitation:{id}" && n.DoneAt != null)));

        var (edited, _) = await people["ben"].SubmitAsync($"{path}/edit", CongregationForm("Hearth winter gathering, by the fire"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("Hearth winter gathering, by the fire", await WithDbAsync(db => db.GatheringEvents.Where(e => e.Id == id).Select(e => e.Title).SingleAsync()));

        var (_, hostsPage) = await people["ada"].GetAsync($"{path}/hosts");
        var actions = hostsPage.QuerySelectorAll(".host-actions li").Select(li => li.TextContent).ToList();
        Assert.Contains(actions, a => a.Contains("Ben changed the details"));
        Assert.Contains(actions, a => a.Contains("Ben accepted the invitation to co-host"));
        Assert.Contains(actions, a => a.Contains("Ada invited Ben to co-host"));
        Assert.Contains("Ben co-hosts", hostsPage.QuerySelector("main")!.TextContent);

        // A second invitation to someone who co-hosts already is refused, with the form kept.
        var (again, againPage) = await people["ada"].SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["Person"] = "Ben" }, "Invite");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("co-hosts this event already", againPage.QuerySelector("#cohost-error")!.TextContent);

        // Stepping down ends the rights; the reason given reaches the one who invited, and stays in the hosts' list.
        var (stepped, _) = await people["ben"].SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["Reason"] = "My evenings are full until spring." }, "StepDown");
        Assert.Equal(HttpStatusCode.Redirect, stepped.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await people["ben"].GetAsync($"{path}/edit")).Response.StatusCode);
        var (_, afterStep) = await people["ada"].GetAsync($"{path}/hosts");
        var line = afterStep.QuerySelectorAll(".host-actions li").Single(li => li.TextContent.Contains("Ben stepped down as co-host"));
        Assert.Contains("My evenings are full until spring.", line.QuerySelector("blockquote")!.TextContent);
        var told = await hub.Smtp!.WaitForAsync("ada@test.example", "Ben stepped down as co-host");
        Assert.Contains("Their reason: My evenings are full until spring.", told.TextBody);
    }

    [Fact]
    public async Task CoHost_RemovedByAHost_OnlyOnceConfirmed_LosesTheRightsAndIsTold()
    {
        var path = await CreateAsync(people["ada"], CongregationForm("Hearth autumn circle"));
        await people["ada"].SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["Person"] = "Ben" }, "Invite");
        await people["ben"].SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["accept"] = "true" }, "Answer");
        Assert.Equal(HttpStatusCode.OK, (await people["ben"].GetAsync($"{path}/edit")).Response.StatusCode);
        // A co-host is offered no way to remove themselves here (they step down); the host is.
        var (_, benPage) = await people["ben"].GetAsync($"{path}/hosts");
        Assert.Empty(benPage.QuerySelectorAll("form[action$='handler=Remove']"));

        var (unconfirmed, unconfirmedPage) = await people["ada"].SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["Confirm"] = "false" }, "Remove");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm that Ben no longer co-hosts", unconfirmedPage.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await people["ben"].GetAsync($"{path}/edit")).Response.StatusCode);

        var (removed, _) = await people["ada"].SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["Confirm"] = "true" }, "Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var told = await hub.Smtp!.WaitForAsync("ben@test.example", "You no longer co-host Hearth autumn circle");
        Assert.Contains("Ada removed you from the hosts", told.TextBody);
        Assert.Equal(HttpStatusCode.NotFound, (await people["ben"].GetAsync($"{path}/edit")).Response.StatusCode);
        var (_, hostsPage) = await people["ada"].GetAsync($"{path}/hosts");
        Assert.Contains(hostsPage.QuerySelectorAll(".host-actions li"), li => li.TextContent.Contains("Ada removed Ben as co-host", StringComparison.Ordinal));
        Assert.DoesNotContain("Ben co-hosts", hostsPage.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task CoHost_Declines_GainsNothingAndTheInviterHearsKindly()
    {
        var path = await CreateAsync(people["ada"], CongregationForm("Hearth spring call"));
        await people["ada"].SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["Person"] = "Ben" }, "Invite");
        var (declined, _) = await people["ben"].SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["accept"] = "false" }, "Answer");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var told = await hub.Smtp!.WaitForAsync("ada@test.example", "Ben declined to co-host");
        Assert.Contains("No reason is needed", told.TextBody);
        Assert.Equal(HttpStatusCode.NotFound, (await people["ben"].GetAsync($"{path}/edit")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await people["ben"].GetAsync($"{path}/hosts")).Response.StatusCode);
        // An answer given twice finds the invitation closed.
        var id = IdOf(path);
        Assert.Equal(CoHostStatus.Declined, await WithDbAsync(db => db.EventCoHosts.Where(c => c.EventId == id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task CoHost_InvitationTakenBack_InvitedPersonCanNoLongerAnswerAndTheHostsSeeIt()
    {
        var path = await CreateAsync(people["ada"], CongregationForm("Hearth summer picnic"));
        var id = IdOf(path);
        await people["ada"].SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["Person"] = "Ben" }, "Invite");
        var ben = await WithDbAsync(db => db.Users.Where(u => u.Email == "ben@test.example").Select(u => u.Id).SingleAsync());

        // The invitation waits on the person's home too, and is gone from it once taken back (below).
        var (_, home) = await people["ben"].GetAsync("/me");
        Assert.Contains("Co-host “Hearth summer picnic”", home.QuerySelector("main")!.TextContent);

        // The invited person sees the page (to answer) but cannot take the invitation back themselves.
        var (_, benPage) = await people["ben"].GetAsync($"{path}/hosts");
        Assert.Empty(benPage.QuerySelectorAll("form[action$='handler=Withdraw']"));
        var (forged, forgedPage) = await people["ben"].PostAsync($"{path}/hosts?handler=Withdraw", new Dictionary<string, string> { ["Person"] = ben, ["__RequestVerificationToken"] = Token(benPage) });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Only the event's hosts", forgedPage.QuerySelector("main")!.TextContent);

        var (_, adaPage) = await people["ada"].GetAsync($"{path}/hosts");
        Assert.Contains("Take back the invitation to Ben", adaPage.QuerySelector("form[action$='handler=Withdraw'] button")!.TextContent);
        var (taken, _) = await people["ada"].SubmitAsync($"{path}/hosts", new Dictionary<string, string>(), "Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await people["ben"].GetAsync($"{path}/hosts")).Response.StatusCode);
        Assert.False(await WithDbAsync(db => db.EventCoHosts.AnyAsync(c => c.EventId == id)));
        Assert.DoesNotContain("Hearth summer picnic", (await people["ben"].GetAsync("/me")).Page.QuerySelector("main")!.TextContent);
        Assert.False(await WithDbAsync(db => db.Notifications.AnyAsync(n => n.About == $"cohost-invitation:{id}" && n.DoneAt == null)));
        var (_, after) = await people["ada"].GetAsync($"{path}/hosts");
        Assert.Contains(after.QuerySelectorAll(".host-actions li"), li => li.TextContent.Contains("Ada took back the invitation to Ben to co-host"));
        Assert.DoesNotContain("invited to co-host", after.QuerySelector("main")!.TextContent);

        // Taken back twice: the second finds nothing waiting, and says so.
        var (again, againPage) = await people["ada"].PostAsync($"{path}/hosts?handler=Withdraw", new Dictionary<string, string> { ["Person"] = ben, ["__RequestVerificationToken"] = Token(after) });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("no longer waiting", againPage.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task ProposedEvent_MemberProposes_SeenOnlyByThemAndTheHostsUntilAHostSaysYes()
    {
        var (created, _) = await people["ben"].SubmitAsync("/gatherings/new", CongregationForm("Ben's repair evening"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Headers.Location!.OriginalString;
        var id = IdOf(path);
        var (_, benPage) = await people["ben"].GetAsync(path);
        Assert.Contains("Your event is proposed", benPage.QuerySelector("main")!.TextContent);
        Assert.Contains("This event is a proposal", benPage.QuerySelector("#proposal")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await people["visitor"].GetAsync(path)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await people["cy"].GetAsync(path)).Response.StatusCode);
        var (_, calendar) = await people["visitor"].GetAsync("/calendar.ics");
        Assert.DoesNotContain("repair evening", calendar.Source.Text);
        var asked = await hub.Smtp!.WaitForAsync("ada@test.example", "Ben proposes an event for Hearth Congregation");
        Assert.Contains($"/gatherings/{id}/hosts", asked.TextBody);
        var (_, hostPage) = await people["ada"].GetAsync($"/congregations/{slug}/host");
        Assert.Contains("Ben's repair evening", hostPage.QuerySelector("#members-events")!.ParentElement!.TextContent);

        // Not this time needs a kind word; the proposal stays as it was.
        var (empty, emptyPage) = await people["ada"].SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["approve"] = "false", ["Message"] = " " }, "Decide");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("kind words", emptyPage.QuerySelector("#message-error")!.TextContent);
        Assert.Equal(EventApproval.Proposed, await WithDbAsync(db => db.GatheringEvents.Where(e => e.Id == id).Select(e => e.Approval).SingleAsync()));

        var (approved, _) = await people["ada"].SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["approve"] = "true", ["Message"] = "Lovely idea." }, "Decide");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var told = await hub.Smtp.WaitForAsync("ben@test.example", "Your event is up: Ben's repair evening");
        Assert.Contains("Lovely idea.", told.TextBody);
        Assert.Equal(HttpStatusCode.OK, (await people["visitor"].GetAsync(path)).Response.StatusCode);
        Assert.True(await WithDbAsync(db => db.Notifications.Where(n => n.About == $"proposed-event:{id}").AllAsync(n => n.DoneAt != null)));
        var (_, hostsPage) = await people["ben"].GetAsync($"{path}/hosts");
        Assert.Contains("Ada said yes to the proposal", hostsPage.QuerySelector(".host-actions")!.TextContent);
    }

    [Fact]
    public async Task ProposedEvent_DeclinedWithAMessage_ProposerReadsItAndOthersStillCannotSeeIt()
    {
        var (created, _) = await people["ben"].SubmitAsync("/gatherings/new", CongregationForm("Ben's midnight swim"));
        var path = created.Headers.Location!.OriginalString;
        var (declined, _) = await people["ada"].SubmitAsync($"{path}/hosts",
            new Dictionary<string, string> { ["approve"] = "false", ["Message"] = "The river is too cold in winter; could we try it in June?" }, "Decide");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var told = await hub.Smtp!.WaitForAsync("ben@test.example", "Not this time: Ben's midnight swim");
        Assert.Contains("could we try it in June?", told.TextBody);
        var (_, benPage) = await people["ben"].GetAsync(path);
        Assert.Contains("could we try it in June?", benPage.QuerySelector("#proposal")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await people["visitor"].GetAsync(path)).Response.StatusCode);
        // Answers stay closed on a proposal that was not taken up.
        var (_, answerPage) = await people["ben"].SubmitAsync(path, new Dictionary<string, string> { ["Reply"] = "Going" }, "Answer");
        Assert.Contains("still a proposal", answerPage.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task ProposedEvent_CongregationLetsMembersEventsUpAtOnce_GoesUpWithoutWaiting()
    {
        var (saved, _) = await people["ada"].SubmitAsync($"/congregations/{slug}/host", new Dictionary<string, string> { ["MembersEventsAtOnce"] = "true" }, "MembersEvents");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, form) = await people["ben"].GetAsync("/gatherings/new");
        Assert.DoesNotContain("a proposal until a host says yes", form.QuerySelector("main")!.TextContent);
        var path = await CreateAsync(people["ben"], CongregationForm("Ben's open studio"));
        Assert.Equal(HttpStatusCode.OK, (await people["visitor"].GetAsync(path)).Response.StatusCode);
        // Cy belongs nowhere: a forged post for the congregation is refused and saves nothing.
        var (refused, _) = await people["cy"].PostAsync("/gatherings/new", new Dictionary<string, string>(CongregationForm("Cy's forged event"))
        {
            ["__RequestVerificationToken"] = (await people["cy"].GetAsync("/gatherings/new")).Page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(await WithDbAsync(db => db.GatheringEvents.AnyAsync(e => e.Title == "Cy's forged event")));
    }
}
