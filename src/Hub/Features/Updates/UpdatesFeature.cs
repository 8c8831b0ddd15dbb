using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Updates.Newsletter;
using Microsolidarity.Hub.Features.Updates.Podcast;
using Microsolidarity.Hub.Features.Updates.Webhooks;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates;

public static partial class UpdatesFeature
{
    public static WebApplicationBuilder AddUpdates(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<UpdatesOptions>()
            .ReadInterval(builder.Configuration, "Updates:PollInterval", "Updates:PollIntervalMs", TimeSpan.FromMilliseconds(1), (o, interval) => o.PollInterval = interval)
            .ReadInterval(builder.Configuration, "Updates:FirstRetryAfter", "Updates:RetryBaseMs", TimeSpan.FromMilliseconds(1), (o, wait) => o.FirstRetryAfter = wait)
            .Bind(builder.Configuration.GetSection(UpdatesOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<UpdatesAccess>();
        builder.Services.AddScoped<UpdatesFeeds>();
        builder.Services.AddScoped<SubscribeToNewsletter>();
        builder.Services.AddScoped<ChangeSubscription>();
        builder.Services.AddScoped<SendNewsletterIssue>();
        builder.Services.AddScoped<PublishEpisode>();
        builder.Services.AddScoped<ManageWebhookTargets>();
        builder.Services.AddScoped<SendWebhookTest>();
        builder.Services.AddScoped<IAnnouncementSink, WebhookSink>();
        builder.Services.AddScoped<IPersonalData, UpdatesPersonalData>();
        builder.Services.AddSingleton<NewsletterSignal>();
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddHostedService<NewsletterSender>();
        builder.Services.AddHostedService<WebhookSender>();
        // Webhook targets are other people's servers: no cookies, no following redirects to elsewhere,
        // and only public addresses, checked on the address each connection opens (after DNS). No
        // proxy from the environment either: through one, that check would see the proxy, not the target.
        builder.Services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                ConnectCallback = OutboundAddresses.PublicOnly(
                    () => services.GetRequiredService<IOptions<UpdatesOptions>>().Value.AllowPrivateWebhookTargets,
                    $"{UpdatesOptions.Section}:{nameof(UpdatesOptions.AllowPrivateWebhookTargets)}"),
            })
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan); // the sender applies its own timeout
        return builder;
    }

    public static WebApplication MapUpdates(this WebApplication app)
    {
        app.MapGet("/feed.xml", async (UpdatesFeeds feeds, CancellationToken cancel) =>
            Results.Text(await feeds.AtomAsync(cancel), "application/atom+xml; charset=utf-8"));
        app.MapGet("/podcast.xml", async (UpdatesFeeds feeds, CancellationToken cancel) =>
            Results.Text(await feeds.PodcastAsync(cancel), "application/rss+xml; charset=utf-8"));
        app.MapGet("/podcast/audio/{name}", async (string name, HubDbContext db, IFileStore files, HttpContext context, CancellationToken cancel) =>
        {
            // Only names the hub wrote, for episodes that exist: nothing can climb out of the folder.
            if (!AudioName().IsMatch(name))
            {
                return Results.NotFound();
            }
            var episode = await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.AudioFile == name, cancel);
            if (episode is null)
            {
                return Results.NotFound();
            }
            // Podcast apps fetch in ranges (to start playing at once, to skip ahead): only those bytes leave the store.
            var audio = await StoredFiles.ServeAsync(files, PublishEpisode.KeyOf(name), episode.AudioType, cancel, ranges: true);
            if (audio is not Microsoft.AspNetCore.Http.HttpResults.NotFound)
            {
                context.Response.Headers.CacheControl = "public, max-age=86400";
            }
            return audio;
        });
        return app;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,100}\.(mp3|m4a|ogg|opus|wav)$")]
    private static partial Regex AudioName();
}
