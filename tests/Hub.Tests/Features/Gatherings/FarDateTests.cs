using System.Net;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Gatherings.GatheringTestKit;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

/// <summary>One hub, one host and one event for the class: every test reads, or is refused, and changes nothing.</summary>
public sealed class FarDateHub : IAsyncLifetime
{
    public HubFactory Hub { get; private set; } = null!;
    public FormClient Host { get; private set; } = null!;
    public string EventPath { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Hub = await HubFactory.StartAsync(smtp: false);
        await Hub.CreatePersonAsync("host@test.example", "keeper of keys", admin: true);
        Host = await Hub.SignedInClientAsync("host@test.example", "keeper of keys");
        EventPath = await CreateAsync(Host, Form("network", "Network call", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20))));
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

/// <summary>Dates at the ends of the calendar (9999-12-31, 0001-01-01) are typing slips: answered as such, never a 500.</summary>
public sealed class FarDateTests(FarDateHub fixture) : IClassFixture<FarDateHub>
{
    private readonly HubFactory hub = fixture.Hub;
    private readonly FormClient host = fixture.Host;
    private readonly string eventPath = fixture.EventPath;

    [Theory]
    [InlineData("?date=99991231T000000Z")]
    [InlineData("?date=00010101T000000Z")]
    [InlineData("/answers?date=99991231T000000Z")]
    [InlineData("/answers?date=00010101T000000Z")]
    public async Task EventPages_DateKeyAtTheEndsOfTheCalendar_ShowTheEvent(string suffix)
    {
        var (response, _) = await host.GetAsync(eventPath.Split('?')[0] + suffix);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("9999-12")]
    [InlineData("0001-01")]
    public async Task MonthView_MonthAtTheEndsOfTheCalendar_ShowsThisMonth(string month)
    {
        var (response, page) = await hub.NewClient().GetAsync($"/gatherings?view=month&month={month}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(DateTime.UtcNow.Year.ToString(), page.QuerySelector("#month-heading")!.TextContent);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task NewEvent_DateAtTheEndsOfTheCalendar_IsRefusedBesideTheField(string date)
    {
        var (response, page) = await host.SubmitAsync("/gatherings/new", Form("network", "Far call", DateOnly.FromDateTime(DateTime.UtcNow), f => f["Input.StartDate"] = date));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2199", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task DiscountCode_ExpiryInYear9999_IsRefusedBesideTheField()
    {
        var id = IdOf(eventPath);
        var (response, page) = await host.SubmitAsync($"/gatherings/{id}/tickets", new Dictionary<string, string>
        {
            ["Code"] = "FRIENDS",
            ["PercentOff"] = "10",
            ["MaxUses"] = "",
            ["ExpiresOn"] = "9999-12-31",
        }, "Code");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the last day the code works", page.QuerySelector("#expires-on-error")!.TextContent);
        Assert.Equal("9999-12-31", page.QuerySelector("#expires-on")!.GetAttribute("value"));
    }
}
