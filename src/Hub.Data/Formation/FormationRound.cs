using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Formation;

public enum FormationStage
{
    /// <summary>Members join and give their preferences until the deadline.</summary>
    Open = 0,

    /// <summary>The host ran the round and reviews the proposal; members do not see it yet.</summary>
    Proposed = 1,

    /// <summary>Each member of a proposed crew sees their own crew and consents or declines.</summary>
    Published = 2,
}

/// <summary>
/// A crew formation round in a congregation or for a program's cohort, like speed dating for crewmates: members say privately whom
/// they would like to be with, the host runs the search once, adjusts, and publishes; crews form only from
/// the consent of their members.
/// </summary>
public class FormationRound
{
    public Guid Id { get; set; }

    /// <summary>The congregation the round belongs to; null for a program's round.</summary>
    public Guid? CongregationId { get; set; }

    /// <summary>The practice program whose cohort the round is for ("form crews from this cohort"); null for a congregation's.</summary>
    public Guid? ProgramId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>After this instant nothing about preferences can change; the host may bring it forward by running the round.</summary>
    public DateTime PreferencesDueAt { get; set; }

    public int MinSize { get; set; } = 3;
    public int MaxSize { get; set; } = 6;

    /// <summary>Fixed when the round opens, so running it again on the same preferences gives the same proposal.</summary>
    public int Seed { get; set; }

    public FormationStage Stage { get; set; }
    public string? OpenedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RanAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    public List<FormationParticipant> Participants { get; set; } = [];
    public List<ProposedCrew> Crews { get; set; } = [];
}

public enum ProposalAnswer { Waiting = 0, Consented = 1, Declined = 2 }

/// <summary>A member taking part in a round, with what they gave: interests and weekly hours (in their own zone).</summary>
public class FormationParticipant
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;

    /// <summary>Comma-separated tags, as typed.</summary>
    public string Interests { get; set; } = "";

    /// <summary>168 characters, '1' for a free hour, Monday 00:00 first, in <see cref="TimeZone"/>: the same grid as the profile's.</summary>
    public string Availability { get; set; } = new('0', 168);

    public string TimeZone { get; set; } = "";
    public DateTime JoinedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The crew the proposal puts them in; null when not placed (then <see cref="UnplacedReason"/> says why).</summary>
    public Guid? ProposedCrewId { get; set; }

    public string UnplacedReason { get; set; } = "";

    /// <summary>Why they are not placed, for what the pages tell them; <see cref="NotPlaced.Unknown"/> for rounds run before it was stored (then the text decides).</summary>
    public NotPlaced NotPlaced { get; set; }

    public ProposalAnswer Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

public enum PreferenceChoice { Open = 0, Want = 1, RatherNot = 2 }

/// <summary>Why a participant is not in a proposed crew: the search's reasons (as the Grouping library gives them), or what people did after it.</summary>
public enum NotPlaced
{
    /// <summary>Placed, or a round proposed before the reason's kind was stored.</summary>
    Unknown = 0,
    NoHours = 1,
    NoSharedHours = 2,
    TooFewPeople = 3,
    NoCrewCouldTakeThem = 4,
    Declined = 5,
    LeftOutByHosts = 6,
}

/// <summary>
/// What one participant privately says about another. Only "want" and "rather not" are stored (open is the
/// default). Never shown to anyone, hosts included: only the search reads them, and the checks on adjustments.
/// </summary>
public class FormationPreference
{
    public Guid RoundId { get; set; }
    public Guid FromParticipantId { get; set; }
    public Guid AboutParticipantId { get; set; }
    public PreferenceChoice Choice { get; set; }
}

/// <summary>One crew of a round's proposal; it becomes a real <see cref="Crews.Crew"/> when its members have consented.</summary>
public class ProposedCrew
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public int Number { get; set; }

    /// <summary>Weekly hours every member is free, as UTC hour slots (0 = Monday 00:00 UTC), comma-separated.</summary>
    public string SharedSlots { get; set; } = "";

    /// <summary>Interest tags every member gave, comma-separated.</summary>
    public string CommonInterests { get; set; } = "";

    /// <summary>Bumped by every answer first thing in its transaction, so answers to one crew are taken one at a time.</summary>
    public int Answers { get; set; }

    /// <summary>The crew that formed from this proposal; set once, by a conditional update.</summary>
    public Guid? CrewId { get; set; }

    public DateTime? FormedAt { get; set; }
}

/// <summary>
/// One host's move of one person in a proposal, remembered for an hour so moves can be limited per host on every
/// node: a move that goes against a "rather not" marks a crew, and unlimited moves would let a host find every
/// "rather not" pair one move at a time. Holds no preference, only whether the move touched a marked crew.
/// </summary>
public class ProposalMove
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public string HostUserId { get; set; } = "";
    public DateTime At { get; set; }

    /// <summary>The move left a crew marked, or took someone out of a marked crew.</summary>
    public bool AgainstPreference { get; set; }
}
