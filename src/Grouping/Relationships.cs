namespace Microsolidarity.Grouping;

/// <summary>
/// Why groups stay small: the number of one-to-one relationships grows with the square of the size.
/// Used for the size guidance of crews (3 to 6) and congregations (up to Dunbar's 150).
/// </summary>
public static class Relationships
{
    /// <summary>n(n-1)/2: 5 people have 10 relationships, 50 have 1,225.</summary>
    public static long Among(int people) => people < 2 ? 0 : (long)people * (people - 1) / 2;
}
