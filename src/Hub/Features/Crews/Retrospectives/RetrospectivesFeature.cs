namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>
/// Retrospectives that teach: reflections a member chooses to share with the crew, the changes it carries forward,
/// lessons offered to the congregation, halfway look backs in long terms, and a reminder to crews that run on.
/// The private continue, pause or leave stays in <see cref="AnswerRetrospective"/>.
/// </summary>
public static class RetrospectivesFeature
{
    public static WebApplicationBuilder AddRetrospectives(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ShareReflection>();
        builder.Services.AddScoped<UnshareReflection>();
        builder.Services.AddScoped<CarryChange>();
        builder.Services.AddScoped<DropChange>();
        builder.Services.AddScoped<ShareLesson>();
        builder.Services.AddScoped<WithdrawLesson>();
        builder.Services.AddScoped<AnswerLesson>();
        builder.Services.AddScoped<SendLookBackReminders>();
        builder.Services.AddOptions<RetrospectiveOptions>()
            .Bind(builder.Configuration.GetSection(RetrospectiveOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<LookBackReminderJob>();
        builder.Services.AddScoped<Platform.Contracts.IPersonalData, RetrospectivePersonalData>();
        return builder;
    }
}
