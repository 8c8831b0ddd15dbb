using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Crews;

/// <summary>
/// How a crew holds its meetings: its default plan (practices with minutes, as "check-in:12;case-clinic:55;check-out:8")
/// and whether anyone, or only the host, moves the room to its next step. A crew without a row uses the hub's default.
/// </summary>
public class CrewPlan
{
    public Guid CrewId { get; set; }
    public string Steps { get; set; } = "";
    public bool AnyoneMoves { get; set; }
}

/// <summary>
/// One meeting's plan and the state of its room, the same for every member on every web node: the step in
/// progress (-1 before the meeting begins, the plan's length once it is over), when that step began, whether its
/// timer is paused, and a version that every move (and every pause and resumption) raises, so two moves at once count
/// once and open pages notice a change by reading one row.
/// </summary>
public class MeetingRoom
{
    public Guid MeetingId { get; set; }
    public Guid CrewId { get; set; }

    /// <summary>The host's plan for this meeting; empty for the crew's plan, which is copied in when the meeting begins.</summary>
    public string Plan { get; set; } = "";
    public int Step { get; set; } = -1;
    public DateTime? StepStartedAt { get; set; }

    /// <summary>
    /// When the step's timer was paused, or null while it runs. The time left stays what it was at that moment;
    /// resuming moves <see cref="StepStartedAt"/> on by the pause's length, so the step ends that much later.
    /// </summary>
    public DateTime? PausedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>What one member means to do before the next meeting (a few per meeting), read by the crew at the next check-in.</summary>
public class MeetingCommitment
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid CrewId { get; set; }
    public string UserId { get; set; } = "";
    public int Position { get; set; }
    public string Text { get; set; } = "";
    public DateTime WrittenAt { get; set; }
}

/// <summary>The focus person's preparation for their case clinic, read by the crew alone.</summary>
public class CasePreparation
{
    public Guid MeetingId { get; set; }
    public Guid CrewId { get; set; }
    public string UserId { get; set; } = "";
    public string Situation { get; set; } = "";
    public string Tried { get; set; } = "";
    public string Question { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

internal sealed class CrewPlanConfiguration : IEntityTypeConfiguration<CrewPlan>
{
    public void Configure(EntityTypeBuilder<CrewPlan> p)
    {
        p.HasKey(x => x.CrewId);
        p.Property(x => x.Steps).HasMaxLength(1000);
        p.HasOne<Crew>().WithMany().HasForeignKey(x => x.CrewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingRoomConfiguration : IEntityTypeConfiguration<MeetingRoom>
{
    public void Configure(EntityTypeBuilder<MeetingRoom> r)
    {
        r.HasKey(x => x.MeetingId);
        r.Property(x => x.Plan).HasMaxLength(1000);
        r.HasOne<CrewMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingCommitmentConfiguration : IEntityTypeConfiguration<MeetingCommitment>
{
    public void Configure(EntityTypeBuilder<MeetingCommitment> c)
    {
        c.Property(x => x.Text).HasMaxLength(500);
        c.HasIndex(x => new { x.MeetingId, x.UserId, x.Position }).IsUnique();
        c.HasIndex(x => new { x.CrewId, x.UserId });
        c.HasOne<CrewMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne<HubUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CasePreparationConfiguration : IEntityTypeConfiguration<CasePreparation>
{
    public void Configure(EntityTypeBuilder<CasePreparation> c)
    {
        c.HasKey(x => x.MeetingId);
        c.Property(x => x.Situation).HasMaxLength(4000);
        c.Property(x => x.Tried).HasMaxLength(4000);
        c.Property(x => x.Question).HasMaxLength(1000);
        c.HasOne<CrewMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne<HubUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
