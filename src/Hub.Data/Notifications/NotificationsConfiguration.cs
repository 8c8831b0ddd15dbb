using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.Property(n => n.UserId).HasMaxLength(450).IsRequired();
        notification.Property(n => n.Kind).HasMaxLength(80).IsRequired();
        notification.Property(n => n.Title).HasMaxLength(300).IsRequired();
        notification.Property(n => n.Url).HasMaxLength(1000).IsRequired();
        notification.Property(n => n.About).HasMaxLength(200);
        notification.HasOne<HubUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        // The inbox and the unread badge read by person, newest first.
        notification.HasIndex(n => new { n.UserId, n.CreatedAt });
        // The digest job looks only for rows still waiting.
        notification.HasIndex(n => new { n.Email, n.UserId });
        // An answer finds the notices that asked for it.
        notification.HasIndex(n => n.About);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> preference)
    {
        preference.HasKey(p => new { p.UserId, p.Topic });
        preference.Property(p => p.Topic).HasMaxLength(40);
        preference.HasOne<HubUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
