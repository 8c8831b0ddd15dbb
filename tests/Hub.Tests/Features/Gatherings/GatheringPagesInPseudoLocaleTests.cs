using System.Net;
using Microsolidarity.Hub.Platform.Maps;
using Microsolidarity.Hub.Tests.Platform.Localization;
using static Microsolidarity.Hub.Tests.Features.Gatherings.GatheringTestKit;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

/// <summary>
/// The gatherings' pages in the pseudo-locale, as a visitor, a member answering and a host read them: every word the hub
/// shows goes through localisation (people's own words, zone names and the names of days and months aside: dates are
/// formatted in the reader's culture, and the pseudo-locale's culture is English).
/// </summary>
public sealed partial class GatheringPagesInPseudoLocaleTests(SharedHubWithPseudoLocale shared) : IClassFixture<SharedHubWithPseudoLocale>
{
    private const string Password = "rain on a tin roof";

    [Fact]
    public async Task GatheringPages_ForVisitorMemberAndHost_ShowNoWordThatSkippedLocalisation()
    {
        var hub = shared.Hub;
        var (hostEmail, memberEmail) = (Unique.Email("host"), Unique.Email("member"));
        var (hostName, memberName) = (Unique.Name("Hosting Person"), Unique.Name("Answering Person"));
        await hub.CreatePersonAsync(hostEmail, Password, admin: true, name: hostName);
        await hub.CreatePersonAsync(memberEmail, Password, name: memberName);
        var host = await hub.SignedInClientAsync(hostEmail, Password);
        var member = await hub.SignedInClientAsync(memberEmail, Password);
        var visitor = hub.NewClient();
        foreach (var client in new[] { host, member, visitor })
        {
            PseudoLocalePages.Use(client);
        }
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(12));
        var title = Unique.Name("Autumn circle");
        const string description = "Check-in, breakouts, check-out.";
        const string questions = "What would you like to bring?";
        var path = await CreateAsync(host, Form("network", title, date, f =>
        {
            (f["Input.IsOnline"], f["Input.Address"], f["Input.CallLink"]) = ("true", "", "https://call.example/autumn");
            (f["Input.Capacity"], f["Input.Questions"]) = ("5", questions);
        }));
        var month = $"/gatherings?view=month&month={date:yyyy-MM}";
        string[] data = [title, description, questions, hostName, memberName, "https://call.example/autumn", "Europe/Berlin"];

        foreach (var (who, client, page) in new[]
        {
            ("a visitor", visitor, "/gatherings"), ("a visitor", visitor, month), ("a visitor", visitor, path),
            ("a member", member, "/gatherings"), ("a member", member, path),
        })
        {
            Assert.True(await PseudoLocalePages.LeaksAsync(client, page, data) is var leaks && leaks.Count == 0, $"{page} as {who}: {string.Join(" | ", leaks)}");
        }

        // The member answers going (with an answer to the hosts' question): the notice, their answer and the card to draw.
        var (answered, _) = await member.SubmitAsync(path, new Dictionary<string, string> { ["Reply"] = "Going", ["Answers"] = "Bread" }, "Answer");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var going = await PseudoLocalePages.LeaksAsync(member, path, [.. data, "Bread"]);
        Assert.True(going.Count == 0, $"{path} as a member going: {string.Join(" | ", going)}");
        var list = await PseudoLocalePages.LeaksAsync(member, "/gatherings", data);
        Assert.True(list.Count == 0, $"/gatherings as a member going: {string.Join(" | ", list)}");

