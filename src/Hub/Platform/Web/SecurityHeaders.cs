namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// Headers on every response. The content security policy allows scripts and styles from the hub
/// itself only: no inline script, no inline style, no third-party hosts. Frames only for the handbook's
/// click-to-load video players, which load nothing until the reader clicks, and the hub's own pages (the
/// handbook's hidden diagram frame). An endpoint that sets its own policy or frame option keeps it.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
            headers["X-Content-Type-Options"] = "nosniff";
            headers.TryAdd("X-Frame-Options", "DENY");
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
