using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Contracts;

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
}
