using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Offers;

/// <summary>
/// Offers and requests through their pages, on the database under test: posting (and what a wrong form says), who
/// sees a post, searching by skill, place and online, answering privately (the email, the address kept or shared),
/// the profile and the members found by skill, expiry and renewal, closing, and deleting after a confirmation.
/// </summary>
public sealed class OfferTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>
{
    private const string Password = "keeper of the fire";
    private HubFactory Hub => shared.Hub;

    private async Task<(string Id, string Email, FormClient Client)> PersonAsync(string name)
    {
        var email = Unique.Email(name);
        var id = (await Hub.CreatePersonAsync(email, Password, name: $"{char.ToUpperInvariant(name[0])}{name[1..]} Quill")).Id;
        return (id, email, await Hub.SignedInClientAsync(email, Password));
    }

    private async Task<T> DbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        using var scope = Hub.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    private static Dictionary<string, string> Post(string title, string kind = "Offer", string skills = "", string place = "", bool online = false,
        string congregation = "", string? until = null) => new()
        {
            ["Input.Kind"] = kind,
            ["Input.Category"] = "Skill",
            ["Input.Title"] = title,
            ["Input.Details"] = "Some **details** <script>alert(1)</script>",
            ["Input.Skills"] = skills,
            ["Input.Place"] = place,
            ["Input.Online"] = online ? "true" : "false",
            ["Input.CongregationId"] = congregation,
            ["Input.ExpiresOn"] = until ?? DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd"),
        };

    private static async Task<string> PostAsync(FormClient client, Dictionary<string, string> form)
    {
        var (posted, page) = await client.SubmitAsync("/offers/new", form, "Publish");
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        return posted.Headers.Location!.OriginalString;
    }

    private static async Task<string> MainTextAsync(FormClient client, string path)
    {
        var (response, page) = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector("main")!.TextContent;
    }

