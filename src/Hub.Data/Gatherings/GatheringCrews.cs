using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Gatherings;

public enum GatheringCrewStage
{
    /// <summary>The hosts formed crews and adjust them; attendees do not see them yet.</summary>
    Proposed = 0,

    /// <summary>Every attendee of the date sees the crews; each member may say whether to go on as a crew.</summary>
    Published = 1,
}

/// <summary>
/// The temporary crews of one date of a gathering (a series has one set per date, keyed by the rule's start of the
/// date). Formed by a host from the people going, adjusted, then published to them. The move counters limit how
/// many moves the hosts make in an hour: each move tells them a little about where a "rather not" lies.
/// </summary>
public class GatheringCrewSet
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }

    /// <summary>The date's key: the start the rule gives it, in UTC (<see cref="EventOccurrence.OriginalStart"/>).</summary>
    public DateTime OccurrenceStart { get; set; }

    /// <summary>The size the hosts asked for, 3 to 6.</summary>
    public int Size { get; set; }

    /// <summary>The search's seed, new each time crews are formed, kept so a run can be repeated.</summary>
    public int Seed { get; set; }

    public GatheringCrewStage Stage { get; set; }
    public DateTime FormedAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// <summary>The hour the move counters count in; the counters start again after it.</summary>
    public DateTime MovesSince { get; set; }
    public int Moves { get; set; }

    /// <summary>Moves that took someone out of a marked crew, or left the crew they joined marked.</summary>
    public int MovesAgainstPreferences { get; set; }

    public List<TemporaryCrew> Crews { get; set; } = [];
}

/// <summary>One table at a gathering: a crew for the day, that its members may choose to continue.</summary>
public class TemporaryCrew
{
    public Guid Id { get; set; }
    public Guid SetId { get; set; }
    public int Number { get; set; }

    /// <summary>Bumped by every "go on?" answer first thing in its transaction, so answers to one crew are taken one at a time.</summary>
    public int Answers { get; set; }

    /// <summary>The crew that started from it when everyone still in it said yes; set once, by a conditional update.</summary>
    public Guid? CrewId { get; set; }

    public DateTime? ContinuedAt { get; set; }

    public List<TemporaryCrewMember> Members { get; set; } = [];
}

public enum ContinueAnswer { Waiting = 0, Yes = 1, No = 2 }

/// <summary>A person at a table, with their private answer to "go on as a crew?" (never shown to the others).</summary>
public class TemporaryCrewMember
{
    public Guid Id { get; set; }

    /// <summary>The set, so one person sits at one table of a date (a unique index).</summary>
    public Guid SetId { get; set; }
    public Guid TemporaryCrewId { get; set; }
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;
    public ContinueAnswer Continue { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

/// <summary>
/// Someone going to a date would rather not sit with another person going: read only by the search and by the
/// check that marks a crew holding such a pair. Never shown to anyone, hosts included; exported to the person
/// who said it only.
/// </summary>
public class GatheringRatherNot
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public DateTime OccurrenceStart { get; set; }
    public string FromUserId { get; set; } = "";
    public string AboutUserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
