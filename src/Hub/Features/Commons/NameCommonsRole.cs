using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// A hub administrator names a treasurer, an administrator of the commons, or the one veto holder
/// (naming a new veto holder hands the veto over). The page checks the hub administrator role.
/// </summary>
public sealed class NameCommonsRole(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string hubAdminId, string email, CommonsRoleKind role, CancellationToken cancellationToken = default)
    {
        var normalized = (email ?? "").Trim().ToUpperInvariant();
        var person = await db.Users.Where(u => u.NormalizedEmail == normalized && u.EmailConfirmed).Select(u => new { u.Id }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return Outcome.Refused(strings["Commons.Refused.NoAccount", email?.Trim() ?? ""], "Email");
        }
        if (await db.CommonsRoles.AnyAsync(r => r.UserId == person.Id && r.Role == role, cancellationToken))
        {
            return Outcome.Refused(strings["Commons.Refused.HoldsRole"], "Email");
        }
        if (role == CommonsRoleKind.VetoHolder)
        {
            // One person holds the veto, an emergency backstop, not a second board.
            await db.CommonsRoles.Where(r => r.Role == CommonsRoleKind.VetoHolder).ExecuteDeleteAsync(cancellationToken);
        }
        db.CommonsRoles.Add(new CommonsRole { Id = Guid.NewGuid(), UserId = person.Id, Role = role, NamedAt = time.GetUtcNow().UtcDateTime, NamedByUserId = hubAdminId });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
