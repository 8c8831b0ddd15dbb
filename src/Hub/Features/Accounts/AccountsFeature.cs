using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>Settings under <c>Accounts:</c>.</summary>
public sealed class AccountsOptions
{
    /// <summary>How long links in confirmation and password-reset emails work.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);
}

public static class AccountsFeature
{
    public const string AdminRole = "Admin";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountsOptions>().Bind(builder.Configuration.GetSection("Accounts"));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<AccountsOptions>>().Value);

        builder.Services.AddDataProtection()
            .SetApplicationName("microsolidarity-hub")
            .PersistKeysToDbContext<HubDbContext>();

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
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<HubDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<HubIdentityErrors>()
            .AddPasswordValidator<HubPasswordValidator>();
        builder.Services.AddOptions<DataProtectionTokenProviderOptions>()
            .Configure<AccountsOptions>((tokens, accounts) => tokens.TokenLifespan = accounts.LinkLifetime);

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
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
        });

        builder.Services.AddScoped<AccountLinks>();
        builder.Services.AddScoped<AccountEmails>();
        builder.Services.AddScoped<LinkTokens>();
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
