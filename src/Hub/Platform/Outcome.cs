namespace Microsolidarity.Hub.Platform;

/// <summary>An expected result of an operation: done, or refused with a message for a field ("" for the form).</summary>
public sealed record Outcome(bool Succeeded, string Field = "", string Message = "")
{
    public static readonly Outcome Done = new(true);
    public static Outcome Refused(string message, string field = "") => new(false, field, message);
}
