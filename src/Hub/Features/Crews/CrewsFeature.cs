using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Crews;

public static class CrewsFeature
{
    /// <summary>Small enough for one conversation around a dinner table.</summary>
    public const int MaxSize = 6;
    public const int MinSize = 3;

    public static WebApplicationBuilder AddCrews(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CrewAccess>();
        builder.Services.AddScoped<CallCrew>();
        builder.Services.AddScoped<RespondToCrewInvitation>();
        builder.Services.AddScoped<StartExperiment>();
        builder.Services.AddScoped<SwapHosts>();
        builder.Services.AddScoped<SaveMeetingNotes>();
        builder.Services.AddScoped<AnswerRetrospective>();
        builder.Services.AddScoped<CloseTerm>();
        builder.Services.AddScoped<InviteToCrew>();
        builder.Services.AddScoped<ChooseSlot>();
        builder.Services.AddScoped<ReturnFromPause>();
        builder.Services.AddScoped<SendCrewReminders>();
        builder.Services.AddOptions<CrewOptions>()
            .ReadInterval(builder.Configuration, "Crews:ReminderCheckInterval", "Crews:ReminderCheckMinutes", TimeSpan.FromMinutes(1), (o, interval) => o.ReminderCheckInterval = interval)
            .Bind(builder.Configuration.GetSection(CrewOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<CrewReminderJob>();
        builder.Services.AddScoped<IPersonalData, CrewPersonalData>();
        return builder;
    }
}
