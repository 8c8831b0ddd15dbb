using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Gatherings;

public enum CoHostStatus { Invited = 0, Accepted = 1, Declined = 2, SteppedDown = 3 }

/// <summary>
/// Someone an event's host invited to host it with them ("never host alone"). Once they accept, they may
/// do whatever the event's hosts may do; until then the invitation is theirs to decline.
/// </summary>
public class EventCoHost
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;
    public string InvitedByUserId { get; set; } = "";
    public CoHostStatus Status { get; set; }
    public DateTime InvitedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

/// <summary>One thing a host did to an event (a change, a cancellation, a decided answer), kept so the other hosts can see it.</summary>
public class EventHostAction
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }

    /// <summary>Who did it; empty once their account is gone.</summary>
    public string ByUserId { get; set; } = "";

    /// <summary>What was done, in a short sentence without the actor's name ("changed the details").</summary>
    public string What { get; set; } = "";

    /// <summary>Why, in the host's words, when they gave a reason (stepping down); empty otherwise.</summary>
    public string Reason { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>Whether an event a member proposed for their congregation is up.</summary>
public enum EventApproval
{
    /// <summary>Up: every event the congregation's hosts (or network hosts) put on, and members' events once a host said yes.</summary>
    Approved = 0,

    /// <summary>Waiting for a host's yes: seen only by the one who proposed it and the congregation's hosts.</summary>
    Proposed = 1,

    /// <summary>A host said not this time, with a message; still seen only by the proposer and the hosts.</summary>
    Declined = 2,
}
