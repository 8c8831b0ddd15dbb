namespace Microsolidarity.Hub.Data.Congregations;

/// <summary>
/// One thing a host did in a congregation (a level removed or moved, someone's hosting or network membership ended,
/// a host stepping down), kept so the other hosts can see it: hosts, not bosses, answer to each other.
/// </summary>
public class CongregationHostAction
{
    public Guid Id { get; set; }
    public Guid CongregationId { get; set; }

    /// <summary>Who did it; empty once their account is gone.</summary>
    public string ByUserId { get; set; } = "";

    /// <summary>What was done, in a short sentence without the actor's name ("removed the level Friend").</summary>
    public string What { get; set; } = "";

    /// <summary>Why, in the actor's words, when they gave a reason; empty otherwise.</summary>
    public string Reason { get; set; } = "";
    public DateTime At { get; set; }
}
