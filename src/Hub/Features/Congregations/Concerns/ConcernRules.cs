using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>
/// Who may read and tend a concern. A concern is visible to its raiser and the congregation's care contacts only:
/// never to a care contact it is about, never to the other hosts, and to the hub's administrators only when it was
/// routed to them (it is about a care contact, or no other care contact was named). The raiser reads it; the care
/// contacts (and those administrators) tend it: acknowledge, record steps, close.
/// </summary>
public static class ConcernRules
{
    /// <summary>The care contacts of a congregation, by their user ids (normally two).</summary>
    public static Task<List<string>> CareContactsAsync(HubDbContext db, Guid congregationId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().Where(m => m.CongregationId == congregationId && m.IsCareContact)
            .OrderBy(m => m.JoinedAt).Select(m => m.UserId).ToListAsync(cancellationToken);

    public static bool CanRead(Concern concern, string? viewerId, bool isAdmin, IReadOnlyCollection<string> careContacts) =>
        viewerId is not null && (concern.RaisedByUserId == viewerId || CanTend(concern, viewerId, isAdmin, careContacts));

    /// <summary>A care contact it is not about and did not raise, or an administrator when it was routed to them.</summary>
    public static bool CanTend(Concern concern, string? viewerId, bool isAdmin, IReadOnlyCollection<string> careContacts) =>
        viewerId is not null && concern.RaisedByUserId != viewerId
        && ((careContacts.Contains(viewerId) && concern.AboutUserId != viewerId) || (concern.ToAdministrators && isAdmin));

    /// <summary>The people who tend it: its care contacts (but the one it is about, and its raiser) and, when routed to them, the administrators.</summary>
    public static async Task<List<string>> TendersAsync(HubDbContext db, Concern concern, CancellationToken cancellationToken)
    {
        var contacts = await CareContactsAsync(db, concern.CongregationId, cancellationToken);
        var people = contacts.Where(c => c != concern.AboutUserId && c != concern.RaisedByUserId).ToList();
        if (concern.ToAdministrators)
        {
            var admins = await db.UserRoles.AsNoTracking()
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .Where(x => x.Name == Platform.Contracts.HubRoles.Admin).Select(x => x.UserId).ToListAsync(cancellationToken);
            people.AddRange(admins.Where(a => a != concern.AboutUserId && a != concern.RaisedByUserId && !people.Contains(a)));
        }
        return people;
    }

    public static string PathOf(string slug, Guid concernId) => $"/congregations/{slug}/concerns/{concernId}";
}
