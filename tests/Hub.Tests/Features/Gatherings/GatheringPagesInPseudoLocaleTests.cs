using System.Globalization;
using System.Net;
using Microsolidarity.Hub.Tests.Platform.Localization;
using static Microsolidarity.Hub.Tests.Features.Gatherings.GatheringTestKit;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

/// <summary>
/// The gatherings' pages in the pseudo-locale, as a visitor, a member answering and a host read them: every word the hub
/// shows goes through localisation (people's own words, zone names and the names of days and months aside: dates are
/// formatted in the reader's culture, and the pseudo-locale's culture is English).
/// </summary>
public sealed class GatheringPagesInPseudoLocaleTests(SharedHubWithPseudoLocale shared) : IClassFixture<SharedHubWithPseudoLocale>
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
        string[] data = [title, description, questions, hostName, memberName, "https://call.example/autumn", "Europe/Berlin", .. DateWords()];

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

    /// <summary>Day and month names, long and short: the pseudo-locale formats dates in English.</summary>
    private static IEnumerable<string> DateWords()
    {
        var names = CultureInfo.GetCultureInfo("en").DateTimeFormat;
        return names.DayNames.Concat(names.AbbreviatedDayNames).Concat(names.MonthNames).Concat(names.AbbreviatedMonthNames).Where(n => n != "");
    }
}
