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
        e.Property(x => x.TimeZone).HasMaxLength(64).IsRequired();
        e.Property(x => x.Recurrence).HasMaxLength(300);
        e.Property(x => x.Questions).HasMaxLength(2000);
        e.Property(x => x.CreatedByUserId).HasMaxLength(450);
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
