using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsolidarity.Hub.Data.Gatherings;

internal sealed class GatheringEventConfiguration : IEntityTypeConfiguration<GatheringEvent>
{
    public void Configure(EntityTypeBuilder<GatheringEvent> e)
    {
        e.ToTable("GatheringEvents");
        e.Property(x => x.Title).HasMaxLength(160).IsRequired();
        e.Property(x => x.Description).HasMaxLength(8000);
        e.Property(x => x.Address).HasMaxLength(400);
        e.Property(x => x.CallLink).HasMaxLength(400);
        e.Property(x => x.CoverFile).HasMaxLength(64);
        e.Property(x => x.TimeZone).HasMaxLength(64).IsRequired();
        e.Property(x => x.Recurrence).HasMaxLength(300);
        e.Property(x => x.Questions).HasMaxLength(2000);
        e.Property(x => x.CreatedByUserId).HasMaxLength(450);
        e.Property(x => x.Currency).HasMaxLength(3).IsRequired();
        e.Property(x => x.ApprovalMessage).HasMaxLength(2000);
        e.HasIndex(x => x.StartsAt);
        e.HasIndex(x => x.CongregationId);
        e.HasIndex(x => x.CrewId);
        e.HasMany(x => x.Occurrences).WithOne().HasForeignKey(o => o.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventOccurrenceConfiguration : IEntityTypeConfiguration<EventOccurrence>
{
    public void Configure(EntityTypeBuilder<EventOccurrence> o)
    {
        // One row per occurrence: two people answering an untouched occurrence at once create it once.
        o.HasIndex(x => new { x.EventId, x.OriginalStart }).IsUnique();
    }
}

internal sealed class RsvpConfiguration : IEntityTypeConfiguration<Rsvp>
{
    public void Configure(EntityTypeBuilder<Rsvp> r)
    {
        r.Property(x => x.Answers).HasMaxLength(4000);
        r.HasIndex(x => new { x.OccurrenceId, x.UserId }).IsUnique();
        // NULL occurrences are distinct in a unique index, so answers to a series need their own.
        r.HasIndex(x => new { x.EventId, x.UserId }).IsUnique().HasFilter("\"OccurrenceId\" IS NULL");
        r.HasIndex(x => x.UserId);
        r.HasOne<GatheringEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne(x => x.Occurrence).WithMany().HasForeignKey(x => x.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberCalendarConfiguration : IEntityTypeConfiguration<MemberCalendar>
{
    public void Configure(EntityTypeBuilder<MemberCalendar> c)
    {
        c.HasKey(x => x.UserId);
        c.Property(x => x.Token).HasMaxLength(64).IsRequired();
        c.HasIndex(x => x.Token).IsUnique();
        c.HasOne<Accounts.HubUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderPreferenceConfiguration : IEntityTypeConfiguration<ReminderPreference>
{
    public void Configure(EntityTypeBuilder<ReminderPreference> p)
    {
        p.HasKey(x => x.UserId);
        p.HasOne<Accounts.HubUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> r)
    {
        r.HasIndex(x => new { x.EventId, x.OccurrenceStart, x.UserId, x.MinutesBefore }).IsUnique();
        r.HasOne<GatheringEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<Accounts.HubUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TicketTierConfiguration : IEntityTypeConfiguration<TicketTier>
{
    public void Configure(EntityTypeBuilder<TicketTier> t)
    {
        t.Property(x => x.Name).HasMaxLength(80).IsRequired();
        t.Property(x => x.Price).HasPrecision(12, 2);
        t.Property(x => x.Minimum).HasPrecision(12, 2);
        t.HasIndex(x => x.EventId);
        t.HasOne<GatheringEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DiscountCodeConfiguration : IEntityTypeConfiguration<DiscountCode>
{
    public void Configure(EntityTypeBuilder<DiscountCode> d)
    {
        d.Property(x => x.Code).HasMaxLength(40).IsRequired();
        d.HasIndex(x => new { x.EventId, x.Code }).IsUnique();
        d.HasOne<GatheringEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> t)
    {
        t.Property(x => x.Amount).HasPrecision(12, 2);
        t.Property(x => x.Granted).HasPrecision(12, 2);
        t.Property(x => x.DiscountCode).HasMaxLength(40);
        t.Property(x => x.ScholarshipRequest).HasMaxLength(4000);
        t.Property(x => x.MarkedPaidByUserId).HasMaxLength(450);
        t.Ignore(x => x.Due);
        t.HasIndex(x => new { x.EventId, x.UserId }).IsUnique();
        t.Property(x => x.PaymentReference).HasMaxLength(20);
        t.HasIndex(x => x.PaymentReference).IsUnique();
        t.HasOne<GatheringEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        t.HasOne<TicketTier>().WithMany().HasForeignKey(x => x.TierId).OnDelete(DeleteBehavior.Restrict);
        t.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.Property(x => x.Label).HasMaxLength(200).IsRequired();
        b.Property(x => x.Amount).HasPrecision(12, 2);
        b.HasIndex(x => x.EventId);
        b.HasOne<GatheringEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AvailabilityMarkConfiguration : IEntityTypeConfiguration<AvailabilityMark>
{
    public void Configure(EntityTypeBuilder<AvailabilityMark> m)
    {
        m.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        m.Property(x => x.Grid).HasMaxLength(168).IsRequired();
        m.Property(x => x.TimeZone).HasMaxLength(64).IsRequired();
        m.HasIndex(x => new { x.GroupKind, x.GroupId, x.UserId }).IsUnique();
    }
}

internal sealed class FoundTimeConfiguration : IEntityTypeConfiguration<FoundTime>
{
    public void Configure(EntityTypeBuilder<FoundTime> f)
    {
        f.Property(x => x.TimeZone).HasMaxLength(64).IsRequired();
        f.Property(x => x.ConfirmedByUserId).HasMaxLength(450);
        // One slot per group: two hosts confirming at once make one series.
        f.HasIndex(x => new { x.GroupKind, x.GroupId }).IsUnique();
        f.HasIndex(x => x.EventId);
    }
}
