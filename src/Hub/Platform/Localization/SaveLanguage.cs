using Microsoft.Extensions.Caching.Memory;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Platform.Localization;

/// <summary>
/// Saves the language a person reads the hub and receives its emails in (null: follow the browser, emails in English).
/// </summary>
public sealed class SaveLanguage(HubDbContext db, IMemoryCache cache)
{
    public async Task<Outcome> RunAsync(string userId, string? language, CancellationToken cancellationToken = default)
    {
        var code = Languages.Normalize(language);
        if (code is null && !string.IsNullOrEmpty(language))
        {
            return Outcome.Refused("Choose one of the languages offered.", "Language");
        }
        var user = await db.Users.FindAsync([userId], cancellationToken);
        if (user is null)
        {
            return Outcome.Refused("Your account is no longer here.");
        }
        user.Language = code;
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(LocalizationServices.CacheKey(userId));
        return Outcome.Done;
    }
}
