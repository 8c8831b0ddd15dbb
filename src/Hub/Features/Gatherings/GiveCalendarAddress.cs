using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// A member's private calendar address, made the first time they open "My calendar" (calendar programs cannot
/// sign in, so the address carries a secret). Two first views at once both end with the one address that was
/// saved first.
/// </summary>
public sealed class GiveCalendarAddress(HubDbContext db, TimeProvider time)
{
    public async Task<(Outcome Outcome, string Token)> RunAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (await TokenOfAsync(userId, cancellationToken) is { } existing)
        {
            return (Outcome.Done, existing);
        }
        var calendar = new MemberCalendar { UserId = userId, Token = CalendarFeeds.NewToken(), CreatedAt = time.GetUtcNow().UtcDateTime };
        db.MemberCalendars.Add(calendar);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (Outcome.Done, calendar.Token);
        }
        catch (DbUpdateException)
        {
            // Another first view saved its address a moment before: that one is the member's address.
            db.Entry(calendar).State = EntityState.Detached;
            if (await TokenOfAsync(userId, cancellationToken) is not { } saved)
            {
                throw;
            }
            return (Outcome.Done, saved);
        }
    }

    private Task<string?> TokenOfAsync(string userId, CancellationToken cancellationToken) =>
        db.MemberCalendars.AsNoTracking().Where(c => c.UserId == userId).Select(c => c.Token).SingleOrDefaultAsync(cancellationToken);
}
