using System.Net;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.People;

/// <summary>One hub for the class: each test has an owner of its own (a new person, with an empty journal and pathway).</summary>
public sealed class SelfTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>, IAsyncLifetime
{
    private readonly HubFactory hub = shared.Hub;
    private FormClient owner = null!;
    private string ownerId = "";

    public async Task InitializeAsync()
    {
        var email = Unique.Email("owner");
        ownerId = (await hub.CreatePersonAsync(email, "quiet mornings here", name: "Noa Owner")).Id;
        owner = await hub.SignedInClientAsync(email, "quiet mornings here");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Profile_EachFieldShowsOnlyToWhomItsOwnerChose()
    {
        var (saved, _) = await owner.SubmitAsync("/me/profile", new Dictionary<string, string>
        {
            ["Input.Pronouns"] = "she/her",
            ["Input.PronounsVisibility"] = "Everyone",
            ["Input.Bio"] = "Weaver and facilitator.",
            ["Input.BioVisibility"] = "MyGroups",
            ["Input.City"] = "Secret Harbour Town",
            ["Input.CityVisibility"] = "OnlyMe",
            ["Input.Interests"] = "weaving,  facilitation, weaving",
            ["Input.InterestsVisibility"] = "Everyone",
            ["Input.TimeZone"] = "Europe/Lisbon",
            ["Input.TimeZoneVisibility"] = "MyGroups",
            ["Free"] = "43", // Tuesday 19:00
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, asStranger) = await hub.NewClient().GetAsync($"/people/{ownerId}");
        var strangerText = asStranger.QuerySelector("main")!.TextContent;
        Assert.Contains("she/her", strangerText);
        Assert.Contains("weaving, facilitation", strangerText);
        Assert.DoesNotContain("Weaver and facilitator", strangerText);
        Assert.DoesNotContain("Secret Harbour Town", strangerText);

        // Sharing a congregation makes "people in my groups" fields visible; "only me" stays hidden.
        await hub.CreatePersonAsync("peer@test.example", "quiet mornings here", name: "Peer");
        var peer = await hub.SignedInClientAsync("peer@test.example", "quiet mornings here");
        var slug = SlugOf(await CreateAsync(owner, "Weavers", "Open"));
        await peer.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), handler: "Join");
        var (_, asPeer) = await peer.GetAsync($"/people/{ownerId}");
        var peerText = asPeer.QuerySelector("main")!.TextContent;
        Assert.Contains("Weaver and facilitator", peerText);
        Assert.Contains("Europe/Lisbon", peerText);
        Assert.DoesNotContain("Secret Harbour Town", peerText);

        var (_, asSelf) = await owner.GetAsync($"/people/{ownerId}");
        Assert.Contains("Secret Harbour Town", asSelf.QuerySelector("main")!.TextContent);
        Assert.Contains("Tue: 19:00", asSelf.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Profile_UnknownTimeZone_IsRefusedAndTheFormKeepsItsValues()
    {
        var (response, page) = await owner.SubmitAsync("/me/profile", new Dictionary<string, string>
        {
            ["Input.Bio"] = "Still here.",
            ["Input.TimeZone"] = "Atlantis/Central",
            ["Free"] = "10",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not a time zone we know", page.QuerySelector("#zone-error")!.TextContent);
        Assert.Equal("Still here.", page.QuerySelector("#bio")!.TextContent);
        Assert.NotNull(page.QuerySelector("input[name=Free][value='10'][checked]"));
        // The whole day, midnight included: the same 168 checkboxes as every grid of hours.
        Assert.Equal(168, page.QuerySelectorAll("table.availability input[type=checkbox][name=Free]").Length);
    }

    [Fact]
    public async Task Journal_IsReadableByItsOwnerOnly_EvenNotByAdministrators()
    {
        var (empty, emptyPage) = await owner.SubmitAsync("/me/journal", new Dictionary<string, string> { ["Text"] = "   " });
        Assert.Contains("Write a few words", emptyPage.QuerySelector("#text-error")!.TextContent);
        var (kept, _) = await owner.SubmitAsync("/me/journal", new Dictionary<string, string>
        {
            ["Prompt"] = "What am I avoiding?",
            ["Text"] = "The conversation with my sister about the house.",
        });
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        var (_, mine) = await owner.GetAsync("/me/journal");
        Assert.Contains("my sister about the house", mine.QuerySelector("main")!.TextContent);

        await hub.CreatePersonAsync("root@test.example", "quiet mornings here", admin: true);
        var admin = await hub.SignedInClientAsync("root@test.example", "quiet mornings here");
        foreach (var path in new[] { "/me/journal", $"/people/{ownerId}", "/me/pathway", "/dev/mailbox", "/account/download-data" })
        {
            var response = await admin.Http.GetAsync(path);
            Assert.DoesNotContain("my sister about the house", await response.Content.ReadAsStringAsync());
        }
        var (_, adminJournal) = await admin.GetAsync("/me/journal");
        var token = adminJournal.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var id = mine.QuerySelector("input[name=EntryId]")!.GetAttribute("value")!;
        var (_, adminDelete) = await admin.PostAsync("/me/journal?handler=Delete", new Dictionary<string, string> { ["EntryId"] = id, ["__RequestVerificationToken"] = token });
        Assert.Contains("not in your journal", adminDelete.QuerySelector("[role=alert]")!.TextContent);
        var (_, still) = await owner.GetAsync("/me/journal");
        Assert.Contains("my sister about the house", still.QuerySelector("main")!.TextContent);

        var export = await owner.Http.GetAsync("/account/download-data");
        Assert.Contains("my sister about the house", await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pathway_ShowsCongregationsAndInvitesToACrewWhenEmpty()
    {
        var (_, empty) = await owner.GetAsync("/me/pathway");
        Assert.Contains("Your pathway starts with a crew", empty.QuerySelector(".empty")!.TextContent);
        await CreateAsync(owner, "Pathfinders", "Open");
        var (_, after) = await owner.GetAsync("/me/pathway");
        Assert.Contains("Pathfinders", after.QuerySelector("main")!.TextContent);
        Assert.Contains("host", after.QuerySelector("main")!.TextContent);
    }
}
