using System.Security.Claims;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Platform.Notifications;

public static class NotificationServices
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>()
            .ReadInterval(builder.Configuration, "Notifications:DigestCheckInterval", "Notifications:DigestCheckMinutes", TimeSpan.FromMinutes(1), (o, interval) => o.DigestCheckInterval = interval)
            .Bind(builder.Configuration.GetSection(NotificationOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<SendDailyDigests>();
        builder.Services.AddScoped<SaveNotificationChoices>();
        builder.Services.AddScoped<MarkNotificationsRead>();
        builder.Services.AddScoped<UnreadNotifications>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, ForgetUnreadCountOnNotice>();
        builder.Services.AddScoped<IPersonalData, NotificationsPersonalData>();
        builder.Services.AddHostedService<DailyDigestJob>();
        return builder;
    }

    /// <summary>The header's count follows this stream (notices.js) while the page is in view.</summary>
    public const string Events = "/me/notifications/events";

    public static WebApplication MapNotifications(this WebApplication app)
    {
        app.MapGet(Events, StreamUnreadAsync);
        return app;
    }

    /// <summary>
    /// The signed-in person's unread count, sent at once and again whenever it changes (a notice came, or they read
    /// some on another page or node). A 401 to anyone else: the browser's EventSource then stops rather than retrying.
    /// </summary>
    private static async Task StreamUnreadAsync(HttpContext http, UnreadNotifications unread, LiveSignals live)
    {
        if (http.User.Identity?.IsAuthenticated != true || http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        using var stop = EventStreams.Lifetime(http);
        using var watch = live.Watch(UnreadNotifications.Topic(userId));
        var sent = -1;
        // Read again now and then without a signal too: the count of a missed signal is put right within seconds.
        await EventStreams.FollowAsync(http, watch, live.ReadAtLeastEvery(EventStreams.KeepAliveEvery), async cancel =>
        {
            var count = await unread.CountNowAsync(userId, cancel);
            if (count == sent)
            {
                return null;
            }
            sent = count;
            return $"event: unread\ndata: {count}\n\n";
        }, stop.Token);
    }
}