    [Fact]
    public async Task Posts_AreSeenByTheirAudience_FoundBySkillPlaceAndOnline_AndAnsweredPrivately()
    {
        var pia = await PersonAsync("pia");
        var ash = await PersonAsync("ash");
        var @out = await PersonAsync("out");
        var slug = SlugOf(await CreateAsync(pia.Client, Unique.Name("Quill Valley")));
        await ash.Client.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), handler: "Join");
        var congregationId = await DbAsync(db => db.Congregations.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

        // A wrong form says what to do, keeps what was typed, and saves nothing.
        var (wrong, wrongPage) = await pia.Client.SubmitAsync("/offers/new", Post("", until: "2000-01-01"), "Publish");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Say in a line", wrongPage.QuerySelector("#title-error")!.TextContent);
        Assert.Contains("from today on", wrongPage.QuerySelector("#expires-error")!.TextContent);
        var (foreign, foreignPage) = await @out.Client.SubmitAsync("/offers/new", Post("Sneaky", congregation: congregationId.ToString()), "Publish");
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Contains("a congregation you belong to", foreignPage.QuerySelector("#congregation-error")!.TextContent);
        Assert.Equal(0, await DbAsync(db => db.OfferPosts.CountAsync(p => p.PosterUserId == pia.Id || p.PosterUserId == @out.Id)));

        var until = DateTime.UtcNow.AddDays(20);
        var bookkeeping = await PostAsync(pia.Client, Post("Bookkeeping hours for the valley", skills: "Bookkeeping, spreadsheets", place: "Porto",
            congregation: congregationId.ToString(), until: until.ToString("yyyy-MM-dd")));
        var ladder = await PostAsync(pia.Client, Post("A long ladder to borrow", kind: "Request", skills: "tools", online: false, place: "Braga"));
        var mentoring = await PostAsync(ash.Client, Post("Mentoring calls for new hosts", skills: "hosting", online: true));

        // The Markdown goes through the sanitiser.
        var (_, shown) = await pia.Client.GetAsync(bookkeeping);
        Assert.NotNull(shown.QuerySelector(".prose strong"));
        Assert.Null(shown.QuerySelector(".prose script"));
        // Up until the day the poster chose: its last minute, not the next day's midnight.
        Assert.Matches($"^{until.Day} \\S+ {until.Year}, 23:59$", shown.QuerySelector("#expires-at")!.TextContent.Trim());

        // Who sees what: the congregation's post its members; the hub's post every member; visitors nothing.
        Assert.Contains("Bookkeeping hours", await MainTextAsync(ash.Client, "/offers"));
        Assert.Contains("Bookkeeping hours", await MainTextAsync(ash.Client, $"/congregations/{slug}/offers-and-requests"));
        Assert.DoesNotContain("A long ladder", await MainTextAsync(ash.Client, $"/congregations/{slug}/offers-and-requests"));
        var outsiders = await MainTextAsync(@out.Client, "/offers");
        Assert.DoesNotContain("Bookkeeping hours", outsiders);
        Assert.Contains("A long ladder", outsiders);
        Assert.Equal(HttpStatusCode.NotFound, (await @out.Client.Http.GetAsync(bookkeeping)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await @out.Client.Http.GetAsync($"/congregations/{slug}/offers-and-requests")).StatusCode);
        var visitor = Hub.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.Http.GetAsync("/offers")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.Http.GetAsync(ladder)).StatusCode);

        // Search by skill or words, by place, online; an empty result says what to do next.
        var bySkill = await MainTextAsync(ash.Client, "/offers?q=BOOKKEEP");
        Assert.Contains("Bookkeeping hours", bySkill);
        Assert.DoesNotContain("A long ladder", bySkill);
        var byPlace = await MainTextAsync(ash.Client, "/offers?place=braga");
        Assert.Contains("A long ladder", byPlace);
        Assert.DoesNotContain("Bookkeeping hours", byPlace);
        var online = await MainTextAsync(ash.Client, "/offers?online=true");
        Assert.Contains("Mentoring calls", online);
        Assert.DoesNotContain("A long ladder", online);
        var placeOrOnline = await MainTextAsync(ash.Client, "/offers?place=porto&online=true");
        Assert.Contains("Mentoring calls", placeOrOnline);
        Assert.Contains("Bookkeeping hours", placeOrOnline);
        Assert.Contains("Nothing open matches", await MainTextAsync(ash.Client, "/offers?q=unheard-of-skill"));
        Assert.DoesNotContain("A long ladder", await MainTextAsync(ash.Client, "/offers?kind=Offer"));

        // Answering privately: kept for the poster, emailed to them, the answerer's address only when they share it.
        var (noWords, noWordsPage) = await ash.Client.SubmitAsync(bookkeeping, new Dictionary<string, string> { ["Message"] = "  " }, "Answer");
        Assert.Equal(HttpStatusCode.OK, noWords.StatusCode);
        Assert.Contains("Write a few words", noWordsPage.QuerySelector("#message-error")!.TextContent);
        var (sent, _) = await ash.Client.SubmitAsync(bookkeeping, new Dictionary<string, string> { ["Message"] = "I could use two hours in March." }, "Answer");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var email = await DbAsync(db => db.OutgoingEmails.Where(e => e.ToAddress == pia.Email && e.Subject.Contains("Bookkeeping hours")).SingleAsync());
        Assert.Contains("I could use two hours in March.", email.TextBody);
        Assert.DoesNotContain(ash.Email, email.TextBody);
        Assert.Equal(1, await DbAsync(db => db.Notifications.CountAsync(n => n.UserId == pia.Id && n.Kind == "offers.answer")));
        var (_, piaView) = await pia.Client.GetAsync(bookkeeping);
        Assert.Contains("I could use two hours in March.", piaView.QuerySelector("#answers")!.ParentElement!.TextContent);
        Assert.DoesNotContain(ash.Email, piaView.DocumentElement.OuterHtml);
        await ash.Client.SubmitAsync(bookkeeping, new Dictionary<string, string> { ["Message"] = "Here is my address too.", ["ShareEmail"] = "true" }, "Answer");
        Assert.Contains(ash.Email, (await DbAsync(db => db.OutgoingEmails.Where(e => e.ToAddress == pia.Email && e.TextBody.Contains("my address too")).SingleAsync())).TextBody);
        (_, piaView) = await pia.Client.GetAsync(bookkeeping);
        Assert.Contains(ash.Email, piaView.QuerySelector("main")!.TextContent);
        // The answers are the poster's and each writer's own: another member sees neither.
        var third = await PersonAsync("kai");
        await third.Client.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), handler: "Join");
        var (_, kaiView) = await third.Client.GetAsync(bookkeeping);
        Assert.DoesNotContain("two hours in March", kaiView.DocumentElement.OuterHtml);
        Assert.NotNull(kaiView.QuerySelector("#answer-form"));
        // The poster has no form to answer themselves, and a forged answer is refused.
        Assert.Null(piaView.QuerySelector("#answer-form"));
        var token = piaView.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await pia.Client.PostAsync(bookkeeping + "?handler=Answer", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Message"] = "Me" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.Response.StatusCode);

        // Someone else's post: renew, close and delete are refused (forbidden where they see it, not there where they do not).
        var (_, outPage) = await @out.Client.GetAsync(ladder);
        var outToken = outPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var handler in new[] { "Renew", "Close", "Delete" })
        {
            var values = new Dictionary<string, string> { ["__RequestVerificationToken"] = outToken, ["RenewUntil"] = DateTime.UtcNow.AddDays(9).ToString("yyyy-MM-dd"), ["Confirmed"] = "true" };
            Assert.Equal(HttpStatusCode.Forbidden, (await @out.Client.PostAsync($"{ladder}?handler={handler}", values)).Response.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await @out.Client.PostAsync($"{bookkeeping}?handler={handler}", values)).Response.StatusCode);
        }
        Assert.Equal(2, await DbAsync(db => db.OfferPosts.CountAsync(p => p.PosterUserId == pia.Id && p.ClosedAt == null)));
    }

    [Fact]
    public async Task Profile_ListsOpenPostsToThoseWhoMaySee_AndMembersAreFoundBySkill()
    {
        var lea = await PersonAsync("lea");
        var bo = await PersonAsync("bo");
        var @out = await PersonAsync("out");
        var slug = SlugOf(await CreateAsync(lea.Client, Unique.Name("Quill Hills")));
        await bo.Client.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), handler: "Join");
        var congregationId = await DbAsync(db => db.Congregations.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());
        await PostAsync(lea.Client, Post("Pottery wheel on Sundays", skills: "pottery", congregation: congregationId.ToString()));
        await PostAsync(lea.Client, Post("Help moving house", kind: "Request"));

        var toMember = await MainTextAsync(bo.Client, $"/people/{lea.Id}");
        Assert.Contains("Pottery wheel on Sundays", toMember);
        Assert.Contains("Help moving house", toMember);
        var toOutsider = await MainTextAsync(@out.Client, $"/people/{lea.Id}");
        Assert.DoesNotContain("Pottery wheel", toOutsider);
        Assert.Contains("Help moving house", toOutsider);
        var toVisitor = await MainTextAsync(Hub.NewClient(), $"/people/{lea.Id}");
        Assert.DoesNotContain("Help moving house", toVisitor);

        // Skills on profiles, each by its owner's choice: Bo shows theirs to their groups, Lea keeps hers to herself.
        await DbAsync(async db =>
        {
            db.Profiles.Add(new Profile { UserId = bo.Id, Skills = "Carpentry, bookbinding", SkillsVisibility = Visibility.MyGroups, UpdatedAt = DateTime.UtcNow });
            db.Profiles.Add(new Profile { UserId = lea.Id, Skills = "carpentry", SkillsVisibility = Visibility.OnlyMe, UpdatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        // Lea finds Bo, and herself (her own skills are hers to see); Bo finds only himself: Lea's are hers alone.
        var (_, found) = await lea.Client.GetAsync($"/congregations/{slug}/members?skill=carpent");
        Assert.Contains("2 members list", found.QuerySelector("#skill-result")!.TextContent);
        Assert.Equal(["Bo Quill", "Lea Quill"], found.QuerySelectorAll(".member-list h2").Select(h => h.TextContent.Trim()).Order().ToList());
        var (_, bosView) = await bo.Client.GetAsync($"/congregations/{slug}/members?skill=carpent");
        Assert.Contains("1 member lists", bosView.QuerySelector("#skill-result")!.TextContent);
        Assert.Equal(["Bo Quill"], bosView.QuerySelectorAll(".member-list h2").Select(h => h.TextContent.Trim()).ToList());
        var (_, none) = await bo.Client.GetAsync($"/congregations/{slug}/members?skill=glassblowing");
        Assert.Contains("Nobody here lists", none.QuerySelector("#skill-result")!.TextContent);
        Assert.Empty(none.QuerySelectorAll(".member-list li"));
    }

    [Fact]
    public async Task ExpiredPosts_LeaveTheLists_TheirPosterRenewsClosesOrDeletesAfterConfirming()
    {
        var mo = await PersonAsync("mo");
        var jo = await PersonAsync("jo");
        var post = await PostAsync(mo.Client, Post("Spare desk in a shared studio", skills: "space"));
        var id = Guid.Parse(post.Split('/')[^1]);
        await DbAsync(db => db.OfferPosts.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        Assert.DoesNotContain("Spare desk", await MainTextAsync(jo.Client, "/offers"));
        var (_, ended) = await jo.Client.GetAsync(post);
        Assert.Null(ended.QuerySelector("#answer-form"));
        Assert.Contains("has ended", ended.QuerySelector("main")!.TextContent);
        Assert.Contains("ended, renew it", await MainTextAsync(mo.Client, "/offers"));

        // Renewing: a day in the past is explained; a day ahead puts it back in the lists.
        var (badRenew, badRenewPage) = await mo.Client.SubmitAsync(post, new Dictionary<string, string> { ["RenewUntil"] = "2001-05-05" }, "Renew");
        Assert.Equal(HttpStatusCode.OK, badRenew.StatusCode);
        Assert.Contains("from today on", badRenewPage.QuerySelector("#renew-error")!.TextContent);
        var (renewed, _) = await mo.Client.SubmitAsync(post, new Dictionary<string, string> { ["RenewUntil"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd") }, "Renew");
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        Assert.Contains("Spare desk", await MainTextAsync(jo.Client, "/offers"));

        await jo.Client.SubmitAsync(post, new Dictionary<string, string> { ["Message"] = "I would love the desk." }, "Answer");
        var (closed, _) = await mo.Client.SubmitAsync(post, new Dictionary<string, string>(), "Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.DoesNotContain("Spare desk", await MainTextAsync(jo.Client, "/offers"));
        Assert.Contains("I would love the desk.", await MainTextAsync(mo.Client, post));

        // Deleting asks first; only the second press deletes, with the answers.
        var (asked, askedPage) = await mo.Client.SubmitAsync(post, new Dictionary<string, string>(), "Delete");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.NotNull(askedPage.QuerySelector("#confirm-delete"));
        Assert.Equal(1, await DbAsync(db => db.OfferPosts.CountAsync(p => p.Id == id)));
        var (deleted, _) = await mo.Client.SubmitAsync(post, new Dictionary<string, string> { ["Confirmed"] = "true" }, "Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await DbAsync(db => db.OfferPosts.CountAsync(p => p.Id == id)));
        Assert.Equal(0, await DbAsync(db => db.OfferAnswers.CountAsync(a => a.PostId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await mo.Client.Http.GetAsync(post)).StatusCode);
    }
}
