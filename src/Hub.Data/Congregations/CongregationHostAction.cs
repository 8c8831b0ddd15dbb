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

    /// <summary>
    /// What was done, in a short sentence without the actor's name ("removed the level Friend"). When it was done to a
    /// person, the sentence holds "{about}" where their name goes ("stopped {about} hosting"), and the name is read
    /// from <see cref="AboutUserId"/> when the list is shown, so it follows their name and leaves with their account.
    /// </summary>
    public string What { get; set; } = "";

    /// <summary>Whom it was done to, when it was done to a person; empty otherwise, and once their account is gone.</summary>
    public string AboutUserId { get; set; } = "";

    /// <summary>Why, in the actor's words, when they gave a reason; empty otherwise.</summary>
    public string Reason { get; set; } = "";
    public DateTime At { get; set; }
}
