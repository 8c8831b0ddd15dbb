using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>Introductions: members of a congregation who ask are introduced to one other member (or two) every two or four weeks.</summary>
public static class IntroductionsFeature
{
    public static WebApplicationBuilder AddIntroductions(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<JoinIntroductions>();
        builder.Services.AddScoped<PauseIntroductions>();
        builder.Services.AddScoped<LeaveIntroductions>();
        builder.Services.AddScoped<AnswerDidYouMeet>();
        builder.Services.AddScoped<MakeIntroductions>();
        builder.Services.AddScoped<AskDidYouMeet>();
        builder.Services.AddScoped<IntroductionLetters>();
        builder.Services.AddScoped<IntroductionNotices>();
        builder.Services.AddOptions<IntroductionOptions>()
            .ReadInterval(builder.Configuration, "Introductions:CheckInterval")
            .Bind(builder.Configuration.GetSection(IntroductionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<IntroductionJob>();
        builder.Services.AddScoped<IPersonalData, IntroductionsPersonalData>();
        builder.Services.AddScoped<ICrewPathSignal, OptedIntoIntroductions>();
        builder.Services.AddScoped<IMembershipEndedHandler, EndIntroductionsOfFormerMember>();
        return builder;
    }
}
