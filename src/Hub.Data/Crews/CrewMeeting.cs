namespace Microsolidarity.Hub.Data.Crews;

/// <summary>
/// One meeting of a term: who hosts, whose case is in focus, and notes only the crew reads. The term's
/// meetings are the crew's calendar: the crew page, every member's calendar feed and the reminders all
/// read these rows, and confirming a new slot moves the ones not yet held.
/// </summary>
public class CrewMeeting
{
    public Guid Id { get; set; }
    public Guid CrewId { get; set; }
    public int Term { get; set; }
    public int Number { get; set; }
    public DateTime StartsAt { get; set; }

    /// <summary>How often the meeting was moved: iCalendar's SEQUENCE, so calendar programs take the new time over the old.</summary>
    public int Sequence { get; set; }
    public string HostUserId { get; set; } = "";
    public string FocusUserId { get; set; } = "";
    public string Notes { get; set; } = "";

    /// <summary>Set when the day-before reminder went out, by the run that claimed it: never twice for one time (a move clears it).</summary>
    public DateTime? ReminderSentAt { get; set; }
}
