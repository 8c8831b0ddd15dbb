namespace Microsolidarity.Grouping;

/// <summary>Splits the people present into groups that differ in size by at most one.</summary>
public static class GroupSizes
{
    /// <summary>
    /// Picks the number of groups whose average is nearest the wished size, never leaving anyone alone:
    /// 7 people in pairs make 2, 2, 3 (nobody waits in a room by themselves), 7 in fives make 4 and 3.
    /// </summary>
    public static int[] Split(int people, int size)
    {
        if (people <= 0)
        {
            return [];
        }
        if (people <= size || people < 4)
        {
            return [people];
        }
        var fewer = Math.Max(1, people / size);
        var more = fewer + 1;
        var groups = Math.Abs((double)people / fewer - size) <= Math.Abs((double)people / more - size) ? fewer : more;
        groups = Math.Min(groups, people / 2);
        var sizes = new int[groups];
        for (var g = 0; g < groups; g++)
        {
            sizes[g] = people / groups + (g < people % groups ? 1 : 0);
        }
        return sizes;
    }
}
