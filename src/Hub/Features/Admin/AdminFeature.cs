namespace Microsolidarity.Hub.Features.Admin;

/// <summary>The administration area: one page that links every administrative page and shows each part's state.</summary>
public static class AdminFeature
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReadAdminOverview>();
        return builder;
    }
}
