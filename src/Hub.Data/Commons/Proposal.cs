namespace Microsolidarity.Hub.Data.Commons;

public enum ProposalState
{
    Open = 0,
    Approved = 1,
    Declined = 2,
    Vetoed = 3,
    Paid = 4,
}

public enum AdviceKind
{
    Support = 0,
    Concern = 1,
    Objection = 2,
}

/// <summary>A contributor's proposal to spend from the commons; advice gathers, administrators decide.</summary>
public class Proposal
{
    public Guid Id { get; set; }
    public string ProposerUserId { get; set; } = "";
    public string Currency { get; set; } = "";
    public long AmountMinor { get; set; }
    public string Purpose { get; set; } = "";
    public string Recipient { get; set; } = "";
    public string? Category { get; set; }
    public ProposalState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
    public string? VetoedByUserId { get; set; }
    public DateTime? VetoedAt { get; set; }
    public string? VetoReason { get; set; }
    public DateTime? PaidAt { get; set; }
    public Guid? PaidEntryId { get; set; }
    public List<Advice> Advice { get; set; } = [];
}

public class Advice
{
    public Guid Id { get; set; }
    public Guid ProposalId { get; set; }
    public string UserId { get; set; } = "";
    public AdviceKind Kind { get; set; }
    public string Text { get; set; } = "";
    public DateTime GivenAt { get; set; }
}

/// <summary>A public target, such as a scholarship fund; progress is the sum of entries in its category.</summary>
public class FundraisingGoal
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Category { get; set; } = "";
    public string Currency { get; set; } = "";
    public long TargetMinor { get; set; }
    public DateTime CreatedAt { get; set; }
}
