using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Congregations.Responsibilities;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

/// <summary>
/// A congregation's register of responsibilities: hosts add them (one click from the suggestions), a holder or a host
/// offers one to a member, who accepts or declines; a hand-over ends the giver's holding on acceptance and tells them;
/// holders step down (the hosts hear it); a review date brings one notice to holders and hosts.
/// </summary>
public sealed class ResponsibilityTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>
{
    private const string Password = "a lamp handed on";
    private readonly HubFactory hub = shared.Hub;

    private async Task<(FormClient Client, string Id)> PersonAsync(string name)
    {
        var email = Unique.Email(name.ToLowerInvariant());
        var person = await hub.CreatePersonAsync(email, Password, name: name);
        return (await hub.SignedInClientAsync(email, Password), person.Id);
    }

    private async Task<T> WithDbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        using var scope = hub.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    private Task<List<string>> TitlesAsync(string userId) =>
        WithDbAsync(db => db.Notifications.Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt).Select(n => n.Title).ToListAsync());

    [Fact]
    public async Task Register_SuggestOfferAcceptHandOverStepDown_EachStepIsAnInvitationAndEveryoneConcernedHears()
    {
        var (host, hostId) = await PersonAsync("Ines");
        var slug = SlugOf(await CreateAsync(host, Unique.Name("Harbour")));
        var register = $"/congregations/{slug}/responsibilities";
        var (ana, anaId) = await PersonAsync("Ana");
        var (bo, boId) = await PersonAsync("Bo");
        foreach (var member in new[] { ana, bo })
        {
            await member.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), handler: "Join");
        }

        // Empty: members are told who adds them; hosts get the common ones to add with one click.
        var (_, empty) = await ana.GetAsync(register);
        Assert.Contains("The hosts add responsibilities here", empty.QuerySelector("#empty-register")!.TextContent);
        Assert.Empty(empty.QuerySelectorAll("form[action*='handler=Suggest']"));
        var (_, hostEmpty) = await host.GetAsync(register);
        Assert.Equal(ResponsibilitiesFeature.Suggestions.Count, hostEmpty.QuerySelectorAll("form[action*='handler=Suggest']").Length);
        var money = ResponsibilitiesFeature.Suggestions.ToList().FindIndex(s => s.Name == "Congregations.Resp.Suggest.Money");
        var (added, _) = await host.SubmitAsync(register, new Dictionary<string, string> { ["Suggestion"] = money.ToString() }, "Suggest");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await WithDbAsync(db => db.Responsibilities.Where(r => r.Name == "The money" && db.Congregations.Any(c => c.Id == r.CongregationId && c.Slug == slug)).Select(r => r.Id).SingleAsync());
        var (_, listed) = await ana.GetAsync(register);
        Assert.Contains("Nobody yet.", listed.QuerySelector(".responsibilities")!.TextContent);
        Assert.Null(listed.QuerySelector($"a[href='{register}/{id}/offer']")); // a member who neither holds it nor hosts offers nothing

        // The host invites Ana (not a hand-over: the host does not hold it); nothing changes until she answers.
        var offerPage = $"{register}/{id}/offer";
        var (_, form) = await host.GetAsync(offerPage);
        Assert.Null(form.QuerySelector("input[name=HandOver]"));
        var (nobody, refusedPage) = await host.SubmitAsync(offerPage, new Dictionary<string, string> { ["ToUserId"] = "" });
        Assert.Equal(HttpStatusCode.OK, nobody.StatusCode);
        Assert.Contains("Choose a member", refusedPage.QuerySelector("#to-error")!.TextContent);
        var (offered, _) = await host.SubmitAsync(offerPage, new Dictionary<string, string> { ["ToUserId"] = anaId, ["Note"] = "You keep such tidy accounts." });
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        Assert.Contains(await TitlesAsync(anaId), t => t.Contains("invites you to hold “The money”", StringComparison.Ordinal));
        Assert.Equal(0, await WithDbAsync(db => db.ResponsibilityHolders.CountAsync(h => h.ResponsibilityId == id)));
        var (_, invitation) = await ana.GetAsync(register);
        Assert.Contains("You keep such tidy accounts.", invitation.QuerySelector("#invitations")!.TextContent);
        var (accepted, _) = await ana.SubmitAsync(register, new Dictionary<string, string> { ["accept"] = "true" }, "Answer");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains(await TitlesAsync(hostId), t => t.Contains("now holds “The money”", StringComparison.Ordinal));
        Assert.True(await WithDbAsync(db => db.Notifications.Where(n => n.UserId == anaId && n.Title.Contains("The money")).AllAsync(n => n.DoneAt != null)));

        // Ana hands it over to Bo: he declines first, then accepts a second invitation; she holds it no more and hears so.
        var (_, mine) = await ana.GetAsync("/me/responsibilities");
        Assert.Contains("The money", mine.QuerySelector("main")!.TextContent);
        Assert.NotNull(mine.QuerySelector($"a[href='{offerPage}']"));
        Assert.NotNull((await ana.GetAsync(offerPage)).Page.QuerySelector("input[name=HandOver][value=true][checked]"));
        await ana.SubmitAsync(offerPage, new Dictionary<string, string> { ["ToUserId"] = boId, ["HandOver"] = "true" });
        var (again, againPage) = await ana.SubmitAsync(offerPage, new Dictionary<string, string> { ["ToUserId"] = boId, ["HandOver"] = "true" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("waiting for", againPage.QuerySelector("#to-error")!.TextContent);
        await bo.SubmitAsync(register, new Dictionary<string, string> { ["accept"] = "false" }, "Answer");
        Assert.Contains(await TitlesAsync(anaId), t => t.Contains("declined “The money”", StringComparison.Ordinal));
        await ana.SubmitAsync(offerPage, new Dictionary<string, string> { ["ToUserId"] = boId, ["HandOver"] = "true", ["Note"] = "Second ask, no pressure." });
        var (_, boPage) = await bo.GetAsync(register);
        Assert.Contains("would like to hand “The money” over to you", boPage.QuerySelector("#invitations")!.TextContent);
        await bo.SubmitAsync(register, new Dictionary<string, string> { ["accept"] = "true" }, "Answer");
        var holders = await WithDbAsync(db => db.ResponsibilityHolders.Where(h => h.ResponsibilityId == id).Select(h => h.UserId).ToListAsync());
        Assert.Equal(new[] { boId }, holders);
        await bo.GetAsync("/account/download-data");
        Assert.Contains("\"responsibilities\"", bo.LastHtml);
        Assert.Contains("The money", bo.LastHtml);
        Assert.Contains(await TitlesAsync(anaId), t => t.Contains("took “The money” over from Ana", StringComparison.Ordinal));
        var (_, hostPage) = await host.GetAsync($"/congregations/{slug}/host");
        Assert.Contains("took over the responsibility The money from Ana", hostPage.QuerySelector("#host-actions")!.ParentElement!.TextContent);

        // Bo steps down with a reason: the host hears it, and that nobody holds it now.
        var (stepped, _) = await bo.SubmitAsync(register, new Dictionary<string, string> { ["ResponsibilityId"] = id.ToString(), ["Reason"] = "Moving away in spring." }, "StepDown");
        Assert.Equal(HttpStatusCode.Redirect, stepped.StatusCode);
        Assert.Contains(await TitlesAsync(hostId), t => t.Contains("Bo stepped down from “The money”", StringComparison.Ordinal));
        Assert.Equal(0, await WithDbAsync(db => db.ResponsibilityHolders.CountAsync(h => h.ResponsibilityId == id)));
        // A member is refused the hosts' retiring.
        var (_, after) = await bo.GetAsync(register);
        var token = after.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await bo.PostAsync($"{register}?handler=Retire", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["ResponsibilityId"] = id.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, forged.Response.StatusCode);
    }

    [Fact]
    public async Task ReviewDate_Reached_HoldersAndHostsHearOnce_AndTheRegisterSaysSo()
    {
        var (host, hostId) = await PersonAsync("Oona");
        var slug = SlugOf(await CreateAsync(host, Unique.Name("Estuary")));
        var register = $"/congregations/{slug}/responsibilities";
        var (saved, _) = await host.SubmitAsync($"{register}/edit", new Dictionary<string, string>
        {
            ["Name"] = "The chat",
            ["Description"] = "Lets people into the group chat.",
            ["ReviewOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (blank, blankPage) = await host.SubmitAsync($"{register}/edit", new Dictionary<string, string> { ["Name"] = " " });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("Give it a short name", blankPage.QuerySelector("#name-error")!.TextContent);
        var (_, page) = await host.GetAsync(register);
        Assert.Contains("Due for review", page.QuerySelector(".responsibilities")!.TextContent);

        using (var scope = hub.Services.CreateScope())
        {
            var reviews = scope.ServiceProvider.GetRequiredService<ResponsibilityReviews>();
            Assert.True(await reviews.RunAsync() >= 1);
            Assert.Equal(0, await reviews.RunAsync()); // told once per date
        }
        Assert.Single(await TitlesAsync(hostId), t => t.Contains("“The chat”", StringComparison.Ordinal) && t.Contains("due for review", StringComparison.Ordinal));

        // Retired: it leaves the register, and the hosts' list keeps the line.
        var (retired, _) = await host.SubmitAsync(register, new Dictionary<string, string> { ["Reason"] = "We moved to a mailing list." }, "Retire");
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        var (_, emptyAgain) = await host.GetAsync(register);
        Assert.NotNull(emptyAgain.QuerySelector("#empty-register"));
        var (_, hostPage) = await host.GetAsync($"/congregations/{slug}/host");
        Assert.Contains("retired the responsibility The chat", hostPage.QuerySelector("#host-actions")!.ParentElement!.TextContent);
    }
}
