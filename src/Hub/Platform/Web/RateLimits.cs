using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>Settings under <c>RateLimits:</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-in, sign-up and password-reset submissions allowed per client address per minute.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int AccountFormsPerMinute { get; set; } = 10;

    /// <summary>
    /// The window those submissions are counted over: a minute, as the name above says. Tests of the limit
    /// lengthen it, so that a slow machine cannot let the window run out between two of their requests.
    /// </summary>
    public TimeSpan AccountFormsWindow { get; set; } = TimeSpan.FromMinutes(1);
}

public static class RateLimits
{
    /// <summary>The policy on forms an attacker would hammer: sign-in, sign-up, password reset.</summary>
    public const string AccountForms = "account-forms";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .ReadInterval(builder.Configuration, "RateLimits:AccountFormsWindow")
            .Bind(builder.Configuration.GetSection("RateLimits"))
            .ValidateDataAnnotations()
            .Validate(o => o.AccountFormsWindow > TimeSpan.Zero, "RateLimits:AccountFormsWindow must be longer than zero, written hh:mm:ss (00:01:00 is a minute).")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(AccountForms, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        ClientKey(context.Connection.RemoteIpAddress),
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = Settings(context).AccountFormsPerMinute,
                            Window = Settings(context).AccountFormsWindow,
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("read"));
        });
        return builder;
    }

    private static RateLimitOptions Settings(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    /// <summary>
    /// The client the limits count: the connection's address as resolved by the forwarded-headers step
    /// (so a configured proxy's X-Forwarded-For, never a client's own). One IPv6 household or server gets a
    /// whole /64 to choose addresses from, so IPv6 clients count by their /64.
    /// </summary>
    public static string ClientKey(System.Net.IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new System.Net.IPAddress(bytes)}/64";
    }
}
