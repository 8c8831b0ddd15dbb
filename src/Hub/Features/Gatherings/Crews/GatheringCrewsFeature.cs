using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Gatherings.Crews;

/// <summary>Temporary crews at a gathering's date (/gatherings/{id}/crews): formed by its hosts, continued by consent.</summary>
public static class GatheringCrewsFeature
{
    public static WebApplicationBuilder AddGatheringCrews(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CrewDateAccess>();
        builder.Services.AddScoped<CrewTables>();
        builder.Services.AddScoped<CrewDateNotices>();
        builder.Services.AddScoped<SayRatherNot>();
        builder.Services.AddScoped<FormTemporaryCrews>();
        builder.Services.AddScoped<MoveToTemporaryCrew>();
        builder.Services.AddScoped<PublishTemporaryCrews>();
        builder.Services.AddScoped<AnswerContinue>();
        builder.Services.AddScoped<IPersonalData, GatheringCrewsPersonalData>();
        return builder;
    }
}
