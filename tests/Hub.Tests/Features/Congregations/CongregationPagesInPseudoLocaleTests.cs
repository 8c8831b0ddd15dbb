using System.Globalization;
using System.Net;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Platform.Localization;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

/// <summary>
/// The congregation pages, read in the pseudo-locale as a visitor, a signed-in stranger, a member and a host: every word
/// the hub itself writes there goes through localisation. What the test made (names, purposes, places, the levels a
/// congregation starts with, which are its own words from then on) is taken away before looking.
/// </summary>
public sealed class CongregationPagesInPseudoLocaleTests(SharedHubWithPseudoLocale shared) : IClassFixture<SharedHubWithPseudoLocale>
{
    private readonly HubFactory hub = shared.Hub;

    private static readonly string[] Levels = [.. EditLevels.Defaults(Guid.Empty).SelectMany(l => new[] { l.Name, l.Description })];

    private async Task<(FormClient Client, string Name)> PersonAsync(string who)
    {
        var email = Unique.Email(who);
        var name = Unique.Name(who);
        await hub.CreatePersonAsync(email, "a long walk by the sea", name: name);
        var client = await hub.SignedInClientAsync(email, "a long walk by the sea");
        PseudoLocalePages.Use(client);
        return (client, name);
    }

    /// <summary>
    /// Dates go through the hub's date formats, which write the pseudo-locale's in English: the days around today (the
    /// news says when someone joined) are taken away like the test's own words.
    /// </summary>
    private static readonly string[] Days = [.. Enumerable.Range(-1, 3).SelectMany(d => new[] { "d MMMM yyyy", "MMMM yyyy" }.Select(f => DateTime.UtcNow.AddDays(d).ToString(f, CultureInfo.GetCultureInfo("en"))))];

    private static string[] Data(string congregation, string place, params string[] more) =>
        [congregation, $"{congregation} gathers twice a year so that crews can form.", place, "English, Português", .. Levels, .. Days, .. more];

    private static async Task AssertNoLeaksAsync(FormClient client, string page, string path, string[] data)
    {
        var leaks = await PseudoLocalePages.LeaksAsync(client, path, data);
        Assert.True(leaks.Count == 0, $"{page} ({path}) shows words that are not localised: {string.Join(" | ", leaks)}");
    }

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
}
