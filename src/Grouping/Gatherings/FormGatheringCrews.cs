namespace Microsolidarity.Grouping;

/// <summary>Someone at a gathering: where they come from, and whether this is their first time.</summary>
public sealed record Attendee(string Id, string Congregation, bool Newcomer);

/// <summary>
/// Temporary crews at a gathering, mixed on purpose: the partition search with a distance as the weight, so
/// people from different congregations and newcomers with old hands end up together.
/// </summary>
public static class FormGatheringCrews
{
    public static IReadOnlyList<IReadOnlyList<string>> Run(IReadOnlyList<Attendee> attendees, int size = 5, SearchOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= new SearchOptions();
        var n = attendees.Count;
        if (n == 0)
        {
            return [];
        }
        var sizes = GroupSizes.Split(n, size);
        if (sizes.Length == 1)
        {
            return [attendees.Select(a => a.Id).ToArray()];
        }
        var weights = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                weights[a * n + b] = weights[b * n + a] = Distance(attendees[a], attendees[b]);
            }
        }
        var problem = new PartitionProblem(n, weights, Enumerable.Repeat(sizes.Min(), sizes.Length).ToArray(), Enumerable.Repeat(sizes.Max(), sizes.Length).ToArray());
        var partition = PartitionSearch.Run(problem, options with { StallIterations = Math.Min(options.StallIterations, PartitionSearch.DefaultStall(n)) }, cancellation: cancellation);
        return partition.Groups(sizes.Length).Select(g => (IReadOnlyList<string>)g.Select(p => attendees[p].Id).ToArray()).ToArray();
    }

    /// <summary>
    /// Meeting another congregation is the point of a gathering (2); a newcomer beside someone who knows the
    /// ropes helps both (1); two newcomers together gain the least.
    /// </summary>
    private static double Distance(Attendee a, Attendee b) =>
        (a.Congregation != b.Congregation ? 2 : 0) + (a.Newcomer != b.Newcomer ? 1 : 0) - (a.Newcomer && b.Newcomer ? 1 : 0);
}
