using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Crews;

/// <summary>What kind of crew a call is for, so people can tell at a glance whether it fits them.</summary>
public enum CrewCallKind
{
    /// <summary>Peer support: case clinics, troika consulting, listening to each other's challenges.</summary>
    PeerSupport = 0,

    /// <summary>Each person names commitments, the next meeting starts with how they went.</summary>
    Commitments = 1,

    /// <summary>Learning together: a topic per meeting, shared notes.</summary>
    Learning = 2,

    /// <summary>Doing something together: a project, a co-op, shared work.</summary>
    Project = 3,

    /// <summary>Anything else; the purpose says what.</summary>
    Other = 4,
}

public enum CrewCallState
{
    /// <summary>Taking requests until its end date (after which it shows as closed without any write).</summary>
    Open = 0,

    /// <summary>The caller started the crew: the accepted people are its members.</summary>
    Started = 1,

    /// <summary>The caller closed it without starting a crew.</summary>
    Closed = 2,
}

/// <summary>
/// An open call for a crew inside a congregation: "I'm calling a crew about this, in this time zone: who
/// wants in?". Members ask to join with a short note; the caller answers each; starting the crew makes the
/// accepted people its members and closes the call.
/// </summary>
public class CrewCall
{
    public Guid Id { get; set; }
    public Guid CongregationId { get; set; }
    public string CallerUserId { get; set; } = "";
    public HubUser Caller { get; set; } = null!;

    /// <summary>What the crew would be called; the crew started from the call takes it.</summary>
    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";
    public CrewCallKind Kind { get; set; }

    /// <summary>The IANA zone the usual hour is in, and where the caller expects the crew to live.</summary>
    public string TimeZone { get; set; } = "Etc/UTC";

    /// <summary>The usual weekday and wall-clock time in <see cref="TimeZone"/>; both null for "we'll find a time".</summary>
    public DayOfWeek? UsualDay { get; set; }
    public TimeOnly? UsualTime { get; set; }

    /// <summary>The crew's size wanted, the caller included (3 to 6).</summary>
    public int Size { get; set; } = 4;

    /// <summary>The last day the call takes requests, in <see cref="TimeZone"/>.</summary>
    public DateOnly EndsOn { get; set; }

    /// <summary>The end of <see cref="EndsOn"/> in the call's zone, in UTC: what lists compare with now.</summary>
    public DateTime ClosesAt { get; set; }

    public CrewCallState State { get; set; }

    /// <summary>People accepted, counted in the row so a conditional update holds the size wanted.</summary>
    public int AcceptedCount { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }

    /// <summary>The crew started from the call, once it is.</summary>
    public Guid? CrewId { get; set; }

    public List<CrewCallRequest> Requests { get; set; } = [];
}

public enum CrewCallRequestState
{
    Waiting = 0,
    Accepted = 1,
    Declined = 2,
    Withdrawn = 3,

    /// <summary>The call closed (or its crew started) before the caller answered.</summary>
    CallClosed = 4,
}

/// <summary>A member asking to join a call, with a short note; the caller accepts or declines, kindly.</summary>
public class CrewCallRequest
{
    public Guid Id { get; set; }
    public Guid CallId { get; set; }
    public CrewCall Call { get; set; } = null!;
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;
    public string Note { get; set; } = "";
    public CrewCallRequestState State { get; set; }

    /// <summary>The caller's words with the answer (always with a decline, written for the person).</summary>
    public string Reply { get; set; } = "";

    public DateTime AskedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
}
