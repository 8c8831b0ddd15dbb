using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsolidarity.Hub.Data.Offers;

internal sealed class OfferPostConfiguration : IEntityTypeConfiguration<OfferPost>
{
    public void Configure(EntityTypeBuilder<OfferPost> p)
    {
        p.Property(x => x.Title).HasMaxLength(OfferLimits.Title).IsRequired();
        p.Property(x => x.Details).HasMaxLength(OfferLimits.Details);
        p.Property(x => x.Skills).HasMaxLength(OfferLimits.Skills);
        p.Property(x => x.Place).HasMaxLength(OfferLimits.Place);
        p.HasOne<Congregations.Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        // A post is its poster's words: it goes with their account.
        p.HasOne(x => x.Poster).WithMany().HasForeignKey(x => x.PosterUserId).OnDelete(DeleteBehavior.Cascade);
        p.HasMany(x => x.Answers).WithOne(a => a.Post).HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Cascade);
        // The lists read open posts by expiry; a profile reads one person's.
        p.HasIndex(x => new { x.CongregationId, x.ExpiresAt });
        p.HasIndex(x => x.PosterUserId);
    }
}

internal sealed class OfferAnswerConfiguration : IEntityTypeConfiguration<OfferAnswer>
{
    public void Configure(EntityTypeBuilder<OfferAnswer> a)
    {
        a.Property(x => x.Message).HasMaxLength(OfferLimits.Message).IsRequired();
        a.HasOne(x => x.From).WithMany().HasForeignKey(x => x.FromUserId).OnDelete(DeleteBehavior.Cascade);
        a.HasIndex(x => new { x.PostId, x.SentAt });
        a.HasIndex(x => x.FromUserId);
    }
}

/// <summary>The column sizes of the offer tables, as the forms check them.</summary>
public static class OfferLimits
{
    public const int Title = 140, Details = 4000, Skills = 300, Place = 120, Message = 2000;
}
