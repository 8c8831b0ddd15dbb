using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.People;

/// <summary>One profile as one viewer may see it: each field kept or blanked by its own visibility.</summary>
public sealed record VisibleProfile(string Name, string? Pronouns, string? Bio, IReadOnlyList<string> Interests, IReadOnlyList<string> Skills,
    string? Offers, string? Seeks, string? Languages, string? City, string? TimeZone, string? Availability, string? PhotoFile);

public sealed class ProfileVisibility(HubDbContext db)
{
    /// <summary>Whether two people share a congregation or a crew (past crews count: they met there).</summary>
    public async Task<bool> ShareAGroupAsync(string a, string b, CancellationToken cancellationToken = default) =>
        await db.Memberships.AnyAsync(m1 => m1.UserId == a && db.Memberships.Any(m2 => m2.CongregationId == m1.CongregationId && m2.UserId == b), cancellationToken)
        || await db.CrewMembers.AnyAsync(c1 => c1.UserId == a && c1.Status != CrewMemberStatus.Invited && c1.Status != CrewMemberStatus.Declined
            && db.CrewMembers.Any(c2 => c2.CrewId == c1.CrewId && c2.UserId == b && c2.Status != CrewMemberStatus.Invited && c2.Status != CrewMemberStatus.Declined), cancellationToken);

    public async Task<VisibleProfile?> ForViewerAsync(string personId, string? viewerId, CancellationToken cancellationToken = default)
    {
        var name = await db.Users.Where(u => u.Id == personId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return null;
        }
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == personId, cancellationToken) ?? new Profile();
        var self = viewerId == personId;
        var groups = self || (viewerId is not null && await ShareAGroupAsync(personId, viewerId, cancellationToken));
        string? Show(string value, Visibility visibility) =>
            string.IsNullOrWhiteSpace(value) ? null
            : self || visibility == Visibility.Everyone || (visibility == Visibility.MyGroups && groups) ? value : null;
        return new VisibleProfile(name,
            Show(profile.Pronouns, profile.PronounsVisibility), Show(profile.Bio, profile.BioVisibility),
            Tags.Split(Show(profile.Interests, profile.InterestsVisibility)), Tags.Split(Show(profile.Skills, profile.SkillsVisibility)),
            Show(profile.Offers, profile.OffersVisibility), Show(profile.Seeks, profile.SeeksVisibility),
            Show(profile.Languages, profile.LanguagesVisibility), Show(profile.City, profile.CityVisibility),
            Show(profile.TimeZone, profile.TimeZoneVisibility),
            profile.Availability.Contains('1') ? Show(profile.Availability, profile.AvailabilityVisibility) : null,
            Show(profile.PhotoFile, profile.PhotoVisibility));
    }
}
