using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>
/// Crew formation rounds in a congregation or for a program's cohort: members give private preferences, interests and hours; a host runs
/// the search (<see cref="RunRound"/>, its budget <see cref="Platform.Configuration.FormationOptions"/>), adjusts
/// and publishes the proposal; each proposed crew forms when all its members consent.
/// </summary>
public static class RoundsFeature
{
    /// <summary>A program's round ("form crews from this cohort") is the round page at the program's address.</summary>
    public const string ProgramRoundRoute = "/programs/{program:guid}/formation/{id:guid}";

    public static WebApplicationBuilder AddRounds(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Features/Rounds/Round", ProgramRoundRoute));
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
