namespace Microsolidarity.Hub.Data.Crews;

public enum RetrospectiveChoice { Continue = 0, Pause = 1, Leave = 2 }

/// <summary>
/// One member's private answer at the end of a term. Only its author can read it; the crew sees
/// only the outcome in numbers, never who chose what.
/// </summary>
public class RetrospectiveAnswer
{
    public Guid Id { get; set; }
    public Guid CrewId { get; set; }
    public int Term { get; set; }
    public string UserId { get; set; } = "";
    public string WhatWorked { get; set; } = "";
    public string WhatDidNot { get; set; } = "";
    public RetrospectiveChoice Choice { get; set; }
    public DateTime AnsweredAt { get; set; }
}
