using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsolidarity.Hub.Data.Crews;

internal sealed class CrewConfiguration : IEntityTypeConfiguration<Crew>
{
    public void Configure(EntityTypeBuilder<Crew> c)
    {
        c.Property(x => x.Name).HasMaxLength(120).IsRequired();
        c.Property(x => x.Purpose).HasMaxLength(2000);
        c.Property(x => x.TimeZone).HasMaxLength(64).IsRequired();
        c.Property(x => x.LastOutcome).HasMaxLength(300);
        c.HasIndex(x => x.CongregationId);
        c.HasMany(x => x.Members).WithOne(m => m.Crew).HasForeignKey(m => m.CrewId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Meetings).WithOne().HasForeignKey(m => m.CrewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CrewMemberConfiguration : IEntityTypeConfiguration<CrewMember>
{
    public void Configure(EntityTypeBuilder<CrewMember> m)
    {
        m.HasIndex(x => new { x.CrewId, x.UserId }).IsUnique();
        m.HasIndex(x => x.UserId);
        m.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CrewMeetingConfiguration : IEntityTypeConfiguration<CrewMeeting>
{
    public void Configure(EntityTypeBuilder<CrewMeeting> m)
    {
        m.Property(x => x.Notes).HasMaxLength(20000);
        m.HasIndex(x => new { x.CrewId, x.Term, x.Number }).IsUnique();
        m.HasIndex(x => new { x.ReminderSentAt, x.StartsAt }); // the reminder job reads only unsent, soon meetings
    }
}

internal sealed class RetrospectiveAnswerConfiguration : IEntityTypeConfiguration<RetrospectiveAnswer>
{
    public void Configure(EntityTypeBuilder<RetrospectiveAnswer> a)
    {
        a.Property(x => x.WhatWorked).HasMaxLength(4000);
        a.Property(x => x.WhatDidNot).HasMaxLength(4000);
        a.HasIndex(x => new { x.CrewId, x.Term, x.UserId }).IsUnique();
    }
}

internal sealed class CrewCallConfiguration : IEntityTypeConfiguration<CrewCall>
{
    public void Configure(EntityTypeBuilder<CrewCall> c)
    {
        c.Property(x => x.Name).HasMaxLength(120).IsRequired();
        c.Property(x => x.Purpose).HasMaxLength(2000).IsRequired();
        c.Property(x => x.TimeZone).HasMaxLength(64).IsRequired();
        c.HasOne<Congregations.Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne(x => x.Caller).WithMany().HasForeignKey(x => x.CallerUserId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Requests).WithOne(r => r.Call).HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Cascade);
        // A congregation's open calls, and every open call on /crews, read by state and closing time.
        c.HasIndex(x => new { x.CongregationId, x.State, x.ClosesAt });
        c.HasIndex(x => new { x.State, x.ClosesAt });
        c.HasIndex(x => x.CallerUserId);
    }
}

internal sealed class CrewCallRequestConfiguration : IEntityTypeConfiguration<CrewCallRequest>
{
    public void Configure(EntityTypeBuilder<CrewCallRequest> r)
    {
        r.Property(x => x.Note).HasMaxLength(1000);
        r.Property(x => x.Reply).HasMaxLength(2000);
        r.HasIndex(x => new { x.CallId, x.UserId }).IsUnique();
        r.HasIndex(x => x.UserId);
        r.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> a)
    {
        a.Property(x => x.Text).HasMaxLength(8000).IsRequired();
        a.Property(x => x.Note).HasMaxLength(1000);
        a.HasIndex(x => new { x.CrewId, x.Version });
        a.HasIndex(x => new { x.DyadId, x.Version });
        a.HasIndex(x => x.ProposedByUserId);
        a.HasOne<Crew>().WithMany().HasForeignKey(x => x.CrewId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<Dyads.Dyad>().WithMany().HasForeignKey(x => x.DyadId).OnDelete(DeleteBehavior.Cascade);
        a.HasMany(x => x.Acceptances).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementAcceptanceConfiguration : IEntityTypeConfiguration<AgreementAcceptance>
{
    public void Configure(EntityTypeBuilder<AgreementAcceptance> a)
    {
        a.HasIndex(x => new { x.AgreementId, x.UserId }).IsUnique();
        a.HasIndex(x => x.UserId);
        a.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SharedReflectionConfiguration : IEntityTypeConfiguration<SharedReflection>
{
    public void Configure(EntityTypeBuilder<SharedReflection> r)
    {
        r.Property(x => x.WhatWorked).HasMaxLength(4000);
        r.Property(x => x.WhatDidNot).HasMaxLength(4000);
        r.Property(x => x.OneChange).HasMaxLength(1000);
        r.HasIndex(x => new { x.CrewId, x.Term, x.AtMeeting, x.UserId }).IsUnique();
        r.HasIndex(x => x.UserId);
        r.HasOne<Crew>().WithMany().HasForeignKey(x => x.CrewId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CrewChangeConfiguration : IEntityTypeConfiguration<CrewChange>
{
    public void Configure(EntityTypeBuilder<CrewChange> c)
    {
        c.Property(x => x.Text).HasMaxLength(1000).IsRequired();
        c.HasIndex(x => new { x.CrewId, x.Term, x.AtMeeting });
        c.HasIndex(x => x.AddedByUserId);
        c.HasOne<Crew>().WithMany().HasForeignKey(x => x.CrewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CrewLessonConfiguration : IEntityTypeConfiguration<CrewLesson>
{
    public void Configure(EntityTypeBuilder<CrewLesson> l)
    {
        l.Property(x => x.Text).HasMaxLength(2000).IsRequired();
        l.HasIndex(x => new { x.CongregationId, x.SharedAt });
        l.HasIndex(x => x.CrewId);
        l.HasIndex(x => x.SharedByUserId);
        l.HasOne<Congregations.Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        l.HasOne<Crew>().WithMany().HasForeignKey(x => x.CrewId).OnDelete(DeleteBehavior.Cascade);
        l.HasMany(x => x.Answers).WithOne().HasForeignKey(a => a.LessonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CrewLessonAnswerConfiguration : IEntityTypeConfiguration<CrewLessonAnswer>
{
    public void Configure(EntityTypeBuilder<CrewLessonAnswer> a)
    {
        a.HasIndex(x => new { x.LessonId, x.UserId }).IsUnique();
        a.HasIndex(x => x.UserId);
        a.HasOne<Accounts.HubUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
