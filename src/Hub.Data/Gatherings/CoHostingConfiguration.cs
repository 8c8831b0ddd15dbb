using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsolidarity.Hub.Data.Gatherings;

internal sealed class EventCoHostConfiguration : IEntityTypeConfiguration<EventCoHost>
{
    public void Configure(EntityTypeBuilder<EventCoHost> c)
    {
        // One row per person and event: a second invitation reopens it.
        c.HasIndex(x => new { x.EventId, x.UserId }).IsUnique();
        c.HasIndex(x => x.UserId);
        c.Property(x => x.InvitedByUserId).HasMaxLength(450);
        c.HasOne<GatheringEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventHostActionConfiguration : IEntityTypeConfiguration<EventHostAction>
{
    public void Configure(EntityTypeBuilder<EventHostAction> a)
    {
        a.HasIndex(x => new { x.EventId, x.At });
        a.Property(x => x.ByUserId).HasMaxLength(450);
        a.Property(x => x.What).HasMaxLength(300).IsRequired();
        a.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        a.HasOne<GatheringEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
