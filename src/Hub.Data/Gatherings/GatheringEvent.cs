namespace Microsolidarity.Hub.Data.Gatherings;

public enum EventKind
{
    CrewMeeting = 0,
    Gathering = 1,
    NetworkCall = 2,
    PracticeProgramSession = 3,
    Intensive = 4,
    ColivingWeek = 5,
    Camp = 6,

    /// <summary>A congregation's full-moon or new-moon call.</summary>
    Pulse = 7,
}

/// <summary>Which of the five scales holds the event.</summary>
public enum EventScale
{
    Crew = 0,
    Congregation = 1,
    Network = 2,
}

/// <summary>Who may see an event (and so answer it).</summary>
public enum EventVisibility
{
    Public = 0,

    /// <summary>People whose network membership is current (HubUser.NetworkMemberSince).</summary>
    NetworkMembers = 1,

    CongregationOnly = 2,
    CrewOnly = 3,
}

/// <summary>Who may see who is coming.</summary>
public enum AttendeeListVisibility
{
    HostsOnly = 0,

    /// <summary>Those who answered going (and the hosts).</summary>
    Attendees = 1,

    /// <summary>Everyone who may see the event.</summary>
    EveryoneWhoSeesTheEvent = 2,
}

/// <summary>
/// An event at one of the scales, once or recurring. Times are instants in UTC; <see cref="TimeZone"/>
/// is the IANA zone the hosts think in, so a recurrence keeps its wall-clock time across daylight saving.
/// </summary>
public class GatheringEvent
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public EventKind Kind { get; set; }
    public EventScale Scale { get; set; }
    public Guid? CongregationId { get; set; }
    public Guid? CrewId { get; set; }
    public EventVisibility Visibility { get; set; }

    public bool IsOnline { get; set; }

    /// <summary>For events in person.</summary>
    public string Address { get; set; } = "";

    /// <summary>
    /// Where an event in person is, as a host placed it (a listed city or typed coordinates, two
    /// decimals); null when not placed, and the preview then falls back to a listed city the address names.
    /// </summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>The cover image's file name under the data folder's covers/, re-encoded by the hub; empty for none.</summary>
    public string CoverFile { get; set; } = "";

    /// <summary>For online events; shown to participants only.</summary>
    public string CallLink { get; set; } = "";

    /// <summary>The first occurrence's start and end, in UTC.</summary>
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>An IANA zone id, such as Europe/Berlin.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>An RFC 5545 RRULE value without the "RRULE:" prefix; empty for a single event.</summary>
    public string Recurrence { get; set; } = "";

    /// <summary>Places per occurrence; null for no limit.</summary>
    public int? Capacity { get; set; }

    /// <summary>Hosts approve each "going" before it takes a place.</summary>
    public bool RequiresApproval { get; set; }

    /// <summary>Questions asked when someone says they are going, one per line; empty for none.</summary>
    public string Questions { get; set; } = "";

    public AttendeeListVisibility AttendeeList { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Raised on every change, for iCalendar's SEQUENCE: calendar apps take the higher one.</summary>
    public int Sequence { get; set; }

    public DateTime? CancelledAt { get; set; }

    /// <summary>When the event was announced to the sinks as public; set once, so an edit never announces it again.</summary>
    public DateTime? AnnouncedAt { get; set; }

    /// <summary>
    /// For a paid event: the hours someone promoted from the waitlist has to pay before the place passes
    /// to the next person. Null: a promoted place is kept without a deadline.
    /// </summary>
    public int? HoursToPay { get; set; }

    /// <summary>The one currency of the event's tickets and budget (ISO 4217), never converted.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>Set when the hosts closed the event: its budget is final and the surplus was reported.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>When "this and following" changed a series, the series it was split from.</summary>
    public Guid? SplitFromId { get; set; }

    /// <summary>A member's event waits for a host's yes when the congregation asks for it (<see cref="Congregations.Congregation.MembersEventsGoUpAtOnce"/>).</summary>
    public EventApproval Approval { get; set; }

    /// <summary>What the host who decided a proposed event wrote to its proposer; empty otherwise.</summary>
    public string ApprovalMessage { get; set; } = "";

    public List<EventOccurrence> Occurrences { get; set; } = [];
}

/// <summary>
/// One occurrence that has a life of its own: answers, a change of time, a cancellation. Occurrences
/// of a recurrence nobody touched have no row; their key is the start the rule gives them.
/// </summary>
public class EventOccurrence
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }

    /// <summary>The start the rule gives (iCalendar's RECURRENCE-ID), in UTC: the occurrence's key.</summary>
    public DateTime OriginalStart { get; set; }

    /// <summary>The start and end as they are now (equal to the rule's unless changed).</summary>
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    public bool IsCancelled { get; set; }

    /// <summary>People holding a place; changed only by conditional updates, so it never passes the capacity.</summary>
    public int GoingCount { get; set; }

    /// <summary>The last arrival number handed out; each answer "going" takes the next one, so the waitlist keeps arrival order.</summary>
    public int Arrivals { get; set; }
}

public enum RsvpStatus
{
    Going = 0,
    Maybe = 1,
    CantGo = 2,

    /// <summary>Wanted to go when the event was full; promoted in arrival order when a place opens.</summary>
    Waitlisted = 3,

    /// <summary>Going, once a host approves.</summary>
    AwaitingApproval = 4,
}

/// <summary>A person's answer to one occurrence, or (with no occurrence) to the whole series.</summary>
public class Rsvp
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }

    /// <summary>Null for an answer to the whole series.</summary>
    public Guid? OccurrenceId { get; set; }
    public EventOccurrence? Occurrence { get; set; }

    public string UserId { get; set; } = "";
    public Accounts.HubUser User { get; set; } = null!;
    public RsvpStatus Status { get; set; }

    /// <summary>The arrival number taken when the person first wanted a place; orders the waitlist.</summary>
    public int Arrival { get; set; }

    /// <summary>
    /// Set when a place was offered from the waitlist of a paid event: unpaid by then, the place passes
    /// to the next person waiting. Cleared when the ticket is paid.
    /// </summary>
    public DateTime? PayBy { get; set; }

    /// <summary>Answers to the registration questions, in the person's words.</summary>
    public string Answers { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A member's private calendar address: the token is the only secret, replaced on request.</summary>
public class MemberCalendar
{
    public string UserId { get; set; } = "";
    public string Token { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>How long before a date a member wants to be reminded. No row: both reminders.</summary>
public class ReminderPreference
{
    public string UserId { get; set; } = "";
    public bool DayBefore { get; set; } = true;
    public bool HourBefore { get; set; } = true;
}

/// <summary>
/// A reminder that was sent (or skipped because a nearer one was due): one row per date, person and
/// offset, unique, written in the same transaction as the email. A second node or a restarted one
/// cannot send it again.
/// </summary>
public class SentReminder
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public DateTime OccurrenceStart { get; set; }
    public string UserId { get; set; } = "";
    public int MinutesBefore { get; set; }
    public DateTime SentAt { get; set; }
}
