using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.People;

/// <summary>Saves one's own profile: every field with its visibility, and the weekly availability grid.</summary>
public sealed class SaveProfile(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string userId, Profile input, IEnumerable<int> freeHours, CancellationToken cancellationToken = default)
    {
        var zone = TimeZones.Normalize(input.TimeZone);
        if (!string.IsNullOrWhiteSpace(input.TimeZone) && zone is null)
        {
            return Outcome.Refused(TimeZones.Refusal(strings, input.TimeZone), "TimeZone");
        }
        var grid = new char[168];
        Array.Fill(grid, '0');
        foreach (var hour in freeHours.Where(h => h is >= 0 and < 168))
        {
            grid[hour] = '1';
        }
        var profile = await db.Profiles.FindAsync([userId], cancellationToken);
        if (profile is null)
        {
            profile = new Profile { UserId = userId };
            db.Profiles.Add(profile);
        }
        profile.Pronouns = input.Pronouns.Trim();
        profile.PronounsVisibility = input.PronounsVisibility;
        profile.Bio = input.Bio.Trim();
        profile.BioVisibility = input.BioVisibility;
        profile.Interests = Tidy(input.Interests);
        profile.InterestsVisibility = input.InterestsVisibility;
        profile.Skills = Tidy(input.Skills);
        profile.SkillsVisibility = input.SkillsVisibility;
        profile.Offers = input.Offers.Trim();
        profile.OffersVisibility = input.OffersVisibility;
        profile.Seeks = input.Seeks.Trim();
        profile.SeeksVisibility = input.SeeksVisibility;
        profile.Languages = input.Languages.Trim();
        profile.LanguagesVisibility = input.LanguagesVisibility;
        profile.City = input.City.Trim();
        profile.CityVisibility = input.CityVisibility;
        profile.TimeZone = zone ?? "";
        profile.TimeZoneVisibility = input.TimeZoneVisibility;
        profile.Availability = new string(grid);
        profile.AvailabilityVisibility = input.AvailabilityVisibility;
        profile.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>"gardening,  Cooking ,gardening" → "gardening, Cooking": tags without blanks or repeats.</summary>
    internal static string Tidy(string tags) => string.Join(", ",
        Tags.Split(tags).Distinct(StringComparer.OrdinalIgnoreCase));
}
