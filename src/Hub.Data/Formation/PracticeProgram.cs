namespace Microsolidarity.Hub.Data.Formation;

/// <summary>
/// A facilitator's series of calls whose breakout rooms climb a ladder of scale (pairs, threes, fives, all).
/// The rooms are computed when the facilitator saves and kept, so every page shows the same rooms.
/// </summary>
public class PracticeProgram
{
    public Guid Id { get; set; }
    public string FacilitatorUserId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The group size of each call, comma-separated; "all" is the full circle.</summary>
    public string CallSizes { get; set; } = "";

    /// <summary>As the facilitator typed them: lines like "3: Ana, ben@example.org".</summary>
    public string Absences { get; set; } = "";

    /// <summary>Fixed at creation, so saving the same program again gives the same rooms.</summary>
    public int Seed { get; set; }

    /// <summary>JSON int[call][room][] of participant positions; absent people are in no room.</summary>
    public string Rooms { get; set; } = "[]";

    public int RepeatedPairs { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ComputedAt { get; set; }

    /// <summary>
    /// The gathering the program is tied to (usually a series): its calls are the gathering's dates, in order, and its
    /// participants (its cohort) are the people going, kept in step as they answer. Null for a program of listed names.
    /// </summary>
    public Guid? GatheringId { get; set; }

    public List<PracticeParticipant> Participants { get; set; } = [];
    public List<ProgramFacilitator> Team { get; set; } = [];
}

/// <summary>Someone in a program; they need no account, only the secret link to their own rooms.</summary>
public class PracticeParticipant
{
    public Guid Id { get; set; }
    public Guid ProgramId { get; set; }

    /// <summary>Order in the facilitator's list; the index the rooms refer to.</summary>
    public int Position { get; set; }

    public string Name { get; set; } = "";
    public string Email { get; set; } = "";

    /// <summary>Unguessable part of the participant's URL; kept across edits so a shared link keeps working.</summary>
    public string Secret { get; set; } = "";

    /// <summary>The participant's account: a person going to the tied gathering, or one who accepted their place by email.</summary>
    public string? UserId { get; set; }

    /// <summary>When the place was offered by email (or in the hub, to an address with an account); null before.</summary>
    public DateTime? InvitedAt { get; set; }

    /// <summary>In the cohort because they said they are going to the tied gathering (not listed by the facilitator).</summary>
    public bool FromGathering { get; set; }

    /// <summary>No longer going to the tied gathering: kept so positions (and the rooms of past calls) stay, away from every call.</summary>
    public bool Left { get; set; }
}

/// <summary>
/// A co-facilitator of a program ("never host alone"): invited by someone on the team, on the team once they accept.
/// The team sees every call's rooms, the Zoom files and the view to start a call, and hosts the program's formation round.
/// </summary>
public class ProgramFacilitator
{
    public Guid Id { get; set; }
    public Guid ProgramId { get; set; }
    public string UserId { get; set; } = "";
    public Accounts.HubUser User { get; set; } = null!;
    public string? InvitedByUserId { get; set; }
    public DateTime InvitedAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
}
