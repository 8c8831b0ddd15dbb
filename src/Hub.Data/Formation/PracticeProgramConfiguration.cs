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
    }
}