        // The host's view: who is coming, the places taken, and the forms to move or cancel the date.
        var hosting = await PseudoLocalePages.LeaksAsync(host, path, [.. data, "Bread"]);
        Assert.True(hosting.Count == 0, $"{path} as its host: {string.Join(" | ", hosting)}");
    }

    [Fact]
    public async Task HostsPages_FormsAnswersTicketsHostsAndCrews_ShowNoWordThatSkippedLocalisation()
    {
        var hub = shared.Hub;
        var (hostEmail, memberEmail, thirdEmail) = (Unique.Email("host"), Unique.Email("member"), Unique.Email("third"));
        var (hostName, memberName, thirdName) = (Unique.Name("Hosting Person"), Unique.Name("Answering Person"), Unique.Name("Third Person"));
        await hub.CreatePersonAsync(hostEmail, Password, admin: true, name: hostName);
        await hub.CreatePersonAsync(memberEmail, Password, name: memberName);
        await hub.CreatePersonAsync(thirdEmail, Password, name: thirdName);
        var host = await hub.SignedInClientAsync(hostEmail, Password);
        var member = await hub.SignedInClientAsync(memberEmail, Password);
        var third = await hub.SignedInClientAsync(thirdEmail, Password);
        foreach (var client in new[] { host, member, third })
        {
            PseudoLocalePages.Use(client);
        }
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(15));
        var (title, approvalTitle) = (Unique.Name("Spring tables"), Unique.Name("Asked circle"));
        const string description = "Check-in, breakouts, check-out.";
        const string questions = "What would you like to bring?";
        string[] data = [title, approvalTitle, description, questions, hostName, memberName, thirdName, "Madrid", "Calle de la Luna 3, Madrid",
            "Europe/Berlin", "Solidarity", "FRIEND10", "Venue", "Between jobs", "EUR", "100 km", .. Cities.All.Select(c => c.Label)];

        // The event form, empty and with what a host got wrong (the messages beside the fields).
        await AssertNoLeaksAsync(host, "/gatherings/new", data);
        var (refused, refusedPage) = await host.SubmitAsync("/gatherings/new", Form("network", "", date, f => f["Input.Repeat"] = "monthly-weekday"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        AssertNone("/gatherings/new with errors", PseudoLocalePages.LeaksIn(refusedPage, data));

        // A weekly event with places and questions: its edit page, its answers, tickets and budget, and who hosts it.
        var path = await CreateAsync(host, Form("network", title, date, f => (f["Input.Capacity"], f["Input.Questions"], f["Input.Repeat"]) = ("9", questions, "")));
        // Who hosts it, before the hosts' log holds any line (its lines are stored as English sentences and shown as written).
        await AssertNoLeaksAsync(host, $"{path}/hosts", data);
        await host.SubmitAsync($"{path}/tickets", new Dictionary<string, string> { ["TierName"] = "Solidarity", ["TierPrice"] = "20", ["PayWhatYouCan"] = "true" }, "Tier");
        await host.SubmitAsync($"{path}/tickets", new Dictionary<string, string> { ["Code"] = "FRIEND10", ["PercentOff"] = "10", ["MaxUses"] = "5" }, "Code");
        await host.SubmitAsync($"{path}/tickets", new Dictionary<string, string> { ["Label"] = "Venue", ["Amount"] = "120" }, "Line");
        foreach (var person in new[] { host, member, third })
        {
            await person.SubmitAsync(path, new Dictionary<string, string> { ["Reply"] = "Going", ["Answers"] = "Bread" }, "Answer");
        }
        var (_, memberPage) = await member.GetAsync(path);
        var tier = memberPage.QuerySelector("#tier option")!.GetAttribute("value")!;
        await member.SubmitAsync(path, new Dictionary<string, string> { ["TierId"] = tier, ["Amount"] = "20", ["Scholarship"] = "Between jobs" }, "Ticket");
        await AssertNoLeaksAsync(member, path, [.. data, "Bread"]);
        foreach (var page in new[] { $"{path}/edit", $"{path}/answers", $"{path}/tickets" })
        {
            await AssertNoLeaksAsync(host, page, [.. data, "Bread"]);
        }
        var (closeRefused, closePage) = await host.SubmitAsync($"{path}/tickets", new Dictionary<string, string>(), "Close");
        Assert.Equal(HttpStatusCode.OK, closeRefused.StatusCode);
        AssertNone("tickets with the close unconfirmed", PseudoLocalePages.LeaksIn(closePage, [.. data, "Bread"]));

        // An event whose hosts approve each answer: the answer waiting, with its buttons.
        var asked = await CreateAsync(host, Form("network", approvalTitle, date, f => (f["Input.RequiresApproval"], f["Input.Repeat"]) = ("true", "weekly")));
        await member.SubmitAsync(asked, new Dictionary<string, string> { ["Reply"] = "Going" }, "Answer");
        await AssertNoLeaksAsync(host, $"{asked}/answers", data);
        await AssertNoLeaksAsync(host, asked, data);

        // The crews for the day: before forming, formed (with the move menus), printed, published, and an attendee's own table.
        var crews = $"{path}/crews";
        await AssertNoLeaksAsync(member, crews, data);
        await AssertNoLeaksAsync(host, crews, data);
        await host.SubmitAsync(crews, new Dictionary<string, string> { ["Size"] = "3" }, "Form");
        await AssertNoLeaksAsync(host, crews, data);
        await AssertNoLeaksAsync(member, crews, data);
        await AssertNoLeaksAsync(host, $"{crews}/print", data);
        await host.SubmitAsync(crews, new Dictionary<string, string>(), "Publish");
        await AssertNoLeaksAsync(host, crews, data);
        await AssertNoLeaksAsync(member, crews, data);
        await member.SubmitAsync(crews, new Dictionary<string, string> { ["GoOn"] = "true" }, "Continue");
        await AssertNoLeaksAsync(member, crews, data);
    }

    private static async Task AssertNoLeaksAsync(Microsolidarity.Hub.Testing.FormClient client, string path, string[] data) =>
        AssertNone(path, await PseudoLocalePages.LeaksAsync(client, path, data));

    /// <summary>
    /// Nothing left but the words of the shared place fields (city, latitude, longitude), which belong to the platform's
    /// own partial (Platform/Web/Shared/_PlaceFields), not yet localised. "100 km" on a map's scale reads the same in every language.
    /// </summary>
    private static void AssertNone(string page, IReadOnlyList<string> leaks)
    {
        // A single letter is a face without a photo, which shows the first letter of the person's name.
        var left = leaks.Where(l => !PaymentReference().IsMatch(l) && l.Length > 1).ToList();
        Assert.True(left.Count == 0, $"{page}: {string.Join(" | ", left)}");
    }

    /// <summary>A ticket's bank reference (MSH-7K2Q-9F): a code, the same in every language.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^MSH(-[0-9A-Z]+)+$")]
    private static partial System.Text.RegularExpressions.Regex PaymentReference();
}
