using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.People;

/// <summary>Choosing a person by name: only the people one shares a congregation with are offered.</summary>
public sealed class PeopleToPickTests : IAsyncLifetime
{
    private const string Password = "lanterns and moths";
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync();
        foreach (var name in new[] { "Ana", "Ben", "Cai", "Dee" })
        {
            await hub.CreatePersonAsync($"{name.ToLowerInvariant()}@test.example", Password, name: $"{name} Moreno");
            people[name] = await hub.SignedInClientAsync($"{name.ToLowerInvariant()}@test.example", Password);
        }
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private static async Task<List<string>> PickAsync(FormClient client, string query)
    {
        var response = await client.Http.GetAsync($"/people/pick?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];
    }

    [Fact]
    public async Task PersonFields_OfferOnlyFellowMembers_AndAPickReachesThePersonWithoutShowingTheirAddress()
    {
        // Ana and Ben share Riverside; Cai is alone in Hillside; Dee belongs nowhere.
        var riverside = await CreateAsync(people["Ana"], "Riverside");
        await people["Ben"].SubmitAsync(riverside, new Dictionary<string, string>(), handler: "Join");
        await CreateAsync(people["Cai"], "Hillside");

        var (_, form) = await people["Ana"].GetAsync("/dyads/new");
        var offered = form.QuerySelectorAll("#partner-people option").Select(o => o.GetAttribute("value")!).ToList();
        var ben = Assert.Single(offered);
        Assert.StartsWith("Ben Moreno (#", ben);
        Assert.DoesNotContain("@", form.QuerySelector("#partner-people")!.OuterHtml);

        Assert.Equal(new[] { "Ben Moreno" }, await PickAsync(people["Ana"], ""));
        Assert.Equal(new[] { "Ben Moreno" }, await PickAsync(people["Ana"], "ben"));
        Assert.Empty(await PickAsync(people["Ana"], "Cai"));
        Assert.Equal(new[] { "Ana Moreno" }, await PickAsync(people["Ben"], ""));
        Assert.Empty(await PickAsync(people["Cai"], ""));
        Assert.Empty(await PickAsync(people["Dee"], ""));
        Assert.Empty(await PickAsync(hub.NewClient(), "Moreno")); // a visitor gets no one

        // A name outside one's congregations is refused with what to do instead; nothing is sent.
        var (outside, outsidePage) = await people["Ana"].SubmitAsync("/dyads/new", new Dictionary<string, string>
        {
            ["PartnerEmail"] = "Cai Moreno",
            ["Kind"] = "PeerCoaching",
            ["Weeks"] = "8",
        });
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        Assert.Contains("nor the name of someone in your congregations", outsidePage.QuerySelector("#partner-error")!.TextContent);

        // Picked from the list: Ben hears of it, and Ana sees his name (his address is not hers to see).
        var (picked, _) = await people["Ana"].SubmitAsync("/dyads/new", new Dictionary<string, string>
        {
            ["PartnerEmail"] = ben,
            ["Kind"] = "PeerCoaching",
            ["Weeks"] = "8",
        });
        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        await hub.Smtp!.WaitForAsync("ben@test.example", "proposes a dyad");
        var (_, list) = await people["Ana"].GetAsync("/dyads");
        Assert.Contains("Ben Moreno", list.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("ben@test.example", list.QuerySelector("main")!.TextContent);

        // Calling a crew: a picked name and a typed address together; the name becomes Ben's place.
        var (called, calledPage) = await people["Ana"].SubmitAsync("/crews/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Riverside crew",
            ["Input.Invitees"] = "dee@test.example",
            ["Input.InviteePick"] = ben,
            ["Input.Cadence"] = "Weekly",
            ["Input.Meetings"] = "6",
            ["Input.SlotDay"] = "Tuesday",
            ["Input.SlotTime"] = "19:00",
            ["Input.TimeZone"] = "Europe/Lisbon",
        });
        Assert.True(called.StatusCode == HttpStatusCode.Redirect, calledPage.QuerySelector("main")?.TextContent);
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var invited = await db.CrewMembers.Where(m => m.Crew.Name == "Riverside crew" && m.Status == Data.Crews.CrewMemberStatus.Invited)
            .Select(m => m.UserId).ToListAsync();
        var ids = await db.Users.Where(u => u.Email == "ben@test.example" || u.Email == "dee@test.example").Select(u => u.Id).ToListAsync();
        Assert.Equal(ids.Order(), invited.Order());
    }
}
