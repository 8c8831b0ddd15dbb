using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>Settings under <c>RateLimits:</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-in, sign-up and password-reset submissions allowed per client address per minute.</summary>
    public int AccountFormsPerMinute { get; set; } = 10;
}

public static class RateLimits
{
    /// <summary>The policy on forms an attacker would hammer: sign-in, sign-up, password reset.</summary>
    public const string AccountForms = "account-forms";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection("RateLimits"));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(AccountForms, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.AccountFormsPerMinute,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("read"));
        });
        return builder;
    }
}
