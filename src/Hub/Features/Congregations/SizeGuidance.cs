
namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Numbers that help hosts keep a congregation at a human scale: members, the relationships
/// among them (n(n-1)/2), and warnings drawn from the practice. The warnings are keys of the hub's strings
/// (the guidance is cached for every reader, whatever their language); each may take <see cref="Dunbar"/> as its one argument.
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
            warnings.Add("Congregations.Size.HostsAlone");
        }
        if (hosts == 0)
        {
            warnings.Add("Congregations.Size.NoHost");
        }
        if (members > Dunbar)
        {
            warnings.Add("Congregations.Size.PastDunbar");
        }
        else if (members > 100)
        {
            warnings.Add("Congregations.Size.Past100");
        }
        return new SizeGuidance(members, hosts, Microsolidarity.Grouping.Relationships.Among(members), warnings);
    }
}
