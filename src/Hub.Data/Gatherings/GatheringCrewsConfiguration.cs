using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Gatherings;

internal sealed class GatheringCrewSetConfiguration : IEntityTypeConfiguration<GatheringCrewSet>
{
    public void Configure(EntityTypeBuilder<GatheringCrewSet> s)
    {
        // One set per date: two hosts forming at once make one.
        s.HasIndex(x => new { x.EventId, x.OccurrenceStart }).IsUnique();
        s.HasOne<GatheringEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        s.HasMany(x => x.Crews).WithOne().HasForeignKey(c => c.SetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TemporaryCrewConfiguration : IEntityTypeConfiguration<TemporaryCrew>
{
    public void Configure(EntityTypeBuilder<TemporaryCrew> c)
    {
        c.HasIndex(x => new { x.SetId, x.Number });
        c.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.TemporaryCrewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TemporaryCrewMemberConfiguration : IEntityTypeConfiguration<TemporaryCrewMember>
{
    public void Configure(EntityTypeBuilder<TemporaryCrewMember> m)
    {
        m.HasIndex(x => new { x.SetId, x.UserId }).IsUnique();
        m.HasIndex(x => x.UserId);
        m.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GatheringRatherNotConfiguration : IEntityTypeConfiguration<GatheringRatherNot>
{
    public void Configure(EntityTypeBuilder<GatheringRatherNot> r)
    {
        r.HasIndex(x => new { x.EventId, x.OccurrenceStart, x.FromUserId, x.AboutUserId }).IsUnique();
        r.HasIndex(x => x.AboutUserId);
        r.HasOne<GatheringEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<HubUser>().WithMany().HasForeignKey(x => x.FromUserId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<HubUser>().WithMany().HasForeignKey(x => x.AboutUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
