using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Congregations;

namespace Microsolidarity.Hub.Data.Formation;

internal sealed class FormationRoundConfiguration : IEntityTypeConfiguration<FormationRound>
{
    public void Configure(EntityTypeBuilder<FormationRound> r)
    {
        r.Property(x => x.Title).HasMaxLength(120).IsRequired();
        r.HasIndex(x => x.CongregationId);
        r.HasOne<Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => x.ProgramId);
        r.HasOne<PracticeProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        // The round belongs to the congregation, not to whoever opened it: it stays when their account goes.
        r.HasOne<HubUser>().WithMany().HasForeignKey(x => x.OpenedByUserId).OnDelete(DeleteBehavior.SetNull);
        r.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        r.HasMany(x => x.Crews).WithOne().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FormationParticipantConfiguration : IEntityTypeConfiguration<FormationParticipant>
{
    public void Configure(EntityTypeBuilder<FormationParticipant> p)
    {
        p.Property(x => x.Interests).HasMaxLength(1000);
        p.Property(x => x.Availability).HasMaxLength(168).IsRequired();
        p.Property(x => x.TimeZone).HasMaxLength(64);
        p.Property(x => x.UnplacedReason).HasMaxLength(300);
        p.HasIndex(x => new { x.RoundId, x.UserId }).IsUnique();
        p.HasIndex(x => x.UserId);
        p.HasIndex(x => x.ProposedCrewId);
        // What a person gave goes with their account.
        p.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne<ProposedCrew>().WithMany().HasForeignKey(x => x.ProposedCrewId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FormationPreferenceConfiguration : IEntityTypeConfiguration<FormationPreference>
{
    public void Configure(EntityTypeBuilder<FormationPreference> p)
    {
        p.HasKey(x => new { x.FromParticipantId, x.AboutParticipantId });
        p.HasIndex(x => x.RoundId);
        p.HasIndex(x => x.AboutParticipantId);
        // Both sides cascade: a preference about someone who left the round (or the hub) means nothing any more.
        p.HasOne<FormationParticipant>().WithMany().HasForeignKey(x => x.FromParticipantId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne<FormationParticipant>().WithMany().HasForeignKey(x => x.AboutParticipantId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne<FormationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposedCrewConfiguration : IEntityTypeConfiguration<ProposedCrew>
{
    public void Configure(EntityTypeBuilder<ProposedCrew> c)
    {
        c.Property(x => x.SharedSlots).HasMaxLength(1000);
        c.Property(x => x.CommonInterests).HasMaxLength(1000);
        c.HasIndex(x => new { x.RoundId, x.Number }).IsUnique();
        // A crew that formed outlives the round's proposal; the proposal only remembers which crew it was.
        c.HasOne<Crews.Crew>().WithMany().HasForeignKey(x => x.CrewId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ProposalMoveConfiguration : IEntityTypeConfiguration<ProposalMove>
{
    public void Configure(EntityTypeBuilder<ProposalMove> m)
    {
        m.HasIndex(x => new { x.HostUserId, x.At });
        m.HasOne<FormationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        m.HasOne<HubUser>().WithMany().HasForeignKey(x => x.HostUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
