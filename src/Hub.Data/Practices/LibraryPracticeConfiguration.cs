using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Congregations;

namespace Microsolidarity.Hub.Data.Practices;

internal sealed class LibraryPracticeConfiguration : IEntityTypeConfiguration<LibraryPractice>
{
    public void Configure(EntityTypeBuilder<LibraryPractice> p)
    {
        p.Property(x => x.Slug).HasMaxLength(60).IsRequired();
        p.HasIndex(x => new { x.CongregationId, x.Slug }).IsUnique();
        p.HasOne<Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        p.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LibraryPracticeVersionConfiguration : IEntityTypeConfiguration<LibraryPracticeVersion>
{
    public void Configure(EntityTypeBuilder<LibraryPracticeVersion> v)
    {
        v.Property(x => x.Title).HasMaxLength(200).IsRequired();
        v.Property(x => x.Text).HasMaxLength(40000).IsRequired();
        v.Property(x => x.Note).HasMaxLength(500).IsRequired();
        v.Property(x => x.ChangedParts).HasMaxLength(500).IsRequired();
        v.HasIndex(x => new { x.PracticeId, x.Number }).IsUnique();
        v.HasIndex(x => x.EditorUserId);
        v.HasOne<HubUser>().WithMany().HasForeignKey(x => x.EditorUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
