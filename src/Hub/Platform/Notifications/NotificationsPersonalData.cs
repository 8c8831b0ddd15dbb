using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Notifications;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Platform.Notifications;

[PersonalDataOf(typeof(Notification), typeof(NotificationPreference))]
internal sealed class NotificationsPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Notifications";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var count = await db.Notifications.CountAsync(n => n.UserId == user.Id, cancellationToken);
        return [$"Your notifications ({count}) and how you chose to receive them."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        Choices = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == user.Id)
            .Select(p => new { Topic = p.Topic == "" ? "default" : p.Topic, Mode = p.Mode.ToString() }).ToListAsync(cancellationToken),
        Notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == user.Id).OrderBy(n => n.CreatedAt)
            .Select(n => new { n.CreatedAt, n.Kind, n.Title, n.Url, n.ReadAt, n.DoneAt, Email = n.Email.ToString() }).ToListAsync(cancellationToken),
    };

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        await db.Notifications.Where(n => n.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.NotificationPreferences.Where(p => p.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
    }
}
