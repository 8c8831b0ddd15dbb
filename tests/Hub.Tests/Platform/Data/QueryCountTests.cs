using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsolidarity.Hub.Features.Demo;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Platform.Data;

/// <summary>
/// Pages must not run one query per row (N+1): the number of database commands for a page stays
/// the same when the network grows tenfold.
/// </summary>
public sealed class QueryCountTests
{
    private sealed class CommandCounter : ILoggerProvider
    {
        private static readonly string[] Background = ["\"OutgoingEmails\"", "\"WebhookDeliveries\"", "\"NewsletterDeliveries\"", "\"DataProtectionKeys\""];

        public ConcurrentQueue<string> Commands { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CommandCounter counter, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => category == "Microsoft.EntityFrameworkCore.Database.Command";

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var text = formatter(state, exception);
                // The background senders (email, webhooks, newsletter) and the key ring poll on their own, at
                // moments of their own choosing; they are not the page's queries.
                if (eventId.Id == 20101 && !Background.Any(table => text.Contains(table, StringComparison.Ordinal)))
                {
                    counter.Commands.Enqueue(text);
                }
            }
        }
    }

    [Fact]
    public async Task CongregationPages_TenfoldNetwork_RunTheSameNumberOfQueries()
    {
        var counter = new CommandCounter();
        await using var hub = await HubFactory.StartAsync(s =>
        {
            s["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
            s["Web:PublicCacheSeconds"] = "0"; // count what rendering costs, not what the public page cache saves
        }, smtp: false);
        await using var counted = hub.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(counter)));
        var client = new FormClient(counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

        async Task<int> CountAsync(string path)
        {
            await client.Http.GetAsync(path); // warm: the first request also loads the key ring
            counter.Commands.Clear();
            var response = await client.Http.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            return counter.Commands.Count;
        }

        await SeedSyntheticNetwork.RunAsync(counted.Services, 12, 3, TimeProvider.System);
        var slug = Slug(counted);
        var small = (Directory: await CountAsync("/congregations"), Page: await CountAsync($"/congregations/{slug}"),
            Map: await CountAsync("/congregations/map"), Search: await CountAsync("/congregations?q=lisbn"));

        await SeedSyntheticNetwork.RunAsync(counted.Services, 1200, 30, TimeProvider.System);
        var large = (Directory: await CountAsync("/congregations"), Page: await CountAsync($"/congregations/{slug}"),
            Map: await CountAsync("/congregations/map"), Search: await CountAsync("/congregations?q=lisbn"));

        Assert.True(small.Directory > 0 && small.Page > 0, "no database command was seen: the counter is not hooked up");
        Assert.Equal(small, large);
        Assert.True(small.Directory <= 3, $"the directory ran {small.Directory} queries");
        // The congregation, then what shows its life (next gathering, open calls and rounds, crews, faces,
        // working groups, news): one query each, however large the network (the equality above).
        Assert.True(small.Page <= 8, $"a congregation's page ran {small.Page} queries");
        Assert.True(small.Map <= 3, $"the network map ran {small.Map} queries");
        Assert.True(small.Search <= 2, $"a search of the directory ran {small.Search} queries");
    }

    [Fact]
    public async Task SignedInHostPages_TenTimesTheMembers_RunTheSameNumberOfQueries()
    {
        var counter = new CommandCounter();
        await using var hub = await HubFactory.StartAsync(s =>
        {
            s["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
            s["Web:PublicCacheSeconds"] = "0"; // count what rendering costs, not what the caches save
        }, smtp: false);
        await using var counted = hub.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(counter)));
        await hub.CreatePersonAsync("odile@test.example", "counting the queries", admin: true, name: "Odile Admin");
        var client = new FormClient(counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var (signedIn, _) = await client.SubmitAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = "odile@test.example",
            ["Input.Password"] = "counting the queries",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);

        var seen = new List<string>();
        async Task<int[]> CountAsync(string slug, string thread)
        {
            var counts = new List<int>();
            // The second visit is counted: the first fills what a page keeps between requests.
            async Task CountPageAsync(string path)
            {
                await client.Http.GetAsync(path);
                counter.Commands.Clear();
                var response = await client.Http.GetAsync(path);
                Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
                counts.Add(counter.Commands.Count);
                seen.Add($"{path}:\n  " + string.Join("\n  ", counter.Commands));
            }
            foreach (var path in new[] { "/congregations", $"/congregations/{slug}", $"/congregations/{slug}/members", $"/congregations/{slug}/host", $"/congregations/{slug}/care" })
            {
                await CountPageAsync(path);
            }
            counts.Add(await CrewsPageAsync(slug));
            // A member's conversation list and its longest thread (10 posts, then 200): one query per kind of thing.
            var conversations = thread[..thread.LastIndexOf('/')];
            var (joined, _) = await client.SubmitAsync(conversations[..conversations.LastIndexOf('/')], new Dictionary<string, string>(), "Join");
            Assert.Equal(System.Net.HttpStatusCode.Redirect, joined.StatusCode);
            foreach (var path in new[] { conversations, thread })
            {
                await CountPageAsync(path);
            }
            return [.. counts];
        }

        // The temporary crews of a gathering whose members are all going, formed by the administrator (who may
        // host any event): the tables, the moves and the rather-nots are one query each, whatever the crowd.
        async Task<int> CrewsPageAsync(string slug)
        {
            Guid eventId;
            using (var scope = counted.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>();
                var congregation = db.Congregations.Single(c => c.Slug == slug);
                var start = DateTime.UtcNow.Date.AddDays(9).AddHours(10);
                var gathering = new Microsolidarity.Hub.Data.Gatherings.GatheringEvent
                {
                    Id = Guid.NewGuid(),
                    Title = "Counting the tables",
                    Kind = Microsolidarity.Hub.Data.Gatherings.EventKind.Gathering,
                    Scale = Microsolidarity.Hub.Data.Gatherings.EventScale.Congregation,
                    Visibility = Microsolidarity.Hub.Data.Gatherings.EventVisibility.CongregationOnly,
                    CongregationId = congregation.Id,
                    Address = "The hall",
                    TimeZone = "Europe/Lisbon",
                    StartsAt = start,
                    EndsAt = start.AddHours(6),
                    CreatedAt = DateTime.UtcNow,
                    UpdatedAt = DateTime.UtcNow,
                };
                db.GatheringEvents.Add(gathering);
                db.Rsvps.AddRange(db.Memberships.Where(m => m.CongregationId == congregation.Id).Select(m => m.UserId).ToList()
                    .Select(userId => new Microsolidarity.Hub.Data.Gatherings.Rsvp
                    {
                        Id = Guid.NewGuid(),
                        EventId = gathering.Id,
                        UserId = userId,
                        Status = Microsolidarity.Hub.Data.Gatherings.RsvpStatus.Going,
                        CreatedAt = DateTime.UtcNow,
                        UpdatedAt = DateTime.UtcNow,
                    }));
                await db.SaveChangesAsync();
                eventId = gathering.Id;
            }
            var path = $"/gatherings/{eventId}/crews";
            var (formed, _) = await client.SubmitAsync(path, new Dictionary<string, string> { ["Size"] = "4" }, "Form");
            Assert.Equal(System.Net.HttpStatusCode.Redirect, formed.StatusCode);
            await client.Http.GetAsync(path);
            counter.Commands.Clear();
            var response = await client.Http.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            seen.Add($"{path}:\n  " + string.Join("\n  ", counter.Commands));
            return counter.Commands.Count;
        }

        // An administrator counts as a host everywhere: the members list with its hosts' forms, the host's dashboard
        // and the care view (whose forty members are in crews, out of them, newcomers; the four have no crew at all).
        var (_, _, shortThread) = await SeedSyntheticNetwork.RunAsync(counted.Services, 12, 3, TimeProvider.System, posts: 30);
        var small = await CountAsync(Slug(counted), shortThread!);        // four members; a thread of 10 posts
        var (_, _, longThread) = await SeedSyntheticNetwork.RunAsync(counted.Services, 400, 10, TimeProvider.System, posts: 2000);
        var large = await CountAsync(LargestSlug(counted), longThread!); // forty members; a thread of 200 posts

        Assert.All(small, n => Assert.True(n > 0, "no database command was seen: the counter is not hooked up"));
        Assert.True(small.SequenceEqual(large), $"small {string.Join(",", small)}, large {string.Join(",", large)}; the commands:\n{string.Join("\n", seen)}");
    }

    private static string Slug(WebApplicationFactory<Program> factory)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>().Congregations.OrderBy(c => c.Slug).First().Slug;
    }

    private static string LargestSlug(WebApplicationFactory<Program> factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>();
        return db.Congregations.OrderByDescending(c => db.Memberships.Count(m => m.CongregationId == c.Id)).First().Slug;
    }
}
