namespace Microsolidarity.Grouping;

/// <summary>Two people, unordered: (3, 1) and (1, 3) are the same pair.</summary>
public readonly record struct Pair
{
    public int A { get; }
    public int B { get; }

    public Pair(int a, int b)
    {
        if (a == b)
        {
            throw new ArgumentException($"A pair needs two different people, got {a} twice.");
        }
        (A, B) = a < b ? (a, b) : (b, a);
    }
}
