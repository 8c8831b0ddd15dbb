using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>Decisions in congregations, working groups and crews (consent, advice process, time poll): propose, answer, amend, write the outcome; the decision log.</summary>
public static class DecisionsFeature
{
    public static WebApplicationBuilder AddDecisions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DecisionOptions>()
            .ReadInterval(builder.Configuration, "Decisions:ClosingCheckInterval")
            .Bind(builder.Configuration.GetSection(DecisionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<DecisionAccess>();
        builder.Services.AddScoped<DecisionNotices>();
        builder.Services.AddScoped<DecisionExport>();
        builder.Services.AddScoped<ProposeDecision>();
        builder.Services.AddScoped<AnswerDecision>();
        builder.Services.AddScoped<AmendDecision>();
        builder.Services.AddScoped<AnswerPoll>();
        builder.Services.AddScoped<RecordOutcome>();
        builder.Services.AddScoped<AskForOutcomes>();
        builder.Services.AddScoped<IPersonalData, DecisionPersonalData>();
        builder.Services.AddScoped<ISiteSearchSource, DecisionSearchSource>();
        builder.Services.AddHostedService<DecisionClosingJob>();
        // Every page has a second address under a crew: the same page, the route says whose decisions they are.
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Features/Decisions/Index", "crews/{id:guid}/decisions");
            o.Conventions.AddPageRoute("/Features/Decisions/New", "crews/{id:guid}/decisions/new");
            o.Conventions.AddPageRoute("/Features/Decisions/Show", "crews/{id:guid}/decisions/{decision:guid}");
            o.Conventions.AddPageRoute("/Features/Decisions/Export", "crews/{id:guid}/decisions.{format:regex(^(csv|json)$)}");
            const string group = "congregations/{slug}/working-groups/{group:guid}/decisions";
            o.Conventions.AddPageRoute("/Features/Decisions/Index", group);
            o.Conventions.AddPageRoute("/Features/Decisions/New", group + "/new");
            o.Conventions.AddPageRoute("/Features/Decisions/Show", group + "/{decision:guid}");
            o.Conventions.AddPageRoute("/Features/Decisions/Export", group + ".{format:regex(^(csv|json)$)}");
        });
        return builder;
    }
}
