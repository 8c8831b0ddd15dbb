namespace Microsolidarity.Grouping;

/// <summary>
/// A breakout schedule to make: people 0..People-1, one wished group size per round (a practice program
/// climbs 2, 2, 3, 3, 5), who is away when, who must be kept apart, and who has met before.
/// </summary>
public sealed record ScheduleRequest
{
    public ScheduleRequest(int people, IReadOnlyList<int> groupSizes)
    {
        if (people < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(people), "A schedule needs at least two people.");
        }
        if (groupSizes.Count == 0 || groupSizes.Any(s => s < 2))
        {
            throw new ArgumentOutOfRangeException(nameof(groupSizes), "Every round needs a group size of at least 2.");
        }
        People = people;
        GroupSizes = groupSizes;
    }

    public int People { get; }
    public IReadOnlyList<int> GroupSizes { get; }
    public int Rounds => GroupSizes.Count;

    /// <summary>(round, person): this person misses this round.</summary>
    public IReadOnlyCollection<(int Round, int Person)> Absences { get; init; } = [];

    /// <summary>Never in the same group (a conflict, a request for space).</summary>
    public IReadOnlyCollection<Pair> KeepApart { get; init; } = [];

    /// <summary>Earlier meetings, one entry per meeting: meeting again counts as a repeat.</summary>
    public IReadOnlyCollection<Pair> History { get; init; } = [];

    public static ScheduleRequest Uniform(int people, int size, int rounds) =>
        new(people, Enumerable.Repeat(size, rounds).ToArray());

    /// <summary>
    /// The group sizes of a round: as <see cref="Grouping.GroupSizes.Split"/>, except that a round that would be
    /// one group is split in two when two people who must be kept apart are both there.
    /// </summary>
    public int[] SizesOfRound(int round, bool[,] absent)
    {
        var present = Enumerable.Range(0, People).Count(p => !absent[round, p]);
        var sizes = Grouping.GroupSizes.Split(present, GroupSizes[round]);
        if (sizes.Length == 1 && present >= 4 && KeepApart.Any(p => p.B < People && !absent[round, p.A] && !absent[round, p.B]))
        {
            return [present - present / 2, present / 2];
        }
        return sizes;
    }

    public bool[,] AbsenceTable()
    {
        var absent = new bool[Rounds, People];
        foreach (var (round, person) in Absences)
        {
            if (round >= 0 && round < Rounds && person >= 0 && person < People)
            {
                absent[round, person] = true;
            }
        }
        return absent;
    }
}
