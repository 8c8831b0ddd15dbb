using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsolidarity.Hub.Data.Congregations;

internal sealed class CongregationConfiguration : IEntityTypeConfiguration<Congregation>
{
    public void Configure(EntityTypeBuilder<Congregation> c)
    {
        c.HasIndex(x => x.Slug).IsUnique();
        c.Property(x => x.Slug).HasMaxLength(80).IsRequired();
        c.Property(x => x.Name).HasMaxLength(120).IsRequired();
        c.Property(x => x.Purpose).HasMaxLength(2000);
        c.Property(x => x.Place).HasMaxLength(120);
        c.Property(x => x.Languages).HasMaxLength(200);
        c.Property(x => x.CoverFile).HasMaxLength(64);
        c.Property(x => x.JoinQuestions).HasMaxLength(2000);
        // Congregations made before concerns existed start with three days too.
        c.Property(x => x.ConcernAcknowledgeDays).HasDefaultValue(3).HasSentinel(0);
        c.HasMany(x => x.Levels).WithOne().HasForeignKey(l => l.CongregationId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Members).WithOne(m => m.Congregation).HasForeignKey(m => m.CongregationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MembershipLevelConfiguration : IEntityTypeConfiguration<MembershipLevel>
{
    public void Configure(EntityTypeBuilder<MembershipLevel> l)
    {
        l.Property(x => x.Name).HasMaxLength(60).IsRequired();
        l.Property(x => x.Description).HasMaxLength(2000);
        l.HasIndex(x => new { x.CongregationId, x.Rank });
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> m)
    {
        // One membership per person and congregation: the database settles two joins at the same moment.
        m.HasIndex(x => new { x.CongregationId, x.UserId }).IsUnique();
        m.HasIndex(x => x.UserId);
        m.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        m.HasOne(x => x.Level).WithMany().HasForeignKey(x => x.LevelId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JoinRequestConfiguration : IEntityTypeConfiguration<JoinRequest>
{
    public void Configure(EntityTypeBuilder<JoinRequest> r)
    {
        r.Property(x => x.Answers).HasMaxLength(4000);
        r.HasIndex(x => new { x.CongregationId, x.Status });
        r.HasOne(x => x.Congregation).WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> i)
    {
        i.Property(x => x.Email).HasMaxLength(320).IsRequired();
        i.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        i.Property(x => x.Message).HasMaxLength(2000);
        i.HasIndex(x => x.TokenHash).IsUnique();
        i.HasIndex(x => new { x.CongregationId, x.Email });
        i.HasOne(x => x.Congregation).WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RemovalConfiguration : IEntityTypeConfiguration<Removal>
{
    public void Configure(EntityTypeBuilder<Removal> r)
    {
        r.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        r.HasIndex(x => x.CongregationId);
    }
}

internal sealed class CongregationHostActionConfiguration : IEntityTypeConfiguration<CongregationHostAction>
{
    public void Configure(EntityTypeBuilder<CongregationHostAction> a)
    {
        a.HasIndex(x => new { x.CongregationId, x.At });
        a.Property(x => x.ByUserId).HasMaxLength(450);
        a.Property(x => x.AboutUserId).HasMaxLength(450).IsRequired().HasDefaultValue("");
        a.Property(x => x.What).HasMaxLength(300).IsRequired();
        a.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        a.HasOne<Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkingGroupConfiguration : IEntityTypeConfiguration<WorkingGroup>
{
    public void Configure(EntityTypeBuilder<WorkingGroup> g)
    {
        g.Property(x => x.Name).HasMaxLength(120).IsRequired();
        g.Property(x => x.Purpose).HasMaxLength(2000).IsRequired();
        g.HasOne<Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        g.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.WorkingGroupId).OnDelete(DeleteBehavior.Cascade);
        g.HasIndex(x => new { x.CongregationId, x.EndsOn });
    }
}

internal sealed class WorkingGroupMemberConfiguration : IEntityTypeConfiguration<WorkingGroupMember>
{
    public void Configure(EntityTypeBuilder<WorkingGroupMember> m)
    {
        m.HasKey(x => new { x.WorkingGroupId, x.UserId });
        m.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        m.HasIndex(x => x.UserId);
    }
}

internal sealed class MembershipOfferConfiguration : IEntityTypeConfiguration<MembershipOffer>
{
    public void Configure(EntityTypeBuilder<MembershipOffer> o)
    {
        o.Property(x => x.Message).HasMaxLength(2000);
        o.Property(x => x.OfferedByUserId).HasMaxLength(450);
        o.HasIndex(x => new { x.CongregationId, x.Status });
        o.HasIndex(x => x.UserId);
        o.HasOne<Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        o.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        o.HasOne<MembershipLevel>().WithMany().HasForeignKey(x => x.LevelId).OnDelete(DeleteBehavior.Cascade);
    }
}
