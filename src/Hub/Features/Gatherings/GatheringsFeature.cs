using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Gatherings;

public static class GatheringsFeature
{
    public static WebApplicationBuilder AddGatherings(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ViewerLoader>();
        builder.Services.AddScoped<GatheringEmails>();
        builder.Services.AddScoped<Places>();
        builder.Services.AddScoped<AnswersMoved>();
        builder.Services.AddScoped<CreateEvent>();
        builder.Services.AddScoped<SetReminders>();
        builder.Services.AddScoped<GiveCalendarAddress>();
        builder.Services.AddScoped<RenewCalendarAddress>();
        builder.Services.AddScoped<EditEvent>();
        builder.Services.AddScoped<SetEventCover>();
        builder.Services.AddScoped<AnswerEvent>();
        builder.Services.AddScoped<DecideAnswer>();
        builder.Services.AddScoped<ChangeOccurrence>();
        builder.Services.AddScoped<CalendarFeeds>();
        builder.Services.AddScoped<UpcomingOccurrences>();
        builder.Services.AddScoped<SendReminders>();
        builder.Services.AddScoped<SetUpTickets>();
        builder.Services.AddScoped<ChooseTicket>();
        builder.Services.AddScoped<TendTicket>();
        builder.Services.AddScoped<ITicketPayments, TicketPayments>(); // the commons records card payments and refunds of tickets through it
        builder.Services.AddScoped<CloseEvent>();
        builder.Services.AddScoped<TimeFindingAccess>();
        builder.Services.AddScoped<LoadOverlap>();
        builder.Services.AddScoped<MarkAvailability>();
        builder.Services.AddScoped<ConfirmFoundTime>();
        builder.Services.AddScoped<ExpireUnpaidPlaces>();
        builder.Services.AddOptions<GatheringsOptions>()
            .ReadInterval(builder.Configuration, "Gatherings:ReminderCheckInterval", "Gatherings:ReminderPollSeconds", TimeSpan.FromSeconds(1), (o, interval) => o.ReminderCheckInterval = interval)
            .Bind(builder.Configuration.GetSection(GatheringsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<GatheringReminderJob>();
        builder.Services.AddScoped<IUpcomingEvents>(s => s.GetRequiredService<UpcomingOccurrences>());
        builder.Services.AddScoped<IGatheringPresence, GatheringPresence>();
        builder.Services.AddScoped<IPersonalData, GatheringPersonalData>();
        return builder;
    }

    public static WebApplication MapGatherings(this WebApplication app)
    {
        app.MapGet("/calendar.ics", async (CalendarFeeds feeds, IOptions<HubOptions> hub, CancellationToken cancellationToken) =>
            Results.Text(await feeds.PublicAsync(null, hub.Value.Name, cancellationToken), CalendarFeeds.ContentType));

        app.MapGet("/congregations/{slug}/calendar.ics", async (string slug, CalendarFeeds feeds, Data.HubDbContext db, CancellationToken cancellationToken) =>
        {
            var congregation = db.Congregations.Where(c => c.Slug == slug).Select(c => new { c.Id, c.Name }).SingleOrDefault();
            return congregation is null
                ? Results.NotFound()
                : Results.Text(await feeds.PublicAsync(congregation.Id, congregation.Name, cancellationToken), CalendarFeeds.ContentType);
        });

        // The token is the secret: no session, because calendar programs subscribe without one.
        app.MapGet("/calendar/{token}.ics", async (string token, CalendarFeeds feeds, IOptions<HubOptions> hub, CancellationToken cancellationToken) =>
            await feeds.PrivateAsync(token, hub.Value.Name, cancellationToken) is { } text
                ? Results.Text(text, CalendarFeeds.ContentType)
                : Results.NotFound());

        // The cover, to whoever may see the event (404 to anyone else, as the event's page).
        app.MapGet("/gatherings/{id:guid}/cover", async (Guid id, HttpContext http, ViewerLoader viewers, Platform.Web.CoverImages covers, Data.HubDbContext db,
            CancellationToken cancellationToken) =>
        {
            var e = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
            if (e is null || !(await viewers.LoadAsync(http.User, cancellationToken)).CanSee(e))
            {
                return Results.NotFound();
            }
            var cover = await covers.ServeAsync(e.CoverFile, cancellationToken);
            if (cover is not Microsoft.AspNetCore.Http.HttpResults.NotFound)
            {
                // Private unless public: who may see it depends on who asks. Each upload has a new name (?v=).
                http.Response.Headers.CacheControl = e.Visibility == Data.Gatherings.EventVisibility.Public ? "public, max-age=86400" : "private, max-age=3600";
            }
            return cover;
        });
        app.MapGet("/gatherings/{id:guid}.ics", async (Guid id, HttpContext http, ViewerLoader viewers, CalendarFeeds feeds, Data.HubDbContext db, CancellationToken cancellationToken) =>
        {
            var viewer = await viewers.LoadAsync(http.User, cancellationToken);
            var e = db.GatheringEvents.SingleOrDefault(x => x.Id == id);
            if (e is null || !viewer.CanSee(e))
            {
                return Results.NotFound();
            }
            var going = viewer.CanHost(e) || db.Rsvps.Any(r => r.EventId == id && r.UserId == viewer.UserId && r.Status == Data.Gatherings.RsvpStatus.Going);
            var text = await feeds.OneEventAsync(e, going, cancellationToken);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(text), CalendarFeeds.ContentType, "event.ics");
        });
        return app;
    }
}
