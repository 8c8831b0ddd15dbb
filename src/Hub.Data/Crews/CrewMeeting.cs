namespace Microsolidarity.Hub.Data.Crews;

/// <summary>One meeting of a term: who hosts, whose case is in focus, and notes only the crew reads.</summary>
public class CrewMeeting
{
    public Guid Id { get; set; }
    public Guid CrewId { get; set; }
    public int Term { get; set; }
    public int Number { get; set; }
    public DateTime StartsAt { get; set; }
    public string HostUserId { get; set; } = "";
    public string FocusUserId { get; set; } = "";
    public string Notes { get; set; } = "";

    /// <summary>Set when the day-before reminder went out, by the run that claimed it: never twice.</summary>
    public DateTime? ReminderSentAt { get; set; }
}
