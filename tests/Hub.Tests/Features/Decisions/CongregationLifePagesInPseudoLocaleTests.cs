using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Platform.Localization;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Decisions;

/// <summary>
/// A congregation's everyday life (its conversations, its decisions and the offers and requests of its members) read
/// in the pseudo-locale: every word the hub itself writes on those pages, and in the answers to a refused form, goes
/// through localisation. One hub for the three, the congregation made through the hub's own forms; what the test made
/// (names, titles, posts, reasons) is taken away before looking.
/// </summary>
public sealed class CongregationLifePagesInPseudoLocaleTests(SharedHubWithPseudoLocale shared) : IClassFixture<SharedHubWithPseudoLocale>
{
    private readonly HubFactory hub = shared.Hub;

    private Task<SharedHubWithPseudoLocale.Reader> PersonAsync(string who) => shared.PersonAsync(who);

    private async Task<T> DbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        using var scope = hub.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    /// <summary>A congregation the host made through its form, which the others joined; its slug.</summary>
    private async Task<string> CongregationAsync(string name, SharedHubWithPseudoLocale.Reader host, params SharedHubWithPseudoLocale.Reader[] members)
    {
        var path = await CreateAsync(host.Client, name);
        foreach (var member in members)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await member.Client.SubmitAsync(path, new Dictionary<string, string>(), handler: "Join")).Response.StatusCode);
        }
        return SlugOf(path);
    }

    private static async Task<string> RedirectedAsync(FormClient client, string path, Dictionary<string, string> fields, string? handler = null)
    {
        var (response, page) = await client.SubmitAsync(path, fields, handler);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>A form the hub refused: shown again (200), its message marked, and nothing else on it unmarked.</summary>
    private static void AssertRefusedInPseudoLocale(HttpResponseMessage response, IHtmlDocument page, string errorField, string what, string[] data)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("⟦", page.QuerySelector(errorField)!.TextContent.Trim());
        var leaks = PseudoLocalePages.LeaksIn(page, data);
        Assert.True(leaks.Count == 0, $"{what} shows words that skipped localisation: {string.Join(" | ", leaks)}");
    }

    [Fact]
    public async Task Conversations_ListNewThreadAndTending_ShowNoWordThatSkippedLocalisation()
    {
        var host = await PersonAsync("host");
        var member = await PersonAsync("ines");
        var congregation = Unique.Name("Tagus Circle");
        var slug = await CongregationAsync(congregation, host, member);
        var conversations = $"/congregations/{slug}/conversations";
        var title = Unique.Name("Lifts to the summer gathering");
        const string First = "Who drives from the north? I have two seats.";
        const string Reply = "I do, from the station at nine.";
        const string Reason = "Settled: the lifts are arranged.";
        string[] data = [congregation, host.Name, member.Name, title, First, Reply, Reason, "@" + host.Name, "@" + member.Name];

        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, conversations, "the conversations of a congregation, none yet", data);
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, conversations + "/new", "the form to start a conversation", data);
        var (refused, refusedPage) = await member.Client.SubmitAsync(conversations + "/new", new Dictionary<string, string> { ["Title"] = "", ["Text"] = "" });
        AssertRefusedInPseudoLocale(refused, refusedPage, "#title-error", "a conversation refused for its empty title", data);

        var thread = await RedirectedAsync(member.Client, conversations + "/new", new Dictionary<string, string> { ["Title"] = title, ["Text"] = First });
        Assert.StartsWith(thread, await RedirectedAsync(host.Client, thread, new Dictionary<string, string> { ["Text"] = Reply }, "Reply"), StringComparison.Ordinal);
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, thread, "a thread with a reply, for a member", data);
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, thread, "a thread with a reply, for a host", data);
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, conversations, "the conversations with one thread, for a host", data);
        var (_, threadPage) = await member.Client.GetAsync(thread);
        var edit = threadPage.QuerySelector("a[href*='?edit=']")!.GetAttribute("href")!;
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, edit, "a post opened to change it, for its author", data);
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, "/network/conversations", "the network's hosts' conversations, for a host", data);

        var (confirming, confirmPage) = await host.Client.SubmitAsync(thread, new Dictionary<string, string> { ["Reason"] = Reason }, "Hide");
        AssertRefusedInPseudoLocale(confirming, confirmPage, "#confirm-hide strong", "hiding a thread, asked to confirm", data);
        await RedirectedAsync(host.Client, thread, new Dictionary<string, string> { ["Reason"] = Reason }, "Close");
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, thread, "a closed thread, for a member", data);
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, conversations, "the conversations with a closed thread", data);
    }

    [Fact]
    public async Task Decisions_ConsentAdviceAndPoll_OpenAndClosed_ShowNoWordThatSkippedLocalisation()
    {
        var host = await PersonAsync("host");
        var member = await PersonAsync("joao");
        var other = await PersonAsync("kira");
        var congregation = Unique.Name("Estrela Circle");
        var slug = await CongregationAsync(congregation, host, member, other);
        var decisions = $"/congregations/{slug}/decisions";
        var question = Unique.Name("Shall we meet in the library");
        var closed = Unique.Name("Shall we share a tea fund");
        var advice = Unique.Name("Where to hold the spring gathering");
        var poll = Unique.Name("When to meet in May");
        const string Proposal = "From March, in the library.";
        const string Amended = "From April, in the library.";
        const string Note = "April suits the library better.";
        const string Block = "The library closes at eight; we need longer.";
        const string Outcome = "We share a tea fund from June.";
        const string Advice = "Ask the farm first; it has room.";
        string[] data = [congregation, host.Name, member.Name, other.Name, question, closed, advice, poll, Proposal, Amended, Note, Block, Outcome, Advice,
            "The café is loud.", "UTC", "library"];
        Dictionary<string, string> Propose(string q, string kind = "Consent") => new()
        {
            ["Input.Kind"] = kind,
            ["Input.Question"] = q,
            ["Input.Proposal"] = Proposal,
            ["Input.Background"] = "The café is loud.",
            ["Input.Closes"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm"),
            ["Input.Quorum"] = kind == "Consent" ? "2" : "",
            ["Input.Visibility"] = "Names",
        };

        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, decisions, "the decisions of a congregation, none yet", data);
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, decisions + "/new", "the form to propose something", data);
        var empty = Propose(" ");
        empty["Input.Quorum"] = "many";
        var (refused, refusedPage) = await member.Client.SubmitAsync(decisions + "/new", empty, "Propose");
        AssertRefusedInPseudoLocale(refused, refusedPage, "#question-error", "a proposal refused for its empty question", data);

        // A consent decision: one agrees, one blocks, the proposer changes it.
        var consent = await RedirectedAsync(host.Client, decisions + "/new", Propose(question), "Propose");
        await RedirectedAsync(member.Client, consent, new Dictionary<string, string> { ["Choice"] = "Agree", ["Reason"] = "" }, "Answer");
        await RedirectedAsync(other.Client, consent, new Dictionary<string, string> { ["Choice"] = "Block", ["Reason"] = Block }, "Answer");
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, consent, "a proposal with an agreement and a block, for its proposer", data);
        await RedirectedAsync(host.Client, consent, new Dictionary<string, string> { ["Proposal"] = Amended, ["Note"] = Note }, "Amend");
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, consent, "a changed proposal with earlier answers, for a member", data);

        // A closed one: answered, closed, its outcome written after the confirmation.
        var toClose = await RedirectedAsync(host.Client, decisions + "/new", Propose(closed), "Propose");
        await RedirectedAsync(member.Client, toClose, new Dictionary<string, string> { ["Choice"] = "Agree", ["Reason"] = "" }, "Answer");
        var closedId = Guid.Parse(toClose.Split('/')[^1]);
        await DbAsync(db => db.Decisions.Where(d => d.Id == closedId).ExecuteUpdateAsync(s => s.SetProperty(d => d.ClosesAt, DateTime.UtcNow.AddMinutes(-1))));
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, toClose, "a decision waiting for its outcome, for its proposer", data);
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, decisions, "the decisions page with one waiting for its outcome", data);
        var (confirming, confirmPage) = await host.Client.SubmitAsync(toClose, new Dictionary<string, string> { ["Result"] = "Adopted", ["ResultNote"] = Outcome }, "Outcome");
        AssertRefusedInPseudoLocale(confirming, confirmPage, ".confirm strong", "writing an outcome, asked to confirm", data);
        await RedirectedAsync(host.Client, toClose, new Dictionary<string, string> { ["Result"] = "Adopted", ["ResultNote"] = Outcome, ["Confirmed"] = "true" }, "Outcome");
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, toClose, "a decision in the log", data);

        // An advice process with advice given, and a time poll with an answer.
        var asking = Propose(advice, "Advice");
        asking["Input.Advisers"] = member.Id;
        var advicePath = await RedirectedAsync(host.Client, decisions + "/new", asking, "Propose");
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, advicePath, "an advice process, for the adviser asked", data);
        await RedirectedAsync(member.Client, advicePath, new Dictionary<string, string> { ["Choice"] = "Concerns", ["Reason"] = Advice }, "Answer");
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, advicePath, "an advice process with advice, for the one who decides", data);
        var times = Propose(poll, "TimePoll");
        times["Input.Options[0]"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-ddT19:00");
        times["Input.Options[1]"] = DateTime.UtcNow.AddDays(11).ToString("yyyy-MM-ddT19:00");
        var pollPath = await RedirectedAsync(host.Client, decisions + "/new", times, "Propose");
        var (_, pollPage) = await member.Client.GetAsync(pollPath);
        var option = pollPage.QuerySelector("input[name^='Availability[']")!.GetAttribute("name")!;
        await RedirectedAsync(member.Client, pollPath, new Dictionary<string, string> { [option] = "IfNeedBe" }, "Poll");
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, pollPath, "a time poll one answered", data);
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, pollPath, "a time poll, for the one who chooses", data);

        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, decisions, "the decisions page with open ones and the log, for a member", data);
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, decisions + "?q=tea", "the log searched", data);
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, decisions + "?q=nowhere", "the log searched for what is not there", [.. data, "nowhere"]);
    }

    [Fact]
    public async Task OffersAndRequests_PostedAnsweredAndTended_ShowNoWordThatSkippedLocalisation()
    {
        var host = await PersonAsync("host");
        var member = await PersonAsync("lena");
        var congregation = Unique.Name("Sado Circle");
        var slug = await CongregationAsync(congregation, host, member);
        var congregationId = await DbAsync(db => db.Congregations.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());
        var offer = Unique.Name("Two hours of bookkeeping help");
        var request = Unique.Name("A quiet room to write in");
        const string Message = "I can help on Tuesdays; write to me.";
        string[] data = [congregation, host.Name, member.Name, offer, request, Message, "bookkeeping", "Setúbal", "UTC", "details", "Some", "mornings"];
        Dictionary<string, string> Post(string title, string kind, string place, bool online, string to) => new()
        {
            ["Input.Kind"] = kind,
            ["Input.Category"] = kind == "Offer" ? "Skill" : "Space",
            ["Input.Title"] = title,
            ["Input.Details"] = "Some **details**, mornings.",
            ["Input.Skills"] = kind == "Offer" ? "bookkeeping" : "",
            ["Input.Place"] = place,
            ["Input.Online"] = online ? "true" : "false",
            ["Input.CongregationId"] = to,
            ["Input.ExpiresOn"] = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd"),
        };

        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, "/offers", "offers and requests, none of one's own", data);
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, "/offers/new", "the form to post an offer or a request", data);
        var (refused, refusedPage) = await member.Client.SubmitAsync("/offers/new", Post("", "Offer", "", false, ""), "Publish");
        AssertRefusedInPseudoLocale(refused, refusedPage, "#title-error", "a post refused for its empty line", data);

        var offerPath = await RedirectedAsync(member.Client, "/offers/new", Post(offer, "Offer", "Setúbal", true, congregationId.ToString()), "Publish");
        var requestPath = await RedirectedAsync(host.Client, "/offers/new", Post(request, "Request", "", true, ""), "Publish");
        await RedirectedAsync(host.Client, offerPath, new Dictionary<string, string> { ["Message"] = Message, ["ShareEmail"] = "true" }, "Answer");
        var hostEmail = await DbAsync(db => db.Users.Where(u => u.Id == host.Id).Select(u => u.Email!).SingleAsync());
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, offerPath, "an offer with an answer, for its poster", [.. data, hostEmail]);
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, offerPath, "an offer one answered", data);
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, requestPath, "a request of someone else", data);
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, "/offers", "offers and requests, with one's own", data);
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, $"/congregations/{slug}/offers-and-requests", "a congregation's offers and requests", data);
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, "/offers?q=nowhere&online=true&kind=Request", "offers searched for what is not there", [.. data, "nowhere"]);

        var (confirming, confirmPage) = await member.Client.SubmitAsync(offerPath, new Dictionary<string, string>(), "Delete");
        AssertRefusedInPseudoLocale(confirming, confirmPage, "#confirm-delete strong", "deleting a post, asked to confirm", data);
        await RedirectedAsync(member.Client, offerPath, new Dictionary<string, string>(), "Close");
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, offerPath, "a closed offer, for its poster", [.. data, hostEmail]);
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, offerPath, "a closed offer, for the one who answered", data);
    }
}
