using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsolidarity.Hub.Data.Congregations;

namespace Microsolidarity.Hub.Data.Introductions;

internal sealed class IntroductionMemberConfiguration : IEntityTypeConfiguration<IntroductionMember>
{
    public const int ShareLength = 200;

    public void Configure(EntityTypeBuilder<IntroductionMember> m)
    {
        m.Property(x => x.Share).HasMaxLength(ShareLength);
        m.HasIndex(x => new { x.CongregationId, x.UserId }).IsUnique();
        m.HasIndex(x => x.UserId);
        m.HasOne<Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        m.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IntroductionRoundConfiguration : IEntityTypeConfiguration<IntroductionRound>
{
    public void Configure(EntityTypeBuilder<IntroductionRound> r)
    {
        r.HasIndex(x => new { x.CongregationId, x.Number }).IsUnique();
        r.HasOne<Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        r.HasMany(x => x.Introductions).WithOne(i => i.Round).HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IntroductionConfiguration : IEntityTypeConfiguration<Introduction>
{
    public void Configure(EntityTypeBuilder<Introduction> i)
    {
        i.HasIndex(x => new { x.CongregationId, x.MadeAt });
        i.HasIndex(x => new { x.AskedAt, x.MadeAt }); // the job reads only introductions not yet asked about
        i.HasMany(x => x.People).WithOne(p => p.Introduction).HasForeignKey(p => p.IntroductionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IntroductionPersonConfiguration : IEntityTypeConfiguration<IntroductionPerson>
{
    public void Configure(EntityTypeBuilder<IntroductionPerson> p)
    {
        p.Property(x => x.Share).HasMaxLength(IntroductionMemberConfiguration.ShareLength);
        p.HasIndex(x => new { x.IntroductionId, x.UserId }).IsUnique();
        p.HasIndex(x => x.UserId);
        p.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
