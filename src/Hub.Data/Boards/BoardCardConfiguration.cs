using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.Crews;

namespace Microsolidarity.Hub.Data.Boards;

internal sealed class BoardCardConfiguration : IEntityTypeConfiguration<BoardCard>
{
    public void Configure(EntityTypeBuilder<BoardCard> c)
    {
        c.Property(x => x.Text).HasMaxLength(500).IsRequired();
        c.HasIndex(x => x.CrewId);
        c.HasIndex(x => x.WorkingGroupId);
        c.HasIndex(x => x.CongregationId);
        c.HasIndex(x => x.AuthorUserId);
        c.HasOne<Crew>().WithMany().HasForeignKey(x => x.CrewId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne<WorkingGroup>().WithMany().HasForeignKey(x => x.WorkingGroupId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne<Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne<HubUser>().WithMany().HasForeignKey(x => x.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        c.ToTable(t => t.HasCheckConstraint("CK_BoardCards_OneOwner",
            "(CASE WHEN \"CrewId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"WorkingGroupId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"CongregationId\" IS NULL THEN 0 ELSE 1 END) = 1"));
    }
}
