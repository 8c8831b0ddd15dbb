using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// Settings under <c>Accounts:</c>. Lifetimes are whole minutes or hours, never "hh:mm:ss": .NET reads
/// "24:00:00" as 24 days, which is how reset links once lived for 576 hours.
/// </summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>How long a password-reset link (and an unlock link) works, in minutes.</summary>
    [Range(1, 7 * 24 * 60, ErrorMessage = "Accounts:ResetLinkMinutes must be a whole number of minutes from 1 to 10080 (7 days); reset links should live an hour (60) or less.")]
    public int ResetLinkMinutes { get; set; } = 60;

    /// <summary>How long a link that confirms an email address works, in hours.</summary>
    [Range(1, 7 * 24, ErrorMessage = "Accounts:ConfirmationLinkHours must be a whole number of hours from 1 to 168 (7 days); the default is 24.")]
    public int ConfirmationLinkHours { get; set; } = 24;

    public TimeSpan ResetLinkLifetime => TimeSpan.FromMinutes(ResetLinkMinutes);
    public TimeSpan ConfirmationLinkLifetime => TimeSpan.FromHours(ConfirmationLinkHours);
}

public static class AccountsFeature
{
    public const string AdminRole = HubRoles.Admin;

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountsOptions>()
            .Bind(builder.Configuration.GetSection(AccountsOptions.Section))
            .ValidateDataAnnotations()
            .Validate<IConfiguration>((_, configuration) => configuration["Accounts:LinkLifetime"] is null,
                "Accounts:LinkLifetime is no longer read: its \"24:00:00\" form meant 24 days. Remove it and set " +
                "Accounts:ResetLinkMinutes (default 60) and Accounts:ConfirmationLinkHours (default 24) instead.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<AccountsOptions>>().Value);

        builder.Services.AddDataProtection()
            .SetApplicationName("microsolidarity-hub")
            .PersistKeysToDbContext<HubDbContext>();
        Platform.Web.KeptFormTokens.Register(builder.Services); // the anti-forgery cookie decrypted once a minute, not on every form

        builder.Services.AddIdentity<HubUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.SignIn.RequireConfirmedEmail = true;
                // Length over composition rules (NIST SP 800-63B); HubPasswordValidator refuses common ones.
                identity.Password.RequiredLength = 10;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 4;
                // Wrong passwords pause signing in per address and client (SignInAttempts), not per account:
                // Identity's lockout would let a stranger lock anyone out with five guesses.
                identity.Lockout.AllowedForNewUsers = false;
                identity.Tokens.EmailConfirmationTokenProvider = LinkTokens.ProviderName;
                identity.Tokens.PasswordResetTokenProvider = LinkTokens.ProviderName;
                identity.Tokens.ChangeEmailTokenProvider = LinkTokens.ProviderName;
            })
            .AddEntityFrameworkStores<HubDbContext>()
            .AddTokenProvider<LinkTokens>(LinkTokens.ProviderName)
            .AddErrorDescriber<HubIdentityErrors>()
            .AddPasswordValidator<HubPasswordValidator>();
        builder.Services.Configure<SecurityStampValidatorOptions>(stamp =>
        {
            // AccountSessions refuses a stale stamp on every request; Identity's validator, at its own
            // interval, only refreshes the cookie's claims (name, roles), and must keep the session's id.
            stamp.OnRefreshingPrincipal = refreshing =>
            {
                AccountSessions.CarryOver(refreshing.CurrentPrincipal, refreshing.NewPrincipal);
                return Task.CompletedTask;
            };
        });

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "hub.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/account/sign-in";
            cookie.LogoutPath = "/account/sign-out";
            // A signed-in person without the role gets a plain 403 (and the friendly error page), not a redirect.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            cookie.ExpireTimeSpan = AccountSessions.IdleLifetime;
            cookie.SlidingExpiration = true;
            // A cookie is good only while its session is: sign-out, "sign out everywhere" and a new
            // password or address end sessions on the server, so a copied cookie stops working too.
            cookie.Events.OnValidatePrincipal = CheckSessionOnRequest.ValidateAsync;
        });
        // After the cookie handler's own post-configuration, which makes the ticket format this wraps.
        builder.Services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, KeptCookieTickets.Wrap>();

        builder.Services.AddScoped<AccountLinks>();
        builder.Services.AddScoped<AccountEmails>();
        builder.Services.AddScoped<AccountSessions>();
        builder.Services.AddScoped<SignInAttempts>();
        builder.Services.AddScoped<SignInPerson>();
        builder.Services.AddScoped<UnlockSignIn>();
        builder.Services.AddScoped<SignUpPerson>();
        builder.Services.AddScoped<ConfirmEmail>();
        builder.Services.AddScoped<SendConfirmationLink>();
        builder.Services.AddScoped<SendPasswordReset>();
        builder.Services.AddScoped<ResetPassword>();
        builder.Services.AddScoped<RequestEmailChange>();
        builder.Services.AddScoped<ConfirmEmailChange>();
        builder.Services.AddScoped<ExportPersonalData>();
        builder.Services.AddScoped<DeleteAccount>();
        builder.Services.AddScoped<EnsureFirstAdmin>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IPersonalData, AccountPersonalData>();
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapGet("/account/download-data", DownloadPersonalData.HandleAsync).RequireAuthorization();
        return app;
    }
}
