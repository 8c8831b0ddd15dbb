namespace Microsolidarity.Hub.Data.Boards;

/// <summary>
/// The columns of a group's board. The mastery board: what someone noticed (Awareness), the small
/// experiment the group is trying (Test), what became habit (Mastery, the living agreements). The task
/// board beside it: tasks, who is around until the next meeting, to do, done, and the known void (work
/// nobody has room for this cycle, named openly rather than left to guilt).
/// </summary>
public enum BoardColumn
{
    Awareness = 0,
    Test = 1,
    Mastery = 2,
    Tasks = 10,
    Around = 11,
    ToDo = 12,
    Done = 13,
    KnownVoid = 14,
}

/// <summary>
/// One card on a group's board. A board belongs to exactly one of a crew, a working group or a
/// congregation (one of the three ids is set); the card goes when its group goes. The author's name goes
/// when their account does; the card stays with the group, as a meeting's notes do.
/// </summary>
public sealed class BoardCard
{
    public Guid Id { get; set; }
    public Guid? CrewId { get; set; }
    public Guid? WorkingGroupId { get; set; }
    public Guid? CongregationId { get; set; }
    public BoardColumn Column { get; set; }

    /// <summary>Order within its column: a card moved into a column goes to its end.</summary>
    public int Position { get; set; }
    public string Text { get; set; } = "";
    public string? AuthorUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime MovedAt { get; set; }
}
