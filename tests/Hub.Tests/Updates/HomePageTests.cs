using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Tests.Updates;

/// <summary>The newcomer's home page: empty states first, then events from every source, in the viewer's zone.</summary>
public sealed class HomePageTests
{
    /// <summary>Stands in for the gatherings feature, which lives on another branch; the contract is all the home page knows.</summary>
    private sealed class FixedEvents(params UpcomingEvent[] events) : IUpcomingEvents
    {
        public Task<IReadOnlyList<UpcomingEvent>> NextAsync(int count, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<UpcomingEvent>>([.. events.Take(count)]);
    }

    private sealed class BrokenEvents : IUpcomingEvents
    {
        public Task<IReadOnlyList<UpcomingEvent>> NextAsync(int count, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the calendar is down");
    }

    [Fact]
    public async Task Home_NoEventsThenEventsFromTwoSources_ShowsEmptyStateThenSoonestFirstInViewerZone()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        var (_, empty) = await hub.NewClient().GetAsync("/");
        Assert.Contains("No public event announced yet", empty.QuerySelector("section[aria-labelledby=events-title]")!.TextContent);
        Assert.Contains("No newsletter or episode yet", empty.QuerySelector("section[aria-labelledby=news-title]")!.TextContent);
        foreach (var href in new[] { "/handbook", "/congregations", "/crews/new", "/commons", "/newsletter" })
        {
            Assert.NotNull(empty.QuerySelector($"main a[href='{href}']"));
        }

        var soon = new DateTime(2031, 3, 1, 18, 0, 0, DateTimeKind.Utc);
        await using var withEvents = hub.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IUpcomingEvents>(new FixedEvents(new UpcomingEvent("Spring camp", "/gatherings/spring-camp", soon.AddDays(10), "Europe/Lisbon", "Harbour Congregation", false)));
            s.AddSingleton<IUpcomingEvents>(new BrokenEvents());
            s.AddSingleton<IUpcomingEvents>(new FixedEvents(new UpcomingEvent("Network call", "/gatherings/network-call", soon, "America/New_York", "The network", true)));
        }));
        var client = new Microsolidarity.Hub.Testing.FormClient(withEvents.CreateClient());
        var (_, page) = await client.GetAsync("/");
        var items = page.QuerySelectorAll("section[aria-labelledby=events-title] li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, items.Count);
        Assert.StartsWith("Network call", items[0]);
        // A visitor whose zone is unknown sees each event in its own zone, and the page says so once.
        Assert.Contains("1 Mar 2031, 13:00 · online · The network", items[0]);
        Assert.DoesNotContain("UTC", items[0]);
        Assert.Contains("each event's own zone", page.QuerySelector("#times-zone")!.TextContent);
        Assert.StartsWith("Spring camp", items[1]);
    }
}
