
namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Numbers that help hosts keep a congregation at a human scale: members, the relationships
/// among them (n(n-1)/2), and warnings drawn from the practice.
/// </summary>
public sealed record SizeGuidance(int Members, int Hosts, long Relationships, IReadOnlyList<string> Warnings)
{
    /// <summary>Dunbar's number: about the most relationships one person can keep track of.</summary>
    public const int Dunbar = 150;

    public static SizeGuidance For(int members, int hosts)
    {
        var warnings = new List<string>();
        if (hosts == 1)
        {
            warnings.Add("One person hosts alone. Never host alone: invite a second host to share the work and the view.");
        }
        if (hosts == 0)
        {
            warnings.Add("Nobody hosts this congregation. A network administrator can name a host.");
        }
        if (members > Dunbar)
        {
            warnings.Add($"More than {Dunbar} members (Dunbar's number): people can no longer know each other. Consider starting a sibling congregation.");
        }
        else if (members > 100)
        {
            warnings.Add("Past 100 members a congregation gets hard to hold; think about where a sibling congregation could grow from.");
        }
        return new SizeGuidance(members, hosts, Microsolidarity.Grouping.Relationships.Among(members), warnings);
    }
}
