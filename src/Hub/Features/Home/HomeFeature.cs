using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Microsolidarity.Hub.Features.Home;

public static class HomeFeature
{
    public static WebApplicationBuilder AddHome(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PersonalHome>();
        // One page, two addresses: "/" is the newcomer's page for visitors and the person's own home once
        // signed in; "/me" is always the person's home (visitors are asked to sign in first).
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Features/Home/Index", "me"));
        return builder;
    }
}
