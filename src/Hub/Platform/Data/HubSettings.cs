using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Platform;

namespace Microsolidarity.Hub.Platform.Data;

/// <summary>Reads and writes the small facts in <see cref="HubSetting"/>.</summary>
public static class HubSettings
{
    public const string FirstStartDone = "first-start-done";
    public const string DemoSeeded = "demo-seeded";

    public static Task<bool> HasAsync(HubDbContext db, string key) => db.HubSettings.AnyAsync(s => s.Key == key);

    public static async Task SetAsync(HubDbContext db, string key, string value, DateTime now)
    {
        var setting = await db.HubSettings.FindAsync(key);
        if (setting is null)
        {
            db.HubSettings.Add(new HubSetting { Key = key, Value = value, UpdatedAt = now });
        }
        else
        {
            setting.Value = value;
            setting.UpdatedAt = now;
        }
    }
}
