using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Features.Demo;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Data;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Platform.Cli;

/// <summary>What happens once per hub: the first administrator, and the demo community unless turned off.</summary>
public static class FirstStart
{
    /// <summary>The PostgreSQL advisory lock the first start is taken under (any number the hub uses for nothing else).</summary>
    private const long FirstStartLock = 0x4855_4246_6972_7374; // "HUBFirst"

    public static async Task RunAsync(IServiceProvider services)
    {
        // Several nodes started together on a new PostgreSQL database each found no administrator: two created
        // one (the second failed on the taken name and did not start) or the second replaced the password the
        // first had just printed, and both seeded the demo. One node at a time does the first start; the others
        // then find it done. The lock is the session's, released explicitly: pooled connections keep their
        // session (No Reset On Close), and a node that dies mid-way drops its connection and the lock with it.
        var connections = services.GetRequiredService<PlainConnections>();
        if (connections.IsSqlite)
        {
            await RunAloneAsync(services);
            return;
        }
        await using var connection = await connections.OpenAsync();
        await using (var take = PlainConnections.Command(connection, null, "SELECT pg_advisory_lock(@key)", ("key", FirstStartLock)))
        {
            await take.ExecuteNonQueryAsync();
        }
        try
        {
            await RunAloneAsync(services);
        }
        finally
        {
            await using var release = PlainConnections.Command(connection, null, "SELECT pg_advisory_unlock(@key)", ("key", FirstStartLock));
            await release.ExecuteNonQueryAsync();
        }
    }

    private static async Task RunAloneAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var hub = scope.ServiceProvider.GetRequiredService<IOptions<HubOptions>>().Value;
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        var admin = await scope.ServiceProvider.GetRequiredService<EnsureFirstAdmin>().RunAsync();
        if (admin is { } credentials)
        {
            PrintCredentials(credentials.Email, credentials.Password);
        }
        if (await HubSettings.HasAsync(db, HubSettings.FirstStartDone))
        {
            return;
        }
        if (hub.SeedDemo)
        {
            await SeedDemoCommunity.RunAsync(services);
            using (RecipientLanguage.Of(CliWords.LanguageOf(Environment.GetEnvironmentVariable)))
            {
                Console.WriteLine(CliWords.T["Cli.DemoOnFirstStart"]);
            }
        }
        await HubSettings.SetAsync(db, HubSettings.FirstStartDone, "true", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    /// <summary>In the language of the environment the hub was started in (the one reading it); serving itself is not changed.</summary>
    private static void PrintCredentials(string email, string password)
    {
        using var language = RecipientLanguage.Of(CliWords.LanguageOf(Environment.GetEnvironmentVariable));
        var line = new string('─', 64);
        Console.WriteLine($"""
            {line}
              {CliWords.T["Cli.FirstAdmin.Created"]}
                {CliWords.T["Cli.FirstAdmin.Email", email]}
                {CliWords.T["Cli.FirstAdmin.Password", password]}
              {CliWords.T["Cli.FirstAdmin.Once"]}
              {CliWords.T["Cli.FirstAdmin.Change"]}
            {line}
            """);
    }
}
