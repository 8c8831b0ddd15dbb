using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Platform.Localization;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

/// <summary>
/// The congregation pages, read in the pseudo-locale as a visitor, a signed-in stranger, a member and a host: every word
/// the hub itself writes there goes through localisation. What the test made (names, purposes, places) is taken away
/// before looking; the levels a congregation starts with are written in its first host's language, here the pseudo-locale.
/// </summary>
public sealed class CongregationPagesInPseudoLocaleTests(SharedHubWithPseudoLocale shared) : IClassFixture<SharedHubWithPseudoLocale>
{
    private readonly HubFactory hub = shared.Hub;

    private async Task<(FormClient Client, string Name)> PersonAsync(string who)
    {
        var email = Unique.Email(who);
        var name = Unique.Name(who);
        await hub.CreatePersonAsync(email, "a long walk by the sea", name: name);
        var client = await hub.SignedInClientAsync(email, "a long walk by the sea");
        PseudoLocalePages.Use(client);
        return (client, name);
    }

    /// <summary>The cities the shared place fields list are places' names: taken away like the test's own words.</summary>
    private static readonly string[] PlaceFields = [.. Microsolidarity.Hub.Platform.Maps.Cities.All.Select(c => c.Label)];

    private static string[] Data(string congregation, string place, params string[] more) =>
        [congregation, $"{congregation} gathers twice a year so that crews can form.", place, "English, Português", .. more];

    private static Task AssertNoLeaksAsync(FormClient client, string page, string path, string[] data) =>
        PseudoLocalePages.AssertNoLeaksAsync(client, path, page, data);

    [Fact]
    public async Task CongregationPages_ForVisitorStrangerMemberAndHost_ShowOnlyLocalisedWords()
    {
        var (host, hostName) = await PersonAsync("host");
        var open = Unique.Name("Harbour Circle");
        var place = Unique.Name("Setúbal");
        var path = await CongregationTestKit.CreateAsync(host, open, "Open", place);
        var data = Data(open, place, hostName);

        var visitor = hub.NewClient();
        PseudoLocalePages.Use(visitor);
        await AssertNoLeaksAsync(visitor, "The directory", $"/congregations?q={Uri.EscapeDataString(place)}", data);
        var nowhere = Unique.Name("nowhere");
        await AssertNoLeaksAsync(visitor, "The directory with nothing found", $"/congregations?show=open&q={Uri.EscapeDataString(nowhere)}", [.. data, nowhere]);
        await AssertNoLeaksAsync(visitor, "A congregation to a visitor", path, data);

        var (stranger, strangerName) = await PersonAsync("stranger");
        data = [.. data, strangerName];
        await AssertNoLeaksAsync(stranger, "An open congregation to a signed-in stranger", path, data);
        var (joined, _) = await stranger.SubmitAsync(path, new Dictionary<string, string>(), handler: "Join");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        await AssertNoLeaksAsync(stranger, "A congregation to a member, with the welcome", path, data);
        await AssertNoLeaksAsync(host, "A congregation to its host", path, data);
        await AssertNoLeaksAsync(stranger, "The members to a member", $"{path}/members", data);
        await AssertNoLeaksAsync(host, "The members to a host", $"{path}/members", data);
        await AssertNoLeaksAsync(host, "The members with nobody of a skill", $"{path}/members?skill=juggling", [.. data, "juggling"]);
        var (invitedToHost, _) = await host.SubmitAsync($"{path}/members", new Dictionary<string, string> { ["MakeHost"] = "true" }, handler: "Host");
        Assert.Equal(HttpStatusCode.Redirect, invitedToHost.StatusCode);
        await AssertNoLeaksAsync(host, "The members with an invitation waiting", $"{path}/members", data);
        await AssertNoLeaksAsync(stranger, "The invitations from the hosts, one waiting", $"{path}/offers", data);
        var (declined, _) = await stranger.SubmitAsync($"{path}/offers", new Dictionary<string, string> { ["accept"] = "false" }, handler: "Answer");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        await AssertNoLeaksAsync(stranger, "The invitations from the hosts, none left", $"{path}/offers", data);

        var asking = Unique.Name("Asking Garden");
        var askingPath = await CongregationTestKit.CreateAsync(host, asking, "Request", place, "What draws you here?");
        await AssertNoLeaksAsync(stranger, "A congregation one joins on request", askingPath, [.. Data(asking, place, hostName, strangerName), "What draws you here?"]);
        var invited = Unique.Name("Quiet Orchard");
        var invitedPath = await CongregationTestKit.CreateAsync(host, invited, nameof(MembershipPolicy.InvitationOnly), place);
        await AssertNoLeaksAsync(stranger, "A congregation by invitation", invitedPath, Data(invited, place, hostName, strangerName));
        await AssertNoLeaksAsync(visitor, "A congregation by invitation to a visitor", invitedPath, Data(invited, place, hostName));

        var (left, _) = await stranger.SubmitAsync(path, new Dictionary<string, string>(), handler: "Leave");
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        await AssertNoLeaksAsync(stranger, "A congregation just left", path, data);
    }

