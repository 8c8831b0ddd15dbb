namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// Headers on every response. The content security policy allows scripts and styles from the hub
/// itself only: no inline script, no inline style, no third-party hosts. Frames only for the handbook's
/// click-to-load video players, which load nothing until the reader clicks, and the hub's own pages (the
/// handbook's hidden diagram frame). Media from the hub, and on a page that plays it, from the one
/// outside host an episode's audio lives on (<see cref="AllowMediaFrom"/>). An endpoint that sets its own
/// policy or frame option keeps it. Over HTTPS, Strict-Transport-Security tells browsers to come back
/// over HTTPS only (not in Development, where it would stick to localhost).
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, IHostEnvironment environment)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>A year: long enough to protect, and the hub has no sub-domains to speak for.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public Task InvokeAsync(HttpContext context)
    {
        var https = context.Request.IsHttps && !environment.IsDevelopment();
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
            headers["X-Content-Type-Options"] = "nosniff";
            headers.TryAdd("X-Frame-Options", "DENY"); // ASP.NET's antiforgery would add SAMEORIGIN; it is told not to (WebServices)
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (https)
            {
                headers["Strict-Transport-Security"] = StrictTransportSecurity;
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>
    /// This response plays audio or video from an address outside the hub (a podcast host): its policy lets
    /// media load from that origin too, and nothing else changes. Hub paths and odd addresses change nothing.
    /// </summary>
    public static void AllowMediaFrom(HttpResponse response, string source)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy.Replace("media-src 'self'", $"media-src 'self' {uri.GetLeftPart(UriPartial.Authority)}");
        }
    }
}
