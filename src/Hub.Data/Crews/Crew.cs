namespace Microsolidarity.Hub.Data.Crews;

/// <summary>Monthly: the same weekday of each month, in the week of the month the term's first meeting fell in (the last one for a fifth).</summary>
public enum CrewCadence { Weekly = 0, Fortnightly = 1, Monthly = 2 }

public enum CrewStage
{
    /// <summary>The caller has invited people; meetings are not scheduled yet.</summary>
    Forming = 0,

    /// <summary>The experiment runs: a term of meetings with a rotating host.</summary>
    Meeting = 1,

    /// <summary>The term is over (or the caller closed it early); members answer privately.</summary>
    Retrospective = 2,

    /// <summary>Nobody chose to continue; the crew stays in its members' history.</summary>
    Disbanded = 3,
}

/// <summary>
/// A crew: 3 to 6 people who meet regularly for peer support, as a time-bounded experiment so that
/// anyone can leave at its end without losing face.
/// </summary>
public class Crew
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";

    /// <summary>The congregation it formed in, if any; a crew can also stand on its own.</summary>
    public Guid? CongregationId { get; set; }

    /// <summary>Whoever made the first invitation. Hosting rotates; calling does not make a boss.</summary>
    public string CallerUserId { get; set; } = "";

    public int MeetingsPerTerm { get; set; } = 6;
    public CrewCadence Cadence { get; set; }

    /// <summary>
    /// The crew's slot, the one record of when it meets: a weekday and a wall-clock time in <see cref="TimeZone"/>
    /// (an IANA name), every week or every two (<see cref="Cadence"/>). Set by the call, changed by confirming a
    /// time; the term's meetings are its dates.
    /// </summary>
    public DayOfWeek SlotDay { get; set; }
    public TimeOnly SlotTime { get; set; }
    public string TimeZone { get; set; } = "Etc/UTC";
    public int SlotMinutes { get; set; } = 60;

    public CrewStage Stage { get; set; }
    public int Term { get; set; } = 1;

    /// <summary>People who accepted, counted in the row itself so a conditional update can hold the size limit under concurrency.</summary>
    public int JoinedCount { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>What the crew learned at its last retrospective, in numbers only ("continues with four").</summary>
    public string LastOutcome { get; set; } = "";

    /// <summary>The last term whose members were told that its retrospective is open; claimed by a conditional update.</summary>
    public int RetrospectiveNoticeTerm { get; set; }

    /// <summary>When its members were last reminded, after three months without looking back, to hold a retrospective; claimed by a conditional update.</summary>
    public DateTime? LookBackReminderAt { get; set; }

    public List<CrewMember> Members { get; set; } = [];
    public List<CrewMeeting> Meetings { get; set; } = [];
}
