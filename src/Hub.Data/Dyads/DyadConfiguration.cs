using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Dyads;

internal sealed class DyadConfiguration : IEntityTypeConfiguration<Dyad>
{
    public void Configure(EntityTypeBuilder<Dyad> d)
    {
        d.Property(x => x.Intention).HasMaxLength(2000);
        d.Property(x => x.CheckInPractice).HasMaxLength(60);
        d.HasIndex(x => x.ProposerUserId);
        d.HasIndex(x => x.PartnerUserId);
        d.HasOne<HubUser>().WithMany().HasForeignKey(x => x.ProposerUserId).OnDelete(DeleteBehavior.Cascade);
        d.HasOne<HubUser>().WithMany().HasForeignKey(x => x.PartnerUserId).OnDelete(DeleteBehavior.Cascade);
        d.HasMany(x => x.CheckIns).WithOne().HasForeignKey(c => c.DyadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DyadCheckInConfiguration : IEntityTypeConfiguration<DyadCheckIn>
{
    public void Configure(EntityTypeBuilder<DyadCheckIn> c)
    {
        c.Property(x => x.Text).HasMaxLength(4000).IsRequired();
        c.HasIndex(x => new { x.DyadId, x.WrittenAt });
    }
}