    /// <summary>A refusal shown beside its field: the operation's words went through localisation too.</summary>
    private static void AssertLocalised(AngleSharp.Html.Dom.IHtmlDocument page, string selector)
    {
        var words = page.QuerySelector(selector)?.TextContent.Trim() ?? "";
        Assert.True(words.StartsWith('⟦') && words.EndsWith('⟧'), $"{selector} says “{words}”, not in the pseudo-locale");
    }

    [Fact]
    public async Task HostingLevelsGroupsLessonsConcernsAndTheMap_ShowOnlyLocalisedWords()
    {
        var (host, hostName) = await PersonAsync("host");
        var name = Unique.Name("Tide Garden");
        var place = Unique.Name("Faro");
        var path = await CongregationTestKit.CreateAsync(host, name, "Request", place, "What draws you here?");
        var data = Data(name, place, [hostName, "What draws you here?", .. PlaceFields]);

        var (asking, askingName) = await PersonAsync("asking");
        var answers = Unique.Name("I would like to find a crew");
        var (asked, _) = await asking.SubmitAsync(path, new Dictionary<string, string> { ["Answers"] = answers });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var invited = Unique.Email("invited");
        var (sent, _) = await host.SubmitAsync(path, new Dictionary<string, string> { ["InviteEmail"] = invited }, handler: "Invite");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        data = [.. data, askingName, answers, invited];
        await AssertNoLeaksAsync(host, "Hosting, with a request and an invitation waiting", $"{path}/host", data);
        var (welcomed, _) = await host.SubmitAsync($"{path}/host", new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Decide");
        Assert.Equal(HttpStatusCode.Redirect, welcomed.StatusCode);
        await AssertNoLeaksAsync(host, "Hosting, with the welcome's notice", $"{path}/host", data);

        await AssertNoLeaksAsync(host, "The levels", $"{path}/levels", data);
        var (_, unnamed) = await host.SubmitAsync($"{path}/levels", new Dictionary<string, string> { ["Name"] = " " }, handler: "Save");
        AssertLocalised(unnamed, "[id^=name-][id$=-error]");
        var (_, unconfirmed) = await host.SubmitAsync($"{path}/levels", new Dictionary<string, string>(), handler: "Remove");
        AssertLocalised(unconfirmed, "[id^=move-to-][id$=-error]");

        await AssertNoLeaksAsync(host, "Starting a congregation", "/congregations/new", data);
        var (_, empty) = await host.SubmitAsync("/congregations/new", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Purpose"] = "" });
        AssertLocalised(empty, "#name-error");
        AssertLocalised(empty, "#purpose-error");

        await AssertNoLeaksAsync(asking, "No working group yet", $"{path}/working-groups", data);
        var (_, unfinished) = await asking.SubmitAsync($"{path}/working-groups", new Dictionary<string, string> { ["Name"] = "", ["Purpose"] = "", ["EndsOn"] = "" }, handler: "Start");
        AssertLocalised(unfinished, "#name-error");
        AssertLocalised(unfinished, "#ends-on-error");
        var group = Unique.Name("Welcome team");
        var ends = DateTime.UtcNow.AddMonths(2);
        var (started, _) = await asking.SubmitAsync($"{path}/working-groups", new Dictionary<string, string>
        {
            ["Name"] = group,
            ["Purpose"] = "Greet newcomers.",
            ["EndsOn"] = ends.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, handler: "Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        await AssertNoLeaksAsync(asking, "A working group running", $"{path}/working-groups",
            [.. data, group, "Greet newcomers.", ends.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"))]);

        await AssertNoLeaksAsync(asking, "No lessons yet", $"{path}/lessons", data);
        await AssertNoLeaksAsync(asking, "Concerns, none raised", $"{path}/concerns", data);
        await AssertNoLeaksAsync(asking, "Raising a concern", $"{path}/concerns/new", data);

        var visitor = hub.NewClient();
        PseudoLocalePages.Use(visitor);
        using var scope = hub.Services.CreateScope();
        var everyCongregation = await scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>().Congregations
            .Select(c => new[] { c.Name, c.Place }).ToListAsync();
        await AssertNoLeaksAsync(visitor, "The network map", "/congregations/map", [.. data, .. everyCongregation.SelectMany(c => c)]);
    }

    [Fact]
    public async Task ConcernsAgreementsAndResponsibilities_ShowOnlyLocalisedWords()
    {
        var (host, hostName) = await PersonAsync("host");
        var name = Unique.Name("Cove Circle");
        var place = Unique.Name("Porto");
        var path = await CongregationTestKit.CreateAsync(host, name, "Open", place);
        var (member, memberName) = await PersonAsync("member");
        var (joined, _) = await member.SubmitAsync(path, new Dictionary<string, string>(), handler: "Join");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var data = Data(name, place, hostName, memberName);

        await AssertNoLeaksAsync(host, "Naming the care contacts", $"{path}/concerns/care-contacts", data);
        await AssertNoLeaksAsync(host, "No agreements yet, to a host", $"{path}/agreements", data);
        await AssertNoLeaksAsync(member, "No agreements yet, to a member", $"{path}/agreements", data);
        var agreements = Unique.Name("We listen before we answer");
        var (published, _) = await host.SubmitAsync($"{path}/agreements", new Dictionary<string, string> { ["Text"] = agreements }, handler: "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        await AssertNoLeaksAsync(host, "The agreements, published", $"{path}/agreements", [.. data, agreements]);
        await AssertNoLeaksAsync(member, "The agreements, to accept", $"{path}/agreements", [.. data, agreements]);

        var worry = Unique.Name("Someone keeps talking over the newcomers");
        var (raised, _) = await member.SubmitAsync($"{path}/concerns/new", new Dictionary<string, string> { ["About"] = "Something", ["Text"] = worry });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var concern = raised.Headers.Location!.OriginalString;
        await AssertNoLeaksAsync(member, "A concern, to the one who raised it", concern, [.. data, worry]);
        await AssertNoLeaksAsync(member, "Concerns, one raised", $"{path}/concerns", [.. data, worry]);
        // The hosts' log keeps its lines as English sentences, shown as written (docs/architecture.md, Languages).
        await AssertNoLeaksAsync(host, "Hosting, with no care contacts", $"{path}/host", [.. data, .. PlaceFields, "Published the congregation's agreements"]);

        await AssertNoLeaksAsync(host, "An empty register, with suggestions", $"{path}/responsibilities", data);
        await AssertNoLeaksAsync(member, "An empty register, to a member", $"{path}/responsibilities", data);
        var (added, _) = await host.SubmitAsync($"{path}/responsibilities", new Dictionary<string, string> { ["Suggestion"] = "2" }, handler: "Suggest");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var (_, register) = await host.GetAsync($"{path}/responsibilities");
        await AssertNoLeaksAsync(host, "A register with one responsibility", $"{path}/responsibilities", data);
        var offer = register.QuerySelector("a[href$='/offer']")!.GetAttribute("href")!;
        await AssertNoLeaksAsync(host, "Offering a responsibility", offer, data);
        var (offered, _) = await host.SubmitAsync(offer, new Dictionary<string, string> { ["ToUserId"] = await MemberIdAsync(memberName) });
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        await AssertNoLeaksAsync(member, "A register with an invitation waiting", $"{path}/responsibilities", data);
        await AssertNoLeaksAsync(member, "Your responsibilities, one waiting", "/me/responsibilities", data);
        await AssertNoLeaksAsync(host, "Adding a responsibility", $"{path}/responsibilities/edit", data);

        // The care view's chart names the last twelve months (in English in the pseudo-locale, like every date) and the
        // other ways in that other features report (Crews, Introductions: their words, not this area's).
        string[] care = [.. data, .. Enumerable.Range(0, 13).Select(m => DateTime.UtcNow.AddMonths(-m).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en"))),
            .. "JFMASOND".Select(c => c.ToString()), "In an open crew call", "Opted into introductions"];
        await AssertNoLeaksAsync(host, "The care view", $"{path}/care", care);
        var note = $"{path}/care/nudge?why=no-crew&person={Uri.EscapeDataString(await MemberIdAsync(memberName))}";
        await AssertNoLeaksAsync(host, "A prepared note", note, data);
        var (nudged, _) = await host.SubmitAsync(note, new Dictionary<string, string> { ["Message"] = "Thinking of you." });
        Assert.Equal(HttpStatusCode.Redirect, nudged.StatusCode);
        await AssertNoLeaksAsync(host, "The care view, a note sent", $"{path}/care", care);
        await AssertNoLeaksAsync(host, "A note to someone who had one this week", note, data);
    }

    private async Task<string> MemberIdAsync(string displayName)
    {
        using var scope = hub.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>().Users
            .Where(u => u.DisplayName == displayName).Select(u => u.Id).SingleAsync();
    }
}

