using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Congregations;

/// <summary>
/// Something a congregation needs someone to hold (hosting its gatherings, its chat, its money, its newsletter,
/// welcoming newcomers, its accounts elsewhere), with who holds it now and when it is due for a look again.
/// A responsibility is taken on by accepting an invitation, never assigned; hosts add, edit and retire them.
/// </summary>
public class Responsibility
{
    public Guid Id { get; set; }
    public Guid CongregationId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>What it involves, in the hosts' words; may be empty.</summary>
    public string Description { get; set; } = "";

    /// <summary>The day it is due for review (an end date or a check-in), or null for none.</summary>
    public DateOnly? ReviewOn { get; set; }

    /// <summary>The review date the holders and hosts were last told about, so the notice goes once per date.</summary>
    public DateOnly? ReviewNoticeFor { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>When the hosts retired it; it leaves the register then.</summary>
    public DateTime? RetiredAt { get; set; }
    public List<ResponsibilityHolder> Holders { get; set; } = [];
}

/// <summary>One person holding a responsibility, since they accepted it. The row goes when they hand it over or step down.</summary>
public class ResponsibilityHolder
{
    public Guid ResponsibilityId { get; set; }
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;
    public DateTime Since { get; set; }
}

/// <summary>
/// An invitation to hold a responsibility, from a holder or a host, which the member accepts or declines.
/// When a holder hands it over (<see cref="HandOverFromUserId"/>), their holding ends as the new holder accepts.
/// </summary>
public class ResponsibilityOffer
{
    public Guid Id { get; set; }
    public Guid ResponsibilityId { get; set; }
    public Guid CongregationId { get; set; }
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;

    /// <summary>Who invited; empty once their account is gone.</summary>
    public string OfferedByUserId { get; set; } = "";

    /// <summary>The holder who steps down when this is accepted (a hand-over), or null when it adds a holder.</summary>
    public string? HandOverFromUserId { get; set; }
    public string Note { get; set; } = "";
    public OfferStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

internal sealed class ResponsibilityConfiguration : IEntityTypeConfiguration<Responsibility>
{
    public void Configure(EntityTypeBuilder<Responsibility> r)
    {
        r.Property(x => x.Name).HasMaxLength(120).IsRequired();
        r.Property(x => x.Description).HasMaxLength(2000).IsRequired();
        r.HasOne<Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        r.HasMany(x => x.Holders).WithOne().HasForeignKey(h => h.ResponsibilityId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => new { x.CongregationId, x.RetiredAt });
        r.HasIndex(x => x.ReviewOn);
    }
}

internal sealed class ResponsibilityHolderConfiguration : IEntityTypeConfiguration<ResponsibilityHolder>
{
    public void Configure(EntityTypeBuilder<ResponsibilityHolder> h)
    {
        h.HasKey(x => new { x.ResponsibilityId, x.UserId });
        h.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        h.HasIndex(x => x.UserId);
    }
}

internal sealed class ResponsibilityOfferConfiguration : IEntityTypeConfiguration<ResponsibilityOffer>
{
    public void Configure(EntityTypeBuilder<ResponsibilityOffer> o)
    {
        o.Property(x => x.Note).HasMaxLength(2000).IsRequired();
        o.Property(x => x.OfferedByUserId).HasMaxLength(450);
        o.Property(x => x.HandOverFromUserId).HasMaxLength(450);
        o.HasOne<Responsibility>().WithMany().HasForeignKey(x => x.ResponsibilityId).OnDelete(DeleteBehavior.Cascade);
        o.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        o.HasIndex(x => new { x.CongregationId, x.Status });
        o.HasIndex(x => x.UserId);
        o.HasIndex(x => x.ResponsibilityId);
    }
}
