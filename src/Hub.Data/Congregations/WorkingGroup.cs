namespace Microsolidarity.Hub.Data.Congregations;

/// <summary>
/// A few members of a congregation taking on one piece of shared work (the next gathering, the
/// website, the fund) with a purpose and an end date, so it dissolves rather than lingers.
/// </summary>
public class WorkingGroup
{
    public Guid Id { get; set; }
    public Guid CongregationId { get; set; }
    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";
    public DateOnly EndsOn { get; set; }
    public string StartedByUserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public List<WorkingGroupMember> Members { get; set; } = [];
}

public class WorkingGroupMember
{
    public Guid WorkingGroupId { get; set; }
    public string UserId { get; set; } = "";
    public Accounts.HubUser User { get; set; } = null!;
    public DateTime JoinedAt { get; set; }
}
