using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Platform.Web;

public static class WebServices
{
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(pages =>
        {
            // Pages live beside the feature they belong to (Features/Accounts/SignIn.cshtml),
            // and each declares its own URL with @page. Razor Pages check the anti-forgery token on every POST.
            pages.RootDirectory = "/";
        }).AddMvcOptions(mvc =>
        {
            mvc.Filters.Add<UnknownHandlerFilter>(); // a form no handler answers is a 400, not a page rendered without its model
            mvc.Filters.Add<OncePerFormFilter>(); // forms marked hub-once do their work once
        });
        builder.Services.AddAntiforgery(a =>
        {
            a.Cookie.Name = "hub.antiforgery";
            a.FormFieldName = "__RequestVerificationToken";
            a.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure over HTTPS; plain http on loopback still works
            a.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends the one X-Frame-Options: DENY
        });
        builder.Services.Configure<RouteOptions>(r => r.LowercaseUrls = true);
        builder.AddReverseProxy();
        builder.AddRateLimits();
        builder.AddRequestLimits(); // body and form limits; which exceptions are the client's (400/413), not bugs
        builder.AddPublicPageCache();
        QuietTempData.Register(builder.Services);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ViewerClock>();
        builder.Services.AddSingleton<SavedZones>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, SavedZones.ForgetOnSave>();
        builder.Services.AddScoped<People.PeopleToPick>(); // whom a member may pick by name, wherever they choose someone
        builder.Services.AddScoped<Contracts.IPersonalData, OncePerFormPersonalData>(); // the tokens of forms a person sent
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddSingleton<CoverImages>(); // congregations' and events' covers: one decode per person a minute, across the hub
        builder.Services.AddHostedService<PublicAddressNotice>();
        builder.Services.AddScoped<Sitemap>();
        return builder;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseReverseProxy();
        app.UseMiddleware<SecurityHeaders>();
        // Exceptions are bugs: one place turns them into the friendly 500 page (never a stack trace).
        app.UseExceptionHandler(); // to /error, with the status from RequestLimits.Classify
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRequestLimits();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseLanguages(); // after authentication (a person's own choice), before the output cache (a copy per language)
        app.UseOutputCache(); // after authentication: signed-in requests must be recognised and passed by
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        // Alive: the process answers and reaches its database. /readyz (Observability) asks more.
        app.MapHealthChecks("/healthz", new() { Predicate = check => check.Name == "database" }).DisableRateLimiting();
        app.MapGet("/sitemap.xml", async (Sitemap sitemap, CancellationToken cancel) =>
            Results.Text(await sitemap.RunAsync(cancel), "application/xml; charset=utf-8"));
        app.MapRazorPages();
        return app;
    }
}
