namespace Microsolidarity.Hub.Data.Practices;

/// <summary>
/// A card a crew or a congregation wrote for its own deck (one of the two ids is set), drawn beside the
/// hub's deck on that group's pages. <see cref="Kind"/> is the deck's kind in lower case (starter,
/// mission, activity). The author's name goes with their account; the card stays with the group.
/// </summary>
public sealed class OwnCard
{
    public Guid Id { get; set; }
    public Guid? CrewId { get; set; }
    public Guid? CongregationId { get; set; }
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";
    public string? AuthorUserId { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Where the card stands in the group's deck, first at 0; cards of the same position keep the order they were written in.</summary>
    public int Position { get; set; }

    /// <summary>When the card's words or kind last changed, if they did.</summary>
    public DateTime? EditedAt { get; set; }
}
