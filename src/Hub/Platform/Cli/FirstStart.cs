using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Features.Demo;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Data;

namespace Microsolidarity.Hub.Platform.Cli;

/// <summary>What happens once per hub: the first administrator, and the demo community unless turned off.</summary>
public static class FirstStart
{
    public static async Task RunAsync(IServiceProvider services)
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
            Console.WriteLine("A demo community of invented people was added (start with --no-demo to skip it).");
        }
        await HubSettings.SetAsync(db, HubSettings.FirstStartDone, "true", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    private static void PrintCredentials(string email, string password)
    {
        var line = new string('─', 64);
        Console.WriteLine($"""
            {line}
              The hub's first administrator was created.
                Email:    {email}
                Password: {password}
              This is shown once and stored nowhere in plain text.
              Sign in, then change the password under "My account".
            {line}
            """);
    }
}
