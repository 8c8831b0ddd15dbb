using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Formation;

internal sealed class PracticeProgramConfiguration : IEntityTypeConfiguration<PracticeProgram>
{
    public void Configure(EntityTypeBuilder<PracticeProgram> p)
    {
        p.Property(x => x.Name).HasMaxLength(120).IsRequired();
        p.Property(x => x.CallSizes).HasMaxLength(200);
        p.Property(x => x.Absences).HasMaxLength(4000);
        p.HasIndex(x => x.FacilitatorUserId);
        // The program is the facilitator's: it goes with their account.
        p.HasOne<HubUser>().WithMany().HasForeignKey(x => x.FacilitatorUserId).OnDelete(DeleteBehavior.Cascade);
        p.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        p.HasMany(x => x.Team).WithOne().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        p.HasIndex(x => x.GatheringId);
        // A gathering that is deleted leaves the program as a program of the names it had.
        p.HasOne<Gatherings.GatheringEvent>().WithMany().HasForeignKey(x => x.GatheringId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PracticeParticipantConfiguration : IEntityTypeConfiguration<PracticeParticipant>
{
    public void Configure(EntityTypeBuilder<PracticeParticipant> p)
    {
        p.Property(x => x.Name).HasMaxLength(120).IsRequired();
        p.Property(x => x.Email).HasMaxLength(256).IsRequired();
        p.Property(x => x.Secret).HasMaxLength(64).IsRequired();
        p.HasIndex(x => x.Secret).IsUnique();
        p.HasIndex(x => new { x.ProgramId, x.Position });
        p.HasIndex(x => x.UserId);
        // The place stays in the facilitator's list (a name and an address) when its account goes.
        p.HasOne<HubUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ProgramFacilitatorConfiguration : IEntityTypeConfiguration<ProgramFacilitator>
{
    public void Configure(EntityTypeBuilder<ProgramFacilitator> f)
    {
        f.HasIndex(x => new { x.ProgramId, x.UserId }).IsUnique();
        f.HasIndex(x => x.UserId);
        f.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        f.HasOne<HubUser>().WithMany().HasForeignKey(x => x.InvitedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
