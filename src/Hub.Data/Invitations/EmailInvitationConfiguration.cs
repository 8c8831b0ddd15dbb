using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Crews;

namespace Microsolidarity.Hub.Data.Invitations;

internal sealed class EmailInvitationConfiguration : IEntityTypeConfiguration<EmailInvitation>
{
    public void Configure(EntityTypeBuilder<EmailInvitation> i)
    {
        i.Property(x => x.Email).HasMaxLength(320).IsRequired();
        i.Property(x => x.NormalizedEmail).HasMaxLength(320).IsRequired();
        i.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        i.Property(x => x.DyadIntention).HasMaxLength(2000);
        i.HasIndex(x => x.TokenHash).IsUnique();
        i.HasIndex(x => new { x.CrewId, x.NormalizedEmail });
        i.HasIndex(x => new { x.InvitedByUserId, x.NormalizedEmail });
        // A crew that is deleted, or an inviter who deletes their account, takes the open invitations along.
        i.HasOne<Crew>().WithMany().HasForeignKey(x => x.CrewId).OnDelete(DeleteBehavior.Cascade);
        i.HasIndex(x => x.ProgramId);
        i.HasOne<Formation.PracticeProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        i.HasOne<HubUser>().WithMany().HasForeignKey(x => x.InvitedByUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
