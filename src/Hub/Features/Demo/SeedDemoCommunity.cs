using Microsoft.AspNetCore.Identity;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Data;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// A small community of invented people, so a new host sees the hub in use. Each capability adds
/// its part here (congregations, crews, gatherings, the commons...). Safe to run twice.
/// </summary>
public static class SeedDemoCommunity
{
    /// <summary>Invented names; the addresses use the reserved .example domain, so no mail reaches anyone.</summary>
    internal static readonly (string Name, string Email)[] People =
    [
        ("Ilse Marrow", "ilse@demo.hub.example"),
        ("Tomas Brightwater", "tomas@demo.hub.example"),
        ("Noor Haddad-Lind", "noor@demo.hub.example"),
        ("Pilar Vance", "pilar@demo.hub.example"),
        ("Kofi Mensah-Reed", "kofi@demo.hub.example"),
        ("Wren Castellano", "wren@demo.hub.example"),
        ("Sami Ortolan", "sami@demo.hub.example"),
        ("Hanna Birchfield", "hanna@demo.hub.example"),
        ("Dario Fennimore", "dario@demo.hub.example"),
        ("Mele Tupou-Hart", "mele@demo.hub.example"),
    ];

    /// <summary>Returns false when the demo community was there already.</summary>
    public static async Task<bool> RunAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        if (await HubSettings.HasAsync(db, HubSettings.DemoSeeded))
        {
            return false;
        }
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (name, email) in People)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }
            var person = new HubUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                CreatedAt = now,
                IsDemo = true,
            };
            // Demo people have no password: they are there to be seen, not to sign in as.
            var created = await users.CreateAsync(person);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not add demo person {name}: " +
                    string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }
        await HubSettings.SetAsync(db, HubSettings.DemoSeeded, "true", now);
        await db.SaveChangesAsync();
        return true;
    }
}
