namespace Microsolidarity.Grouping;

/// <summary>A proposed crew: its members, the weekly hours all of them are free, and what they have in common.</summary>
public sealed record FormedCrew(IReadOnlyList<string> Members, IReadOnlyList<int> SharedSlots, IReadOnlyList<string> CommonInterests, int MutualWants);

public sealed record UnplacedParticipant(string Id, string Reason);

public sealed record CrewFormationResult(IReadOnlyList<FormedCrew> Crews, IReadOnlyList<UnplacedParticipant> Unplaced);
