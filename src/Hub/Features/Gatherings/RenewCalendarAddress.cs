using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// Replaces a member's private calendar address when it was shared by mistake: the old one stops working at
/// once, so calendars subscribed to it stop updating; the member must say they understand that.
/// </summary>
public sealed class RenewCalendarAddress(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string userId, bool confirmed, CancellationToken cancellationToken = default)
    {
        if (!confirmed)
        {
            return Outcome.Refused(strings["Gatherings.Refused.ConfirmRenew"], "Confirm");
        }
        var calendar = await db.MemberCalendars.SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (calendar is null)
        {
            calendar = new MemberCalendar { UserId = userId };
            db.MemberCalendars.Add(calendar);
        }
        calendar.Token = CalendarFeeds.NewToken();
        calendar.CreatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
