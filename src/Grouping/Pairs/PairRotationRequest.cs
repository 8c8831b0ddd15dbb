namespace Microsolidarity.Grouping;

/// <summary>
/// Dyads or one-to-one chats for a number of rounds: people 0..People-1, who is away when, who has opted out,
/// and who has been paired before.
/// </summary>
public sealed record PairRotationRequest(int People, int Rounds)
{
    public IReadOnlyCollection<(int Round, int Person)> Absences { get; init; } = [];
    public IReadOnlyCollection<int> OptedOut { get; init; } = [];
    public IReadOnlyCollection<Pair> History { get; init; } = [];

    /// <summary>With an odd number present, three people meet together instead of one resting (introductions).</summary>
    public bool OddMakesTrio { get; init; }
}

/// <summary>Pairs per round, and who rests in each round (when an odd number of people is there).</summary>
public sealed record PairRotation(int People, int[][][] Rounds, int[][] Resting, string Method)
{
    public Schedule AsSchedule() => new(People, Rounds) { Method = Method };
}
