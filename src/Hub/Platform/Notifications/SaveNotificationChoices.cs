using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Notifications;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Platform.Notifications;

/// <summary>
/// Saves how a person wants to hear about each topic. A topic set to follow the default keeps no row,
/// so changing the default later changes it too.
/// </summary>
public sealed class SaveNotificationChoices(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string userId, NotificationMode defaultMode, IReadOnlyDictionary<string, NotificationMode?> topics,
        CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(defaultMode))
        {
            return Outcome.Refused(strings["People.Notifications.Refused.Default"], "DefaultMode");
        }
        var unknown = topics.Keys.FirstOrDefault(t => !NotificationTopics.All.Contains(t));
        if (unknown is not null)
        {
            return Outcome.Refused(strings["People.Notifications.Refused.Topic", unknown]);
        }
        if (topics.Values.Any(m => m is { } mode && !Enum.IsDefined(mode)))
        {
            return Outcome.Refused(strings["People.Notifications.Refused.Choice"]);
        }
        var existing = await db.NotificationPreferences.Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        db.NotificationPreferences.RemoveRange(existing);
        await db.SaveChangesAsync(cancellationToken); // the same keys may be added back below
        db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Topic = "", Mode = defaultMode });
        foreach (var (topic, mode) in topics)
        {
            if (mode is { } chosen)
            {
                db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Topic = topic, Mode = chosen });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
