using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Practices;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Congregations;
using Microsolidarity.Hub.Tests.Features.Rounds;
using Microsolidarity.Hub.Tests.Platform.Localization;

namespace Microsolidarity.Hub.Tests.Features.Programs;

/// <summary>
/// Practice programs, formation rounds, introductions, invitations by email and the practice library's pages, read in
/// the pseudo-locale: every word the hub itself writes there goes through localisation. One hub for the five, made
/// through the hub's own forms; what the test made (names, titles, lines people wrote) is taken away before looking;
/// the library's own texts are the reader's language's, marked in the pseudo-locale like every word of the hub's.
/// </summary>
public sealed partial class ProgramPagesInPseudoLocaleTests(SharedHubWithPseudoLocale shared) : IClassFixture<SharedHubWithPseudoLocale>
{
    private readonly HubFactory hub = shared.Hub;

    private Task<SharedHubWithPseudoLocale.Reader> PersonAsync(string who, bool admin = false) => shared.PersonAsync(who, admin);

    [Fact]
    public async Task ProgramPages_AndTheInvitationToAPlace_ShowNoWordThatSkippedLocalisation()
    {
        var facilitator = await PersonAsync("facilitator");
        var ben = await PersonAsync("ben");
        await AssertLocalisedAsync(facilitator.Client, "/programs", "the programs page without one", []);
        await AssertLocalisedAsync(facilitator.Client, "/programs/new", "the form for a new program", ["2, 2, 3, 3, 5, all"]);

        var (refused, refusedPage) = await facilitator.Client.SubmitAsync("/programs/new", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Calls"] = "2, all" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.StartsWith("⟦", refusedPage.QuerySelector("#name-error")!.TextContent.Trim());

        var name = Unique.Name("Autumn calls");
        string[] people = ["Ana Lima", "Bo Reyes", "Cy Moss", "Di Vale"];
        var emails = people.Select(p => Unique.Email(p.Split(' ')[0].ToLowerInvariant())).ToList();
        var (saved, savedPage) = await facilitator.Client.SubmitAsync("/programs/new", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Participants"] = string.Join("\n", people.Zip(emails, (p, e) => $"{p}, {e}")),
            ["Input.Calls"] = "2, 2, all",
            ["Input.Absences"] = "2: Di Vale",
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, savedPage.QuerySelector("main")?.TextContent);
        var path = saved.Headers.Location!.OriginalString;
        var (_, shown) = await facilitator.Client.GetAsync(path);
        var links = shown.QuerySelectorAll("a.secret-link").Select(a => a.TextContent.Trim()).ToList();
        string[] data = [name, facilitator.Name, ben.Name, .. people, .. emails, .. links, "2, 2, all"];

        await AssertLocalisedAsync(facilitator.Client, path, "a program's page for its team", data);
        await AssertLocalisedAsync(facilitator.Client, "/programs", "the programs page with one", data);
        await AssertLocalisedAsync(facilitator.Client, $"{path}/edit", "the form to change a program", data);
        await AssertLocalisedAsync(facilitator.Client, $"{path}/print", "the printable rounds", data);
        await AssertLocalisedAsync(facilitator.Client, $"{path}/calls/2/start", "the page to start a call", data);
        var visitor = hub.NewClient();
        PseudoLocalePages.Use(visitor);
        await AssertLocalisedAsync(visitor, new Uri(links[0]).AbsolutePath, "a participant's own rooms", data);

        var (team, _) = await facilitator.Client.SubmitAsync(path, new Dictionary<string, string> { ["Email"] = ben.Email }, handler: "Team");
        Assert.Equal(HttpStatusCode.Redirect, team.StatusCode);
        await AssertLocalisedAsync(ben.Client, path, "a program's page for someone invited to its team", data);

        var (invited, _) = await facilitator.Client.SubmitAsync(path, new Dictionary<string, string>(), handler: "Invite");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        await AssertLocalisedAsync(facilitator.Client, path, "a program's page once its people are invited", data);
        var token = await TokenForAsync(emails[2]);
        await AssertLocalisedAsync(visitor, $"/invitations/{token}", "the invitation to a place, for someone without an account", data);
    }

    [Fact]
    public async Task RoundPages_FromOpeningToConsent_ShowNoWordThatSkippedLocalisation()
    {
        var host = await PersonAsync("host");
        var members = new[] { await PersonAsync("ama"), await PersonAsync("bex"), await PersonAsync("cai") };
        var congregation = Unique.Name("River Circle");
        var slug = CongregationTestKit.SlugOf(await CongregationTestKit.CreateAsync(host.Client, congregation, "InvitationOnly"));
        foreach (var m in members)
        {
            await RoundTestKit.AddMemberAsync(hub, slug, m.Email);
        }
        var rounds = $"/congregations/{slug}/formation";
        var title = Unique.Name("Crews after the spring gathering");
        string[] data = [congregation, title, host.Name, .. members.Select(m => m.Name), "gardening", "UTC"];
        await AssertLocalisedAsync(host.Client, rounds, "the rounds page for a host, before any", data);
        await AssertLocalisedAsync(members[0].Client, rounds, "the rounds page for a member, before any", data);

        var (opened, openedPage) = await host.Client.SubmitAsync(rounds, new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Due"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm"),
            ["MinSize"] = "3",
            ["MaxSize"] = "6",
        }, handler: "Open");
        Assert.True(opened.StatusCode == HttpStatusCode.Redirect, openedPage.QuerySelector("main")?.TextContent);
        var round = opened.Headers.Location!.OriginalString;
        await AssertLocalisedAsync(members[0].Client, round, "an open round before joining", data);
        foreach (var m in members)
        {
            var (given, page) = await RoundTestKit.PostAsync(m.Client, round, "Preferences", RoundTestKit.Preferences("gardening", RoundTestKit.TuesdayEvening));
            Assert.True(given.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        }
        await AssertLocalisedAsync(members[0].Client, round, "an open round with one's preferences", data);
        await AssertLocalisedAsync(host.Client, round, "an open round for its host", data);
        await AssertLocalisedAsync(members[1].Client, rounds, "the rounds page with an open round", data);

        Assert.Equal(HttpStatusCode.Redirect, (await RoundTestKit.PostAsync(host.Client, round, "Run", [])).Response.StatusCode);
        await AssertLocalisedAsync(host.Client, round, "a proposal for its host", data);
        await AssertLocalisedAsync(members[0].Client, round, "a proposal under review, for a member", data);
        Assert.Equal(HttpStatusCode.Redirect, (await RoundTestKit.PostAsync(host.Client, round, "Publish", [])).Response.StatusCode);
        await AssertLocalisedAsync(members[0].Client, round, "a published proposal, for a member", data);
        await AssertLocalisedAsync(host.Client, round, "a published proposal, for its host", data);
        Assert.Equal(HttpStatusCode.Redirect, (await RoundTestKit.PostAsync(members[0].Client, round, "Answer", [("Consent", "true")])).Response.StatusCode);
        await AssertLocalisedAsync(members[0].Client, round, "a proposed crew one consented to", data);
    }

