namespace Microsolidarity.Grouping;

/// <summary>
/// Pair rotations: with an odd number present one person rests (never the same one twice while others have
/// not rested), everyone else is paired, with no repeat for as long as the numbers allow. Asked for
/// (<see cref="PairRotationRequest.OddMakesTrio"/>), nobody rests: the schedule's sizes put three together.
/// </summary>
public static class RotatePairs
{
    public static PairRotation Run(PairRotationRequest request, SearchOptions? options = null, CancellationToken cancellation = default)
    {
        if (request.People < 2 || request.Rounds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "Pairs need at least two people and one round.");
        }
        var n = request.People;
        var clean = request.Absences.Count == 0 && request.OptedOut.Count == 0 && request.History.Count == 0;
        if (clean && n % 2 == 1 && request.Rounds <= n && !request.OddMakesTrio)
        {
            return WithGhost(n, request.Rounds);
        }
        var away = new HashSet<(int, int)>(request.Absences);
        var opted = request.OptedOut.ToHashSet();
        var rests = new int[n];
        var resting = new int[request.Rounds][];
        var absences = new List<(int, int)>();
        for (var r = 0; r < request.Rounds; r++)
        {
            var present = Enumerable.Range(0, n).Where(p => !opted.Contains(p) && !away.Contains((r, p))).ToList();
            absences.AddRange(Enumerable.Range(0, n).Where(p => !present.Contains(p)).Select(p => (r, p)));
            if (present.Count % 2 == 1 && !request.OddMakesTrio)
            {
                // The rest goes round: fewest rests first, then the next person after the last one who rested.
                var rester = present.OrderBy(p => rests[p]).ThenBy(p => (p - r + n * request.Rounds) % n).First();
                rests[rester]++;
                resting[r] = [rester];
                absences.Add((r, rester));
            }
            else
            {
                resting[r] = [];
            }
        }
        // Rounds with fewer than two people present have no pairs at all.
        var sizes = Enumerable.Repeat(2, request.Rounds).ToArray();
        var schedule = BuildSchedule.Run(new ScheduleRequest(n, sizes) { Absences = absences, History = request.History }, options, cancellation: cancellation);
        return new PairRotation(n, schedule.Rounds, resting, schedule.Method);
    }

    /// <summary>An odd group with an empty chair added: whoever the circle method seats with the chair rests.</summary>
    private static PairRotation WithGhost(int people, int rounds)
    {
        var circle = CircleMethod.Rounds(people + 1)!;
        var pairs = new int[rounds][][];
        var resting = new int[rounds][];
        for (var r = 0; r < rounds; r++)
        {
            pairs[r] = circle[r].Where(p => p[1] != people).ToArray();
            resting[r] = circle[r].Where(p => p[1] == people).Select(p => p[0]).ToArray();
        }
        return new PairRotation(people, pairs, resting, "circle method");
    }
}
