using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Platform.Localization;

/// <summary>
/// ASP.NET Core's own localisation (resource files, IStringLocalizer), with the hub's way of choosing a
/// request's language: the signed-in person's saved choice, else the footer's cookie, else the best match of
/// the browser's Accept-Language, else English. Only the UI culture changes: words, and the dates that
/// <see cref="DateFormats"/> writes. The formatting culture of everything else stays invariant, because
/// much of the hub writes numbers for machines (SVG coordinates, calendar feeds, form values) with the
/// current culture, and "38,7" in a map's path would break it.
/// </summary>
public static class LocalizationServices
{
    public static WebApplicationBuilder AddLanguages(this WebApplicationBuilder builder)
    {
        var pseudo = builder.Configuration.GetValue("Localization:Pseudo", false);
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        builder.Services.AddSingleton<IStringLocalizerFactory, PseudoLocalizerFactory>();
        builder.Services.AddScoped<SaveLanguage>();
        // A validation attribute's ErrorMessage is looked up as a key of Strings; a message that is no key (every form
        // not yet localised) comes back as it is written, so English pages read as before.
        builder.Services.AddRazorPages().AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Strings)));
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var ui = Languages.Shipped.Select(l => l.Culture).ToList();
            if (pseudo)
            {
                ui.Add(Languages.PseudoCulture);
            }
            o.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, Languages.CultureOf(Languages.English));
            o.SupportedCultures = [CultureInfo.InvariantCulture];
            o.SupportedUICultures = ui;
            o.FallBackToParentUICultures = false;
            o.ApplyCurrentCultureToResponseHeaders = false;
            o.RequestCultureProviders =
            [
                new PersonProvider(),
                new CustomRequestCultureProvider(c => Result(Languages.Normalize(c.Request.Cookies[Languages.Cookie], pseudo))),
                new CustomRequestCultureProvider(c => Result(Languages.BestMatch(c.Request.Headers.AcceptLanguage, pseudo))),
            ];
        });
        return builder;
    }

    /// <summary>After authentication (a person's choice needs to know who they are), before the output cache (one copy per language).</summary>
    public static WebApplication UseLanguages(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    private static Task<ProviderCultureResult?> Result(string? code) =>
        Task.FromResult(code is null ? null : new ProviderCultureResult(CultureInfo.InvariantCulture.Name, code));

    /// <summary>The memory cache's key for a person's saved language; <see cref="SaveLanguage"/> forgets it.</summary>
    internal static string CacheKey(string userId) => $"language:{userId}";

    /// <summary>
    /// A signed-in person's saved language, read once a minute per node (a signed-in request otherwise reads
    /// nothing here): after a change on another node, that node follows within the minute.
    /// </summary>
    private sealed class PersonProvider : RequestCultureProvider
    {
        public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            if (httpContext.User.Identity?.IsAuthenticated != true || httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
            {
                return null;
            }
            var services = httpContext.RequestServices;
            var cache = services.GetRequiredService<IMemoryCache>();
            if (!cache.TryGetValue(CacheKey(userId), out string? saved))
            {
                saved = await services.GetRequiredService<HubDbContext>().Users.AsNoTracking()
                    .Where(u => u.Id == userId).Select(u => u.Language).FirstOrDefaultAsync(httpContext.RequestAborted);
                cache.Set(CacheKey(userId), saved, TimeSpan.FromMinutes(1));
            }
            var pseudo = services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value.SupportedUICultures!
                .Any(c => c.Name == Languages.Pseudo);
            return await Result(Languages.Normalize(saved, pseudo));
        }
    }
}
