using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsolidarity.Hub.Data.Platform;

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> email)
    {
        email.Property(e => e.ToAddress).HasMaxLength(320).IsRequired();
        email.Property(e => e.ToName).HasMaxLength(200);
        email.Property(e => e.Subject).HasMaxLength(300).IsRequired();
        email.Property(e => e.LastError).HasMaxLength(2000);
        email.Property(e => e.AttachmentFileName).HasMaxLength(200);
        email.Property(e => e.AttachmentContentType).HasMaxLength(200);
        email.Property(e => e.ReplyToAddress).HasMaxLength(320);
        email.Property(e => e.ThreadMessageId).HasMaxLength(200);
        email.Property(e => e.InReplyTo).HasMaxLength(200);
        email.Property(e => e.References).HasMaxLength(4000);
        email.HasIndex(e => new { e.SentAt, e.FailedAt, e.NextAttemptAt });
    }
}
