namespace Microsolidarity.Hub.Data.Congregations;

/// <summary>A level of commitment (by default Friend and Partner). Partners may invite.</summary>
public class MembershipLevel
{
    public Guid Id { get; set; }
    public Guid CongregationId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Order from the lightest commitment (0) upwards.</summary>
    public int Rank { get; set; }

    public bool CanInvite { get; set; }

    /// <summary>What this level means in this congregation, in its hosts' words; shown on the congregation's page.</summary>
    public string Description { get; set; } = "";

    /// <summary>Members at this level put on the congregation's events without waiting for a host's yes.</summary>
    public bool CanHostEvents { get; set; }
}
