using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>
/// Crew formation rounds in a congregation: members give private preferences, interests and hours; a host runs
/// the search (<see cref="RunRound"/>, its budget <see cref="Platform.Configuration.FormationOptions"/>), adjusts
/// and publishes the proposal; each proposed crew forms when all its members consent.
/// </summary>
public static class RoundsFeature
{
    public static WebApplicationBuilder AddRounds(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RoundAccess>();
        builder.Services.AddScoped<RoundNotices>();
        builder.Services.AddScoped<OpenRound>();
        builder.Services.AddScoped<GivePreferences>();
        builder.Services.AddScoped<RunRound>();
        builder.Services.AddScoped<AdjustProposal>();
        builder.Services.AddScoped<PublishRound>();
        builder.Services.AddScoped<AnswerProposal>();
        builder.Services.AddScoped<IPersonalData, RoundPersonalData>();
        return builder;
    }
}
