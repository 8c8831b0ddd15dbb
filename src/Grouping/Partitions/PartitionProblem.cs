namespace Microsolidarity.Grouping;

/// <summary>
/// The maximally diverse grouping problem: put people 0..n-1 into groups g = 0..m-1 of between Lower[g] and
/// Upper[g] people, maximising the sum of Weight(i, j) over pairs in the same group. Read the weight as
/// compatibility (crews) or as difference (mixed gathering crews): the search is the same.
/// </summary>
public sealed class PartitionProblem
{
    private readonly double[] weights;

    public PartitionProblem(int people, double[] weights, int[] lower, int[] upper)
    {
        if (weights.Length != people * people)
        {
            throw new ArgumentException("Weights must be a full people x people table.", nameof(weights));
        }
        if (lower.Length != upper.Length || lower.Length == 0)
        {
            throw new ArgumentException("Every group needs a lower and an upper size.");
        }
        if (lower.Sum() > people || upper.Sum() < people || lower.Zip(upper).Any(b => b.First > b.Second || b.First < 0))
        {
            throw new ArgumentException($"{people} people cannot fill groups of these sizes ({string.Join(", ", lower.Zip(upper, (a, b) => $"{a}-{b}"))}).");
        }
        (People, this.weights, Lower, Upper) = (people, weights, lower, upper);
    }

    public int People { get; }
    public int Groups => Lower.Length;
    public int[] Lower { get; }
    public int[] Upper { get; }

    public double Weight(int a, int b) => weights[a * People + b];

    internal double[] WeightTable => weights;

    public double Objective(int[] groupOf)
    {
        var total = 0.0;
        for (var a = 0; a < People; a++)
        {
            for (var b = a + 1; b < People; b++)
            {
                if (groupOf[a] == groupOf[b])
                {
                    total += weights[a * People + b];
                }
            }
        }
        return total;
    }
}
