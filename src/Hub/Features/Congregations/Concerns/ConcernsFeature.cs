using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>Raising a concern with a congregation's care contacts, and the congregation's agreements.</summary>
public static class ConcernsFeature
{
    public static WebApplicationBuilder AddConcerns(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConcernOptions>()
            .ReadInterval(builder.Configuration, "Concerns:ReminderCheckInterval")
            .Bind(builder.Configuration.GetSection(ConcernOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<ConcernNotices>();
        builder.Services.AddScoped<RaiseConcern>();
        builder.Services.AddScoped<AcknowledgeConcern>();
        builder.Services.AddScoped<RecordConcernStep>();
        builder.Services.AddScoped<CloseConcern>();
        builder.Services.AddScoped<RemindOfConcerns>();
        builder.Services.AddScoped<NameCareContacts>();
        builder.Services.AddScoped<PublishAgreements>();
        builder.Services.AddScoped<AcceptAgreements>();
        builder.Services.AddScoped<IPersonalData, ConcernPersonalData>();
        builder.Services.AddHostedService<ConcernReminderJob>();
        return builder;
    }
}
