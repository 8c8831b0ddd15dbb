using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Decisions;

/// <summary>How a decision is made: the three kinds share the table, the log and the exports.</summary>
public enum DecisionKind
{
    /// <summary>Members answer agree, abstain, disagree or block; the proposer (or a host) writes the outcome.</summary>
    Consent = 0,

    /// <summary>
    /// The proposer names people to ask for advice (anyone else may add theirs), then decides alone and writes
    /// what they decided and why. Advice is kept as answers (<see cref="DecisionResponse.Advice"/> and its stances).
    /// </summary>
    Advice = 1,

    /// <summary>Candidate times (<see cref="DecisionOption"/>) answered yes / if need be / no each; the proposer chooses one.</summary>
    TimePoll = 2,
}

/// <summary>What the others see of the answers, chosen by the proposer and shown before anyone answers.</summary>
public enum DecisionVisibility
{
    /// <summary>Each answer with the name of who gave it.</summary>
    Names = 0,

    /// <summary>How many gave each answer, and the reasons without names.</summary>
    Counts = 1,
}

public enum DecisionResponse
{
    Agree = 0,
    Abstain = 1,
    Disagree = 2,

    /// <summary>"I cannot live with this": always with a reason, and never lost (see the decision's page).</summary>
    Block = 3,

    /// <summary>Advice, without saying more (an advice process).</summary>
    Advice = 4,

    /// <summary>Advice from someone who supports the proposal.</summary>
    Support = 5,

    /// <summary>Advice from someone who has concerns about it.</summary>
    Concerns = 6,
}

/// <summary>One person's answer to one candidate time of a poll.</summary>
public enum PollAvailability
{
    Yes = 0,
    IfNeedBe = 1,
    No = 2,
}

public enum DecisionResult
{
    Adopted = 0,
    AdoptedWithChanges = 1,
    NotAdopted = 2,
    Withdrawn = 3,
}

/// <summary>
/// A proposal put to a congregation or a crew for consent: the question, the proposal, the background, until
/// when answers are taken. Once its outcome is written it stands in the decision log.
/// </summary>
public class Decision
{
    public Guid Id { get; set; }

    /// <summary>The congregation it is put to; null for a crew's decision.</summary>
    public Guid? CongregationId { get; set; }

    /// <summary>The crew it is put to; null for a congregation's decision.</summary>
    public Guid? CrewId { get; set; }

    /// <summary>The working group it is put to (its congregation is set too); null for the congregation's own decisions.</summary>
    public Guid? WorkingGroupId { get; set; }

    public DecisionKind Kind { get; set; }

    public string ProposerUserId { get; set; } = "";
    public HubUser Proposer { get; set; } = null!;

    public string Question { get; set; } = "";

    /// <summary>Markdown, rendered through the same sanitiser as updates and the handbook.</summary>
    public string Proposal { get; set; } = "";

    /// <summary>Markdown; may be empty.</summary>
    public string Background { get; set; } = "";

    /// <summary>When answers stop being taken, in UTC (entered and shown in the viewer's zone).</summary>
    public DateTime ClosesAt { get; set; }

    /// <summary>How many answers the proposer hopes for before deciding; null for none.</summary>
    public int? Quorum { get; set; }

    public DecisionVisibility Visibility { get; set; }

    /// <summary>1 at first, one more for each amendment: an answer given to an earlier version is "before the change".</summary>
    public int Version { get; set; } = 1;

    public DateTime? AmendedAt { get; set; }

    /// <summary>The outcome, once written; null while the decision is open or waiting for it.</summary>
    public DecisionResult? Result { get; set; }

    /// <summary>What was decided, in the words of whoever wrote the outcome.</summary>
    public string ResultNote { get; set; } = "";

    public string? ResultByUserId { get; set; }
    public HubUser? ResultBy { get; set; }
    public DateTime? DecidedAt { get; set; }

    /// <summary>When the proposer was asked to write the outcome after closing (claimed by the closing job).</summary>
    public DateTime? OutcomeAskedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>A time poll's chosen time, once the proposer chose it (one of <see cref="Options"/>).</summary>
    public Guid? ChosenOptionId { get; set; }

    public List<DecisionAnswer> Answers { get; set; } = [];
    public List<DecisionAmendment> Amendments { get; set; } = [];

    /// <summary>An advice process's named advisers.</summary>
    public List<DecisionAdviser> Advisers { get; set; } = [];

    /// <summary>A time poll's candidate times.</summary>
    public List<DecisionOption> Options { get; set; } = [];
}

/// <summary>Someone the proposer of an advice process asks, by name, for advice.</summary>
public class DecisionAdviser
{
    public Guid DecisionId { get; set; }
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;
}

/// <summary>A candidate time of a time poll.</summary>
public class DecisionOption
{
    public Guid Id { get; set; }
    public Guid DecisionId { get; set; }

    /// <summary>The order the proposer gave, from 0.</summary>
    public int Position { get; set; }

    /// <summary>In UTC; entered in the proposer's zone and shown in each reader's.</summary>
    public DateTime StartsAt { get; set; }

    public List<DecisionPollAnswer> Answers { get; set; } = [];
}

/// <summary>One person's answer to one candidate time: one row per person and time, answering again replaces it.</summary>
public class DecisionPollAnswer
{
    public Guid Id { get; set; }
    public Guid OptionId { get; set; }
    public Guid DecisionId { get; set; }
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;
    public PollAvailability Availability { get; set; }
    public DateTime AnsweredAt { get; set; }
}

/// <summary>One person's answer to a decision: one row per person, answering again replaces it.</summary>
public class DecisionAnswer
{
    public Guid Id { get; set; }
    public Guid DecisionId { get; set; }
    public Decision Decision { get; set; } = null!;
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;
    public DecisionResponse Response { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>The proposal's version answered; below the decision's version it was given "before the change".</summary>
    public int Version { get; set; }

    public DateTime AnsweredAt { get; set; }
}

/// <summary>The proposal as it stood before an amendment, kept so answers given to it can still be read against it.</summary>
public class DecisionAmendment
{
    public Guid Id { get; set; }
    public Guid DecisionId { get; set; }

    /// <summary>The version this text was: the amendment made it <c>Version + 1</c>.</summary>
    public int Version { get; set; }

    public string Proposal { get; set; } = "";

    /// <summary>What changed and why, in the proposer's words.</summary>
    public string Note { get; set; } = "";

    public DateTime AmendedAt { get; set; }
}
