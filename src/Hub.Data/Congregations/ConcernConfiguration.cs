using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsolidarity.Hub.Data.Congregations;

internal sealed class ConcernConfiguration : IEntityTypeConfiguration<Concern>
{
    public const int MaxText = 8000, MaxNote = 4000;

    public void Configure(EntityTypeBuilder<Concern> c)
    {
        c.Property(x => x.Text).HasMaxLength(MaxText).IsRequired();
        c.Property(x => x.ClosingNote).HasMaxLength(MaxNote);
        c.HasOne<Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        // The people named stay optional: an account deleted leaves the concern, without its id (ConcernPersonalData).
        c.HasOne(x => x.RaisedBy).WithMany().HasForeignKey(x => x.RaisedByUserId).OnDelete(DeleteBehavior.SetNull);
        c.HasOne(x => x.About).WithMany().HasForeignKey(x => x.AboutUserId).OnDelete(DeleteBehavior.SetNull);
        c.HasOne<Accounts.HubUser>().WithMany().HasForeignKey(x => x.AcknowledgedByUserId).OnDelete(DeleteBehavior.SetNull);
        c.HasOne<Accounts.HubUser>().WithMany().HasForeignKey(x => x.ClosedByUserId).OnDelete(DeleteBehavior.SetNull);
        c.HasOne<Crews.Crew>().WithMany().HasForeignKey(x => x.AboutCrewId).OnDelete(DeleteBehavior.SetNull);
        c.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.ConcernId).OnDelete(DeleteBehavior.Cascade);
        c.HasIndex(x => new { x.CongregationId, x.CreatedAt });
        // The reminder job reads the open, unacknowledged ones by their deadline.
        c.HasIndex(x => new { x.AcknowledgedAt, x.ReminderSentAt, x.AcknowledgeBy });
        c.HasIndex(x => x.RaisedByUserId);
        c.HasIndex(x => x.AboutUserId);
        c.HasIndex(x => x.AcknowledgedByUserId);
        c.HasIndex(x => x.ClosedByUserId);
    }
}

internal sealed class ConcernStepConfiguration : IEntityTypeConfiguration<ConcernStep>
{
    public void Configure(EntityTypeBuilder<ConcernStep> s)
    {
        s.Property(x => x.Text).HasMaxLength(ConcernConfiguration.MaxNote).IsRequired();
        s.HasOne<Accounts.HubUser>().WithMany().HasForeignKey(x => x.ByUserId).OnDelete(DeleteBehavior.SetNull);
        s.HasIndex(x => new { x.ConcernId, x.At });
        s.HasIndex(x => x.ByUserId);
    }
}

internal sealed class CongregationAgreementConfiguration : IEntityTypeConfiguration<CongregationAgreement>
{
    public const int MaxText = 20000;

    public void Configure(EntityTypeBuilder<CongregationAgreement> a)
    {
        a.Property(x => x.Text).HasMaxLength(MaxText).IsRequired();
        a.HasOne<Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        a.HasIndex(x => new { x.CongregationId, x.PublishedAt });
    }
}
