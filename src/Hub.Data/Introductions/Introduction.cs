using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Introductions;

/// <summary>
/// A member's wish to be introduced to another member of a congregation now and then, and what they share
/// about themselves for it. Leaving removes the row; the introductions they had stay, so no pair repeats.
/// </summary>
public class IntroductionMember
{
    public Guid Id { get; set; }
    public Guid CongregationId { get; set; }
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;

    /// <summary>Every 2 or 4 weeks.</summary>
    public int EveryWeeks { get; set; } = 2;

    /// <summary>A short line the person chose to share with whoever they are introduced to.</summary>
    public string Share { get; set; } = "";

    /// <summary>On pause: left out of rounds until they come back.</summary>
    public bool Paused { get; set; }

    public DateTime JoinedAt { get; set; }

    /// <summary>When their last introduction was made: the round claims it, so two nodes never introduce them twice.</summary>
    public DateTime? LastIntroducedAt { get; set; }
}

/// <summary>One round of introductions in a congregation (every two weeks while people are opted in).</summary>
public class IntroductionRound
{
    public Guid Id { get; set; }
    public Guid CongregationId { get; set; }

    /// <summary>1, 2, 3... in the congregation.</summary>
    public int Number { get; set; }

    public DateTime MadeAt { get; set; }

    public List<Introduction> Introductions { get; set; } = [];
}

/// <summary>A pair (or a trio) introduced to each other in a round.</summary>
public class Introduction
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public IntroductionRound Round { get; set; } = null!;
    public Guid CongregationId { get; set; }
    public DateTime MadeAt { get; set; }

    /// <summary>Two hours all of them marked free in the week after the introduction, in UTC; null when none was found.</summary>
    public DateTime? FirstTime { get; set; }
    public DateTime? SecondTime { get; set; }

    /// <summary>Which of the starter questions goes with it.</summary>
    public int Question { get; set; }

    /// <summary>When "did you meet?" went out, a week later; claimed by a conditional update.</summary>
    public DateTime? AskedAt { get; set; }

    public List<IntroductionPerson> People { get; set; } = [];
}

public enum IntroductionAnswer
{
    Met = 1,
    NotYet = 2,
    Skip = 3,
}

/// <summary>One person in an introduction: what they shared for it, and their own answer to "did you meet?".</summary>
public class IntroductionPerson
{
    public Guid Id { get; set; }
    public Guid IntroductionId { get; set; }
    public Introduction Introduction { get; set; } = null!;
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;

    /// <summary>Their shared line as it was when they were introduced (what the others read in the email).</summary>
    public string Share { get; set; } = "";

    public IntroductionAnswer? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
}