    [Fact]
    public async Task IntroductionPages_ForVisitorStrangerMemberAndHost_ShowNoWordThatSkippedLocalisation()
    {
        var host = await PersonAsync("host");
        var member = await PersonAsync("dana");
        var stranger = await PersonAsync("eli");
        var congregation = Unique.Name("Harbour Circle");
        var slug = CongregationTestKit.SlugOf(await CongregationTestKit.CreateAsync(host.Client, congregation, "Open"));
        await RoundTestKit.AddMemberAsync(hub, slug, member.Email);
        var path = $"/congregations/{slug}/introductions";
        var line = "I grow tomatoes on a balcony.";
        string[] data = [congregation, host.Name, member.Name, stranger.Name, line];

        var visitor = hub.NewClient();
        PseudoLocalePages.Use(visitor);
        await AssertLocalisedAsync(visitor, path, "introductions for a visitor", data);
        await AssertLocalisedAsync(stranger.Client, path, "introductions for someone not a member", data);
        await AssertLocalisedAsync(member.Client, path, "introductions for a member who has not joined", data);
        var (joined, joinedPage) = await member.Client.SubmitAsync(path, new Dictionary<string, string> { ["Input.EveryWeeks"] = "2", ["Input.Share"] = line }, handler: "Join");
        Assert.True(joined.StatusCode == HttpStatusCode.Redirect, joinedPage.QuerySelector("main")?.TextContent);
        await AssertLocalisedAsync(member.Client, path, "introductions for a member taking part", data);
        Assert.Equal(HttpStatusCode.Redirect, (await member.Client.SubmitAsync(path, new Dictionary<string, string> { ["paused"] = "true" }, handler: "Pause")).Response.StatusCode);
        await AssertLocalisedAsync(member.Client, path, "introductions on pause", data);
        await AssertLocalisedAsync(host.Client, path, "introductions for a host", data);
    }

