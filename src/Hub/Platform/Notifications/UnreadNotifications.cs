using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Platform.Notifications;

/// <summary>The count on the header's "Notifications" link: one small indexed query, only for people signed in.</summary>
public sealed class UnreadNotifications(HubDbContext db)
{
    public async Task<int> CountAsync(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null ? 0 : await db.Notifications.CountAsync(n => n.UserId == id && n.ReadAt == null);
    }
}
