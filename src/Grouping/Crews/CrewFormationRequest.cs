namespace Microsolidarity.Grouping;

/// <summary>What a member privately says about another: never shown to the other person.</summary>
public enum Preference { Want, Open, RatherNot }

/// <summary>
/// Someone taking part in a formation round. Slots are the hours of the week they are free, in UTC, numbered
/// 0..167 from Monday 00:00 (see <see cref="WeeklySlots"/>; the caller converts from each member's own time zone).
/// </summary>
public sealed record Participant(string Id, IReadOnlySet<string> Interests, IReadOnlySet<int> Slots);

public sealed record PreferenceStatement(string From, string About, Preference Preference);

/// <summary>A crew formation round: sizes 3 to 6 by default, aiming at 4 or 5.</summary>
public sealed record CrewFormationRequest(IReadOnlyList<Participant> Participants, IReadOnlyCollection<PreferenceStatement> Preferences)
{
    public int MinSize { get; init; } = 3;
    public int MaxSize { get; init; } = 6;

    /// <summary>The size the number of crews is chosen for: n/5 crews, so most crews have 4 or 5.</summary>
    public int AimSize { get; init; } = 5;
}
