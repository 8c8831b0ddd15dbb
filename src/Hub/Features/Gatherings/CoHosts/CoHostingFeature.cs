using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Gatherings.CoHosts;

/// <summary>Hosting an event together (/gatherings/{id}/hosts): co-hosts invited by its hosts, and what each host did.</summary>
public static class CoHostingFeature
{
    public static WebApplicationBuilder AddCoHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<InviteCoHost>();
        builder.Services.AddScoped<AnswerCoHostInvitation>();
        builder.Services.AddScoped<WithdrawCoHostInvitation>();
        builder.Services.AddScoped<RemoveCoHost>();
        builder.Services.AddScoped<DecideProposedEvent>();
        builder.Services.AddScoped<IPersonalData, CoHostingPersonalData>();
        return builder;
    }
}
