using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Notifications;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Platform.Notifications;

/// <summary>A person's notices, newest first, and how they want to receive them. Only ever their own.</summary>
[Authorize]
public sealed class NotificationsModel(HubDbContext db, SaveNotificationChoices save, MarkNotificationsRead mark, ViewerClock clock,
    IStringLocalizer<Strings> strings)
    : HubPageModel
{
    public IReadOnlyList<Notification> Items { get; private set; } = [];
    public ViewerClock Clock => clock;

    [BindProperty] public NotificationMode DefaultMode { get; set; }

    /// <summary>Per topic: a mode, or empty for "as my default".</summary>
    [BindProperty] public Dictionary<string, NotificationMode?> Topics { get; set; } = [];

    [BindProperty] public Guid? Only { get; set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var choices = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == Me).ToListAsync(cancellationToken);
        DefaultMode = choices.FirstOrDefault(c => c.Topic == "")?.Mode ?? NotificationMode.EmailAtOnce;
        Topics = NotificationTopics.All.ToDictionary(t => t, t => choices.FirstOrDefault(c => c.Topic == t)?.Mode);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostChoicesAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await save.RunAsync(Me, DefaultMode, Topics, cancellationToken), strings["People.Notifications.Saved"],
            async () => { await LoadAsync(cancellationToken); return Page(); });

    public async Task<IActionResult> OnPostReadAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await mark.RunAsync(Me, Only, cancellationToken), Only is null ? strings["People.Notifications.AllRead"] : strings["People.Notifications.OneRead"],
            async () => { await LoadAsync(cancellationToken); return Page(); });

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await clock.ZoneAsync();
        Items = await db.Notifications.AsNoTracking().Where(n => n.UserId == Me)
            .OrderByDescending(n => n.CreatedAt).Take(100).ToListAsync(cancellationToken);
    }
}
