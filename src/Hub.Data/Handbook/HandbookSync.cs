namespace Microsolidarity.Hub.Data.Handbook;

public enum HandbookResyncInterval
{
    Off = 0,
    Hourly = 1,
    Daily = 2,
}

/// <summary>
/// The one row (Id 1) that keeps imports one at a time per hub and the re-sync schedule. Both live in
/// the database so that several web nodes agree and a restart loses nothing.
/// </summary>
public class HandbookSync
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    public HandbookResyncInterval Interval { get; set; }

    /// <summary>When the scheduled re-sync should next pull the git URL; null when the schedule is off.</summary>
    public DateTime? NextDueAt { get; set; }

    /// <summary>
    /// The running import's lease: an import claims it with a conditional update and renews it while it
    /// works, so a node that dies mid-import frees the hub when the lease runs out.
    /// </summary>
    public DateTime? ClaimedUntil { get; set; }

    public int? RunningImportId { get; set; }
}
