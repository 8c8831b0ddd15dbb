namespace Microsolidarity.Grouping;

/// <summary>Picks a construction for equal groups of everyone: exact and instant where a design is known.</summary>
public static class ScheduleConstructions
{
    public static (int[][][] Rounds, string Method)? Find(int people, int size, int rounds, CancellationToken cancellation = default)
    {
        if (size < 2 || people % size != 0 || rounds > Bound(people, size))
        {
            return null;
        }
        if (size == people)
        {
            // The full circle (a practice program's last call): one group, which the designs below do not expect.
            return ([[Enumerable.Range(0, people).ToArray()]], "full circle");
        }
        if (size == 2 && CircleMethod.Rounds(people) is { } circle)
        {
            return (circle[..rounds], "circle method");
        }
        if (rounds <= size + 1 && AffinePlane.Rounds(people, size) is { } plane)
        {
            return (plane[..rounds], "affine plane");
        }
        if (KnownCyclicBases.Rounds(people, size) is { } known && known.Length >= rounds)
        {
            return (known[..rounds], "stored cyclic resolvable design");
        }
        if (TwoWayCyclicDesign.Rounds(people, size) is { } twoWay && twoWay.Length >= rounds)
        {
            return (twoWay[..rounds], "stored two-way cyclic resolvable design");
        }
        if (TranslationInvariantDesign.Rounds(people, size) is { } invariant && invariant.Length >= rounds)
        {
            return (invariant[..rounds], "stored Z2^3-invariant resolvable group divisible design");
        }
        if (OneRotationalDesign.Rounds(people, size, Bound(people, size)) is { } design && design.Length >= rounds)
        {
            return (design[..rounds], "1-rotational resolvable design");
        }
        if (CyclicDesign.Rounds(people, size, rounds, cancellation: cancellation) is { } cyclic)
        {
            return (cyclic[..rounds], "cyclic resolvable design");
        }
        return null;
    }

    /// <summary>floor((n-1)/(k-1)): each round uses k-1 of a person's n-1 possible partners.</summary>
    public static int Bound(int people, int size) => (people - 1) / (size - 1);
}
