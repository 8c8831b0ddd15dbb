using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>Open crew calls: a member of a congregation calls a crew and others ask to join (the pods way of forming crews).</summary>
public static class CallsFeature
{
    public static WebApplicationBuilder AddCrewCalls(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CallAccess>();
        builder.Services.AddScoped<CallNotices>();
        builder.Services.AddScoped<PostCall>();
        builder.Services.AddScoped<AskToJoinCall>();
        builder.Services.AddScoped<AnswerJoinRequest>();
        builder.Services.AddScoped<WithdrawRequest>();
        builder.Services.AddScoped<CloseCall>();
        builder.Services.AddScoped<StartCrewFromCall>();
        builder.Services.AddScoped<IPersonalData, CallPersonalData>();
        builder.Services.AddScoped<ICrewPathSignal, CallsAnswered>();
        builder.Services.AddScoped<IMembershipEndedHandler, EndCallsOfFormerMember>();
        return builder;
    }
}
