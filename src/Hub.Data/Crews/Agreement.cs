using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Crews;

public enum AgreementState
{
    /// <summary>Written or changed by a member, waiting until everyone in the group has accepted it.</summary>
    Proposed = 0,

    /// <summary>Everyone accepted: these are the group's agreements now.</summary>
    InForce = 1,

    /// <summary>A later version came into force.</summary>
    Replaced = 2,

    /// <summary>Its proposer took it back, or another proposal came into force first.</summary>
    Withdrawn = 3,
}

/// <summary>
/// One version of the agreements a crew (or, lighter, a dyad) keeps: how it holds confidentiality, attendance,
/// decisions and endings. Any member proposes a version; it comes into force once every member has accepted it,
/// and the crew sees who has. Only the group itself ever reads it.
/// </summary>
public class Agreement
{
    public Guid Id { get; set; }

    /// <summary>The crew it belongs to, or null for a dyad's.</summary>
    public Guid? CrewId { get; set; }

    /// <summary>The dyad it belongs to, or null for a crew's.</summary>
    public Guid? DyadId { get; set; }

    /// <summary>1 for the first text, one more for every proposal after it.</summary>
    public int Version { get; set; }
    public string Text { get; set; } = "";

    /// <summary>Why the change, in the proposer's words (empty for a first text).</summary>
    public string Note { get; set; } = "";
    public string ProposedByUserId { get; set; } = "";
    public AgreementState State { get; set; }
    public DateTime ProposedAt { get; set; }
    public DateTime? InForceAt { get; set; }
    public List<AgreementAcceptance> Acceptances { get; set; } = [];
}

/// <summary>A member saying yes to one version of the agreements.</summary>
public class AgreementAcceptance
{
    public Guid Id { get; set; }
    public Guid AgreementId { get; set; }
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;
    public DateTime AcceptedAt { get; set; }
}
