using System.Net;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Congregations;
using Microsolidarity.Hub.Tests.Platform.Localization;

namespace Microsolidarity.Hub.Tests.Features.People;

/// <summary>
/// A person's own pages read in the pseudo-locale: the profile and the person page, the pathway, the journal, the time
/// zone, the personal home with something waiting on it, the account pages, the notifications and the administrator's
/// page. Every word the hub writes there goes through localisation; what the test made (names, a bio, an entry) is
/// taken away before looking; the practice library's texts are the reader's language's, marked in the pseudo-locale like the hub's words.
/// </summary>
public sealed class PeoplePagesInPseudoLocaleTests(SharedHubWithPseudoLocale shared) : IClassFixture<SharedHubWithPseudoLocale>
{
    private const string Password = "ferns under the bridge";
    private readonly HubFactory hub = shared.Hub;

    private Task<SharedHubWithPseudoLocale.Reader> PersonAsync(string who, bool admin = false) => shared.PersonAsync(who, admin, Password);

    [Fact]
    public async Task OwnPages_ProfilePersonPathwayJournalAndZone_ShowOnlyLocalisedWords()
    {
        var ines = await PersonAsync("ines");
        var joao = await PersonAsync("joao");
        var bio = "I keep bees and mend bicycles.";
        string[] data = [ines.Name, joao.Name, bio, "she/her", "beekeeping", "repair", "Porto", "Europe/Lisbon"];

        await AssertLocalisedAsync(ines.Client, "/me/profile", "the profile, empty", data);
        var (refused, refusedPage) = await ines.Client.SubmitAsync("/me/profile", new Dictionary<string, string> { ["Input.TimeZone"] = "Mars/Olympus" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.StartsWith("⟦", refusedPage.QuerySelector("#zone-error")!.TextContent.Trim());
        AssertNone("the profile, refused", PseudoLocalePages.LeaksIn(refusedPage, [.. data, "Mars/Olympus"]));

        var (saved, savedPage) = await ines.Client.SubmitAsync("/me/profile", new Dictionary<string, string>
        {
            ["Input.Pronouns"] = "she/her",
            ["Input.PronounsVisibility"] = "Everyone",
            ["Input.Bio"] = bio,
            ["Input.BioVisibility"] = "Everyone",
            ["Input.Interests"] = "beekeeping",
            ["Input.InterestsVisibility"] = "Everyone",
            ["Input.Skills"] = "repair",
            ["Input.SkillsVisibility"] = "Everyone",
            ["Input.City"] = "Porto",
            ["Input.CityVisibility"] = "Everyone",
            ["Input.TimeZone"] = "Europe/Lisbon",
            ["Input.TimeZoneVisibility"] = "Everyone",
            ["Input.AvailabilityVisibility"] = "Everyone",
            ["Free"] = "43",
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, savedPage.QuerySelector("main")?.TextContent);
        await AssertLocalisedAsync(ines.Client, "/me/profile", "the profile, saved", data);
        var me = savedPage.QuerySelector("a[href^='/people/']")?.GetAttribute("href") ?? (await ines.Client.GetAsync("/me/profile")).Page.QuerySelector("p.lead a")!.GetAttribute("href")!;
        await AssertLocalisedAsync(ines.Client, me, "one's own person page", data);
        await AssertLocalisedAsync(joao.Client, me, "someone else's person page", data);

        await AssertLocalisedAsync(ines.Client, "/me/pathway", "the pathway with no group yet", data);
        await AssertLocalisedAsync(ines.Client, "/me/journal", "the journal, empty", data);
        var (empty, emptyPage) = await ines.Client.SubmitAsync("/me/journal", new Dictionary<string, string> { ["Text"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.StartsWith("⟦", emptyPage.QuerySelector("#text-error")!.TextContent.Trim());
        AssertNone("the journal, refused", PseudoLocalePages.LeaksIn(emptyPage, data));
        var entry = "Today the hive was calm.";
        var (kept, keptPage) = await ines.Client.SubmitAsync("/me/journal", new Dictionary<string, string> { ["Prompt"] = "What do I need?", ["Text"] = entry });
        Assert.True(kept.StatusCode == HttpStatusCode.Redirect, keptPage.QuerySelector("main")?.TextContent);
        await AssertLocalisedAsync(ines.Client, "/me/journal", "the journal with an entry and its prompt", [.. data, entry]);
        await AssertLocalisedAsync(ines.Client, "/time-zone", "the time zone page", data);
    }

    [Fact]
    public async Task AccountPagesAndNotifications_ShowOnlyLocalisedWords_RefusalsToo()
    {
        var kai = await PersonAsync("kai");
        var visitor = hub.NewClient();
        PseudoLocalePages.Use(visitor);
        string[] data = [kai.Name, kai.Email];

        await AssertLocalisedAsync(kai.Client, "/account", "the account page", data);
        var (wrong, wrongPage) = await kai.Client.SubmitAsync("/account", new Dictionary<string, string>
        {
            ["Password.Current"] = "not the password at all",
            ["Password.New"] = "a brand new long password",
        }, handler: "ChangePassword");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.StartsWith("⟦", wrongPage.QuerySelector("#current-password-error")!.TextContent.Trim());
        AssertNone("the account page, a password refused", PseudoLocalePages.LeaksIn(wrongPage, data));

        // What deletion would take is each feature's own list (the personal-data sections, still English): taken away here.
        var (_, deletePage) = await kai.Client.GetAsync("/account/delete");
        string[] sections = [.. deletePage.QuerySelectorAll("section.narrow > h2, section.narrow > ul > li").Select(e => e.TextContent.Trim())];
        await AssertLocalisedAsync(kai.Client, "/account/delete", "the page to delete one's account", [.. data, .. sections]);
        var (unticked, untickedPage) = await kai.Client.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.StartsWith("⟦", untickedPage.QuerySelector("#understood-error")!.TextContent.Trim());
        AssertNone("deleting, not ticked", PseudoLocalePages.LeaksIn(untickedPage, [.. data, .. sections]));

        await AssertLocalisedAsync(kai.Client, "/account/sign-out", "signing out", data);
        await AssertLocalisedAsync(kai.Client, "/me/notifications", "notifications, none yet", data);
        await AssertLocalisedAsync(visitor, "/account/resend-confirmation", "asking for the confirmation again", data);
        var (resent, resentPage) = await visitor.SubmitAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Email"] = "not an address" });
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        AssertNone("asking for the confirmation again, refused", PseudoLocalePages.LeaksIn(resentPage, [.. data, "not an address"]));
        await AssertLocalisedAsync(visitor, "/account/reset-password", "a reset link that does not work", data);
        // Broken links answer 400 with the page that says so.
        foreach (var (path, what) in new[] { ("/account/unlock", "an unlock link that does not work"), ("/account/confirm-email?user=x&code=y", "a confirmation link that does not work"),
            ("/account/confirm-email-change?user=x&email=y&code=z", "an address change link that does not work") })
        {
            var (response, page) = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            AssertNone(what, PseudoLocalePages.LeaksIn(page, data));
        }
    }

    [Fact]
    public async Task PersonalHomeWithInvitationsAndTheAdminPage_ShowOnlyLocalisedWords()
    {
        var host = await PersonAsync("host", admin: true);
        var lia = await PersonAsync("lia");
        var max = await PersonAsync("max");
        await AssertLocalisedAsync(lia.Client, "/", "the personal home, empty", [lia.Name]);

        var congregation = Unique.Name("Cork Circle");
        var path = await CongregationTestKit.CreateAsync(host.Client, congregation, "InvitationOnly");
        var (invited, _) = await host.Client.SubmitAsync(path, new Dictionary<string, string> { ["InviteEmail"] = lia.Email }, handler: "Invite");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var crew = Unique.Name("Thursday crew");
        var (called, calledPage) = await host.Client.SubmitAsync("/crews/new", new Dictionary<string, string>
        {
            ["Input.Name"] = crew,
            ["Input.Purpose"] = "Peer coaching with the case clinic.",
            ["Input.Invitees"] = $"{lia.Email}\n{max.Email}",
            ["Input.Cadence"] = "Weekly",
            ["Input.Meetings"] = "6",
            ["Input.SlotDay"] = "Thursday",
            ["Input.SlotTime"] = "19:00",
            ["Input.TimeZone"] = "Europe/Lisbon",
        });
        Assert.True(called.StatusCode == HttpStatusCode.Redirect, calledPage.QuerySelector("main")?.TextContent);
        string[] data = [lia.Name, host.Name, max.Name, congregation, crew, "Peer coaching with the case clinic.", "Europe/Lisbon"];

        var (_, home) = await lia.Client.GetAsync("/");
        Assert.Contains(crew, home.QuerySelector("#waiting")!.TextContent);
        Assert.Contains(congregation, home.QuerySelector("#waiting")!.TextContent);
        await AssertLocalisedAsync(lia.Client, "/", "the personal home with a crew and a congregation waiting", data);
        // The notices' titles are written when they are sent, in the recipient's language: taken away like the test's words.
        var (_, notices) = await lia.Client.GetAsync("/me/notifications");
        string[] titles = [.. notices.QuerySelectorAll(".notices a").Select(a => a.TextContent.Trim())];
        Assert.NotEmpty(titles);
        await AssertLocalisedAsync(lia.Client, "/me/notifications", "notifications with two invitations", [.. data, .. titles]);

        var (joined, _) = await lia.Client.SubmitAsync("/", new Dictionary<string, string>(), handler: "Congregation");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        await AssertLocalisedAsync(lia.Client, "/me/pathway", "the pathway in a congregation, without a crew", data);
        await AssertLocalisedAsync(host.Client, "/", "the personal home of a host", data);
        await AssertLocalisedAsync(host.Client, "/admin", "the administrator's page", data);
    }

    private static void AssertNone(string what, IReadOnlyList<string> leaks) =>
        Assert.True(leaks.Count == 0, $"{what} shows words that skipped localisation: {string.Join(" | ", leaks)}");

    private static Task AssertLocalisedAsync(FormClient client, string path, string what, string[] data) =>
        PseudoLocalePages.AssertNoLeaksAsync(client, path, what, data);
}
