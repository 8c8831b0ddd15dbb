namespace Microsolidarity.Hub.Data.Congregations;

/// <summary>A host removed a member, with a reason: kept so hosts stay accountable to each other.</summary>
public class Removal
{
    public Guid Id { get; set; }
    public Guid CongregationId { get; set; }
    public string UserId { get; set; } = "";
    public string RemovedByUserId { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTime RemovedAt { get; set; }
}
