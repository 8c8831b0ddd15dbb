namespace Microsolidarity.Hub.Platform.People;

/// <summary>
/// What Platform/Web/Shared/_PersonField.cshtml needs to draw one "choose a person" field: the people the
/// viewer shares a congregation with, searchable by name, and room to type an email address instead.
/// </summary>
public sealed record PersonField(string Name, string? Value, string? Error, string Label, string Hint,
    IReadOnlyList<PeopleToPick.Person> People, string Id = "person")
{
    /// <summary>The id of a textarea that collects several people: with the script, each pick is added to it as a line.</summary>
    public string? AppendTo { get; init; }
}
