using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.People;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>
/// The photos a viewer may see of a program's people with an account, by the profile's own rule: shown to everyone,
/// or to people who share a congregation with them. One query, whatever the number of people.
/// </summary>
public static class ProgramFaces
{
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(HubDbContext db, IReadOnlyCollection<string> userIds, string viewer, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<string, string>();
        }
        var mine = db.Memberships.Where(m => m.UserId == viewer).Select(m => m.CongregationId);
        return await db.Profiles.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId) && p.PhotoFile != ""
                && (p.PhotoVisibility == Visibility.Everyone || p.UserId == viewer
                    || (p.PhotoVisibility == Visibility.MyGroups && db.Memberships.Any(m => m.UserId == p.UserId && mine.Contains(m.CongregationId)))))
            .ToDictionaryAsync(p => p.UserId, p => p.PhotoFile, cancellationToken);
    }
}
