using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.People;

/// <summary>
/// Saves the zone a person's times are shown in, alone (the banner's one click, the /time-zone page),
/// leaving the rest of the profile as it is; a person without a profile gets one holding only the zone.
/// </summary>
public sealed class SaveTimeZone(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string userId, string? zone, CancellationToken cancellationToken = default)
    {
        if (TimeZones.Normalize(zone) is not { } id)
        {
            return Outcome.Refused(TimeZones.Refusal(strings, zone), "Zone");
        }
        var profile = await db.Profiles.FindAsync([userId], cancellationToken);
        if (profile is null)
        {
            profile = new Profile { UserId = userId };
            db.Profiles.Add(profile);
        }
        profile.TimeZone = id;
        profile.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
