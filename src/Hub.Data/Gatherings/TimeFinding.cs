namespace Microsolidarity.Hub.Data.Gatherings;

/// <summary>The small groups that find a regular time together.</summary>
public enum TimeFindingGroup
{
    Crew = 0,
    WorkingGroup = 1,
}

/// <summary>
/// A member's free hours for one group: 168 characters ('1' free), Monday 00:00 first, as local
/// hours in <see cref="TimeZone"/>, the member's own zone. Without a row, the member's profile grid
/// stands in, so nobody has to tick the same hours twice.
/// </summary>
public class AvailabilityMark
{
    public Guid Id { get; set; }
    public TimeFindingGroup GroupKind { get; set; }
    public Guid GroupId { get; set; }
    public string UserId { get; set; } = "";
    public string Grid { get; set; } = new('0', 168);
    public string TimeZone { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// The slot a group confirmed and the recurring event it made. A later change of slot splits the
/// series ("this and the following") and points <see cref="EventId"/> at the new part.
/// </summary>
public class FoundTime
{
    public Guid Id { get; set; }
    public TimeFindingGroup GroupKind { get; set; }
    public Guid GroupId { get; set; }
    public Guid EventId { get; set; }

    /// <summary>The slot as local time in <see cref="TimeZone"/>, the group's zone.</summary>
    public DayOfWeek Day { get; set; }
    public int Hour { get; set; }
    public string TimeZone { get; set; } = "";
    public string ConfirmedByUserId { get; set; } = "";
    public DateTime ConfirmedAt { get; set; }
}
