namespace Microsolidarity.Grouping;

/// <summary>Rooms per round: Rounds[r][g] lists the people (ascending) in group g of round r.</summary>
public sealed record Schedule(int People, int[][][] Rounds)
{
    /// <summary>How the schedule was made, for reports: a construction's name or "search".</summary>
    public string Method { get; init; } = "search";
}
