using Microsolidarity.Hub.Data.Decisions;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>The words for a decision's answers and outcomes, in one place for pages, notices and exports.</summary>
public static class DecisionText
{
    public static readonly DecisionResponse[] Responses = [DecisionResponse.Agree, DecisionResponse.Abstain, DecisionResponse.Disagree, DecisionResponse.Block];

    public static string Response(DecisionResponse response) => response switch
    {
        DecisionResponse.Agree => "Agree",
        DecisionResponse.Abstain => "Abstain",
        DecisionResponse.Disagree => "Disagree",
        _ => "Block",
    };

    /// <summary>What each answer means, shown beside it in the form.</summary>
    public static string Meaning(DecisionResponse response) => response switch
    {
        DecisionResponse.Agree => "I support this, or it is good enough for now and safe enough to try.",
        DecisionResponse.Abstain => "I stand aside: go ahead without me.",
        DecisionResponse.Disagree => "I would do it differently, but I will not stand in the way.",
        _ => "I cannot live with this: it would harm us or what we are here for. Say why, so we can find a way.",
    };

    public static string Result(DecisionResult result) => result switch
    {
        DecisionResult.Adopted => "Adopted",
        DecisionResult.AdoptedWithChanges => "Adopted with changes",
        DecisionResult.NotAdopted => "Not adopted",
        _ => "Withdrawn",
    };

    public static string State(Decision decision, DateTime now) => decision.Result is { } result ? Result(result)
        : decision.ClosesAt > now ? "Open for answers" : "Answers closed; the outcome is being written";
}
