using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Microsolidarity.Hub.Platform;

/// <summary>
/// An expected result of an operation: done, or refused with a message for a field ("" for the form).
/// An operation that checks several fields reports every problem at once (<see cref="Problems"/>), so
/// nobody fixes one field only to be told about the next.
/// </summary>
public sealed record Outcome(bool Succeeded, string Field = "", string Message = "")
{
    public static readonly Outcome Done = new(true);
    public static Outcome Refused(string message, string field = "") => new(false, field, message);

    /// <summary>Every problem, the first included; one entry for a simple refusal.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems { get; private init; } = [];

    /// <summary>Refused with all of <paramref name="problems"/>; null when there are none, so checks can continue.</summary>
    public static Outcome? RefusedAll(IReadOnlyList<(string Field, string Message)> problems) =>
        problems.Count == 0 ? null : new(false, problems[0].Field, problems[0].Message) { Problems = problems };

    public IEnumerable<(string Field, string Message)> All => Problems.Count > 0 ? Problems : Succeeded ? [] : [(Field, Message)];
}

public static class OutcomeModelState
{
    /// <summary>Puts each of the outcome's problems beside its field; <paramref name="prefix"/> is the form's model name ("Input").</summary>
    public static void AddOutcome(this ModelStateDictionary modelState, Outcome outcome, string prefix = "")
    {
        foreach (var (field, message) in outcome.All)
        {
            modelState.AddModelError(field == "" || prefix == "" ? field : $"{prefix}.{field}", message);
        }
    }
}
