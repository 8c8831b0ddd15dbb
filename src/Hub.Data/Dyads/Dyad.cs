namespace Microsolidarity.Hub.Data.Dyads;

public enum DyadKind { PeerCoaching = 0, Mentoring = 1, Accountability = 2 }

public enum DyadStatus { Proposed = 0, Active = 1, Declined = 2, Ended = 3 }

/// <summary>
/// Two people in a peer-support pair for a term, with check-ins. Only the two can see it:
/// reciprocal, between equals, the place to notice domination and partnership habits.
/// </summary>
public class Dyad
{
    public Guid Id { get; set; }
    public DyadKind Kind { get; set; }
    public string ProposerUserId { get; set; } = "";
    public string PartnerUserId { get; set; } = "";
    public string Intention { get; set; } = "";
    public int TermWeeks { get; set; } = 8;
    public DyadStatus Status { get; set; }
    public DateTime ProposedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? EndsAt { get; set; }

    /// <summary>The slug of the library's practice the two chose to shape their check-ins (null: none chosen).</summary>
    public string? CheckInPractice { get; set; }
    public List<DyadCheckIn> CheckIns { get; set; } = [];
}

/// <summary>A short note one of the two writes after they talk: what came up, what is next.</summary>
public class DyadCheckIn
{
    public Guid Id { get; set; }
    public Guid DyadId { get; set; }
    public string AuthorUserId { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime WrittenAt { get; set; }
}
