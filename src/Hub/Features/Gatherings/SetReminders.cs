using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>A member chooses which reminders of their events and crew meetings they get: the day before, the hour before, both or none.</summary>
public sealed class SetReminders(HubDbContext db)
{
    public async Task<Outcome> RunAsync(string userId, bool dayBefore, bool hourBefore, CancellationToken cancellationToken = default)
    {
        var preference = await db.ReminderPreferences.FindAsync([userId], cancellationToken);
        if (preference is null)
        {
            preference = new ReminderPreference { UserId = userId };
            db.ReminderPreferences.Add(preference);
        }
        (preference.DayBefore, preference.HourBefore) = (dayBefore, hourBefore);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
