using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.People;

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> p)
    {
        p.HasKey(x => x.UserId);
        p.HasOne<HubUser>().WithOne().HasForeignKey<Profile>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        p.Property(x => x.Pronouns).HasMaxLength(40);
        p.Property(x => x.Bio).HasMaxLength(2000);
        p.Property(x => x.Interests).HasMaxLength(500);
        p.Property(x => x.Skills).HasMaxLength(500);
        p.Property(x => x.Offers).HasMaxLength(1000);
        p.Property(x => x.Seeks).HasMaxLength(1000);
        p.Property(x => x.Languages).HasMaxLength(200);
        p.Property(x => x.City).HasMaxLength(120);
        p.Property(x => x.TimeZone).HasMaxLength(64);
        p.Property(x => x.Availability).HasMaxLength(168).IsFixedLength();
    }
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> j)
    {
        j.HasOne<HubUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        j.Property(x => x.Prompt).HasMaxLength(200);
        j.Property(x => x.Text).HasMaxLength(20000).IsRequired();
        j.HasIndex(x => new { x.UserId, x.WrittenAt });
    }
}
