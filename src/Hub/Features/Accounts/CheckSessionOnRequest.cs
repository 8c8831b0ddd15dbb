using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// What every request that carries a sign-in cookie runs: the cookie is good only while its session is
/// (sign-out, "sign out everywhere" and a new password or address end sessions on the server, so a copied
/// cookie stops working too), and Identity refreshes the cookie's claims at its own interval.
/// The common case (a session seen in the last few seconds, claims refreshed recently) resolves no scoped
/// service: building <see cref="AccountSessions"/> and Identity's validator means building a
/// <see cref="SignInManager{TUser}"/>, a <see cref="UserManager{TUser}"/> and a database context, which
/// took about a tenth of a signed-in request's CPU time (docs/benchmarks.md).
/// </summary>
public static class CheckSessionOnRequest
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (!AccountSessions.IsKnownCurrent(services.GetRequiredService<IMemoryCache>(), context.Principal)
            && !await services.GetRequiredService<AccountSessions>().IsCurrentAsync(context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        if (StampCheckDue(context, services))
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
    }

    /// <summary>The same test Identity's validator makes first (a cookie issued longer ago than the interval, or with no issue time).</summary>
    private static bool StampCheckDue(CookieValidatePrincipalContext context, IServiceProvider services)
    {
        var interval = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        return context.Properties.IssuedUtc is not { } issued || now - issued > interval;
    }
}
