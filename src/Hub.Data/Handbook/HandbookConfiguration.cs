using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsolidarity.Hub.Data.Handbook;

internal sealed class HandbookPageConfiguration : IEntityTypeConfiguration<HandbookPage>
{
    public void Configure(EntityTypeBuilder<HandbookPage> page)
    {
        page.Property(p => p.SourcePath).HasMaxLength(500);
        page.Property(p => p.Path).HasMaxLength(500);
        page.Property(p => p.Title).HasMaxLength(500);
        page.Property(p => p.Description).HasMaxLength(2000);
        page.Property(p => p.Cover).HasMaxLength(500);
        page.Property(p => p.ParentPath).HasMaxLength(500);
        page.Property(p => p.Author).HasMaxLength(1000);
        page.Property(p => p.ContentHash).HasMaxLength(64);
        page.HasIndex(p => p.SourcePath).IsUnique();
        page.HasIndex(p => p.Path).IsUnique();
        page.HasIndex(p => p.Order);
    }
}

internal sealed class HandbookInfoConfiguration : IEntityTypeConfiguration<HandbookInfo>
{
    public void Configure(EntityTypeBuilder<HandbookInfo> info)
    {
        info.Property(i => i.Title).HasMaxLength(300);
        info.Property(i => i.Source).HasMaxLength(2000);
        info.Property(i => i.EditUrlPrefix).HasMaxLength(2000);
        info.Property(i => i.Author).HasMaxLength(300);
        info.Property(i => i.LicenceName).HasMaxLength(200);
        info.Property(i => i.LicenceUrl).HasMaxLength(500);
    }
}

internal sealed class HandbookImportConfiguration : IEntityTypeConfiguration<HandbookImport>
{
    public void Configure(EntityTypeBuilder<HandbookImport> import)
    {
        import.Property(i => i.Source).HasMaxLength(2000);
        import.HasIndex(i => i.StartedAt);
        import.Property(i => i.Trigger).HasMaxLength(20);
        import.Property(i => i.Stage).HasMaxLength(200);
    }
}

internal sealed class HandbookSyncConfiguration : IEntityTypeConfiguration<HandbookSync>
{
    public void Configure(EntityTypeBuilder<HandbookSync> sync)
    {
        sync.Property(s => s.Id).ValueGeneratedNever();
        sync.Property(s => s.Interval).HasConversion<string>().HasMaxLength(20);
        // The row exists from the first migration on, so claiming an import is always one conditional UPDATE.
        sync.HasData(new HandbookSync { Id = HandbookSync.SingletonId, Interval = HandbookResyncInterval.Off });
    }
}
