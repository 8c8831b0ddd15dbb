namespace Microsolidarity.Grouping;

/// <summary>A proposed crew: its members, the weekly hours all of them are free, and what they have in common.</summary>
public sealed record FormedCrew(IReadOnlyList<string> Members, IReadOnlyList<int> SharedSlots, IReadOnlyList<string> CommonInterests, int MutualWants);

/// <summary>Why the search left someone out, for code to act on; <see cref="UnplacedParticipant.Reason"/> says it in words.</summary>
public enum UnplacedKind
{
    /// <summary>They gave no weekly hours.</summary>
    NoHours = 1,

    /// <summary>None of their hours has enough others free for the smallest crew.</summary>
    NoSharedHours = 2,

    /// <summary>Fewer people than the smallest crew could be placed at all.</summary>
    TooFewPeople = 3,

    /// <summary>The search found no proposed crew that could take them (never saying whose preferences).</summary>
    NoCrewCouldTakeThem = 4,
}

public sealed record UnplacedParticipant(string Id, UnplacedKind Kind, string Reason);

public sealed record CrewFormationResult(IReadOnlyList<FormedCrew> Crews, IReadOnlyList<UnplacedParticipant> Unplaced);