    [Fact]
    public async Task PracticePages_LibraryDeckOwnCardsAndEditors_ShowNoWordThatSkippedLocalisation()
    {
        var library = hub.Services.GetRequiredService<PracticeLibrary>();
        var practice = library.All.First(p => p.Roles.Count > 0 && p.Variations.Count > 0);

        var host = await PersonAsync("host");
        var admin = await PersonAsync("keeper", admin: true);
        var congregation = Unique.Name("Orchard Circle");
        var slug = CongregationTestKit.SlugOf(await CongregationTestKit.CreateAsync(host.Client, congregation, "InvitationOnly"));
        var card = "What did you learn from a mistake this month?";
        // The library's and the deck's words are the reader's language's, marked like the hub's own: nothing of theirs is taken away.
        string[] data = [congregation, host.Name, admin.Name, card];

        await AssertLocalisedAsync(host.Client, "/practices", "the library", data);
        await AssertLocalisedAsync(host.Client, "/practices?q=zzqx", "the library with nothing found", [.. data, "zzqx"]);
        await AssertLocalisedAsync(host.Client, $"/practices/{practice.Slug}", "a practice of the library", data);
        await AssertLocalisedAsync(host.Client, "/practices/cards", "the card deck", data);
        await AssertLocalisedAsync(host.Client, $"/congregations/{slug}/practices", "a congregation's practices, none yet", data);
        // The editor starts from a practice's text: what its author will rewrite, taken away like people's own words.
        var edit = $"/congregations/{slug}/practices/edit";
        await AssertLocalisedAsync(host.Client, edit, "the form to write a congregation's practice", [.. data, .. await TextareaLinesAsync(host.Client, edit)]);
        await AssertLocalisedAsync(host.Client, $"/congregations/{slug}/cards", "a congregation's own cards, none yet", data);
        var (added, addedPage) = await host.Client.SubmitAsync($"/congregations/{slug}/cards", new Dictionary<string, string> { ["Kind"] = "Starter", ["Text"] = card }, handler: "Add");
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, addedPage.QuerySelector("main")?.TextContent);
        await AssertLocalisedAsync(host.Client, $"/congregations/{slug}/cards", "a congregation's own cards", data);
        await AssertLocalisedAsync(admin.Client, "/admin/practices", "the hub's practices for an administrator", data);
        var adminEdit = $"/admin/practices/edit?slug={practice.Slug}";
        await AssertLocalisedAsync(admin.Client, adminEdit, "the form to write the hub's version of a practice", [.. data, .. await TextareaLinesAsync(admin.Client, adminEdit)]);
    }

    private static async Task<string[]> TextareaLinesAsync(FormClient client, string path)
    {
        var (_, page) = await client.GetAsync(path);
        return [.. page.QuerySelectorAll("textarea").SelectMany(t => t.TextContent.Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0)];
    }

    /// <summary>A link of one's own to the invitation sent to <paramref name="email"/> (the email itself is not read here).</summary>
    private async Task<string> TokenForAsync(string email)
    {
        var token = Guid.NewGuid().ToString("N");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        Assert.Equal(1, await db.EmailInvitations.Where(i => i.Email == email).ExecuteUpdateAsync(s => s.SetProperty(i => i.TokenHash, hash)));
        return token;
    }

    private static async Task AssertLocalisedAsync(FormClient client, string path, string page, string[] data) =>
        await PseudoLocalePages.AssertNoLeaksAsync(client, path, page, data);
}
