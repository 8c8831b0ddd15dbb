using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// The words for a decision's answers and outcomes, in one place: the overloads that take a localizer speak the
/// reader's language (pages); the others stay English, for the exports, whose columns tools read.
/// </summary>
public static class DecisionText
{
    public static string Response(IStringLocalizer<Strings> strings, DecisionResponse response) => strings[$"Decisions.Response.{response}"].Value;

    /// <summary>The answer as a count's label: "3 agree", "2 advice only".</summary>
    public static string CountLabel(IStringLocalizer<Strings> strings, DecisionResponse response) => strings[$"Decisions.CountLabel.{response}"].Value;

    public static string Availability(IStringLocalizer<Strings> strings, PollAvailability availability) => strings[$"Decisions.Availability.{availability}"].Value;

    public static string Kind(IStringLocalizer<Strings> strings, DecisionKind kind) => strings[$"Decisions.Kind.{kind}"].Value;

    public static string KindMeaning(IStringLocalizer<Strings> strings, DecisionKind kind) => strings[$"Decisions.KindMeaning.{kind}"].Value;

    public static string Meaning(IStringLocalizer<Strings> strings, DecisionResponse response) => strings[$"Decisions.Meaning.{response}"].Value;

    public static string Result(IStringLocalizer<Strings> strings, DecisionResult result, DecisionKind kind) => strings[$"Decisions.Result.{ResultKey(result, kind)}"].Value;

    public static string Result(IStringLocalizer<Strings> strings, DecisionResult result) => strings[$"Decisions.Result.{result}"].Value;

    public static string State(IStringLocalizer<Strings> strings, Decision decision, DateTime now) => decision.Result is { } result ? Result(strings, result, decision.Kind)
        : strings[decision.ClosesAt > now ? decision.Kind == DecisionKind.Advice ? "Decisions.State.HearingAdvice" : "Decisions.State.Open"
        : decision.Kind == DecisionKind.Advice ? "Decisions.State.AdviceClosed"
        : decision.Kind == DecisionKind.TimePoll ? "Decisions.State.PollClosed" : "Decisions.State.Closed"].Value;

    public static readonly DecisionResponse[] Responses = [DecisionResponse.Agree, DecisionResponse.Abstain, DecisionResponse.Disagree, DecisionResponse.Block];

    /// <summary>What an adviser may add to their advice.</summary>
    public static readonly DecisionResponse[] Stances = [DecisionResponse.Support, DecisionResponse.Concerns, DecisionResponse.Advice];

    public static readonly PollAvailability[] Availabilities = [PollAvailability.Yes, PollAvailability.IfNeedBe, PollAvailability.No];

    public static string Response(DecisionResponse response) => response switch
    {
        DecisionResponse.Agree => "Agree",
        DecisionResponse.Abstain => "Abstain",
        DecisionResponse.Disagree => "Disagree",
        DecisionResponse.Block => "Block",
        DecisionResponse.Support => "I support it",
        DecisionResponse.Concerns => "I have concerns",
        _ => "Advice",
    };

    public static string Availability(PollAvailability availability) => availability switch
    {
        PollAvailability.Yes => "Yes",
        PollAvailability.IfNeedBe => "If need be",
        _ => "No",
    };

    public static string Kind(DecisionKind kind) => kind switch
    {
        DecisionKind.Advice => "Advice process",
        DecisionKind.TimePoll => "Time poll",
        _ => "Consent",
    };

    /// <summary>What each kind is, in the proposal form.</summary>
    public static string KindMeaning(DecisionKind kind) => kind switch
    {
        DecisionKind.Advice => "you ask named people for advice (anyone else may add theirs), then you decide and say what and why.",
        DecisionKind.TimePoll => "you offer two to ten times; everyone says yes, if need be, or no to each, and you choose one.",
        _ => "everyone answers agree, abstain, disagree or block; it goes ahead when nobody blocks.",
    };

    /// <summary>What each answer means, shown beside it in the form.</summary>
    public static string Meaning(DecisionResponse response) => response switch
    {
        DecisionResponse.Agree => "I support this, or it is good enough for now and safe enough to try.",
        DecisionResponse.Abstain => "I stand aside: go ahead without me.",
        DecisionResponse.Disagree => "I would do it differently, but I will not stand in the way.",
        DecisionResponse.Support => "my advice comes with my support.",
        DecisionResponse.Concerns => "I have concerns; my advice says what they are.",
        DecisionResponse.Advice => "here is my advice, without taking a side.",
        _ => "I cannot live with this: it would harm us or what we are here for. Say why, so we can find a way.",
    };

    /// <summary>The outcome in the words of the decision's kind: an advice process is "decided", a poll's time "chosen".</summary>
    public static string Result(DecisionResult result, DecisionKind kind) => (result, kind) switch
    {
        (DecisionResult.Adopted or DecisionResult.AdoptedWithChanges, DecisionKind.Advice) => "Decided",
        (DecisionResult.Adopted or DecisionResult.AdoptedWithChanges, DecisionKind.TimePoll) => "Time chosen",
        _ => Result(result),
    };

    /// <summary>The suffix of the outcome's resource key ("Email.Decision.Result.Decided"), as <see cref="Result(DecisionResult, DecisionKind)"/> words it.</summary>
    public static string ResultKey(DecisionResult result, DecisionKind kind) => (result, kind) switch
    {
        (DecisionResult.Adopted or DecisionResult.AdoptedWithChanges, DecisionKind.Advice) => "Decided",
        (DecisionResult.Adopted or DecisionResult.AdoptedWithChanges, DecisionKind.TimePoll) => "TimeChosen",
        _ => result.ToString(),
    };

    public static string Result(DecisionResult result) => result switch
    {
        DecisionResult.Adopted => "Adopted",
        DecisionResult.AdoptedWithChanges => "Adopted with changes",
        DecisionResult.NotAdopted => "Not adopted",
        _ => "Withdrawn",
    };

    public static string State(Decision decision, DateTime now) => decision.Result is { } result ? Result(result, decision.Kind)
        : decision.ClosesAt > now ? decision.Kind == DecisionKind.Advice ? "Hearing advice" : "Open for answers"
        : decision.Kind == DecisionKind.Advice ? "Advice closed; the decision is being written"
        : decision.Kind == DecisionKind.TimePoll ? "Answers closed; a time is being chosen" : "Answers closed; the outcome is being written";
}
