using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsolidarity.Hub.Data.Updates;

internal sealed class NewsletterSubscriberConfiguration : IEntityTypeConfiguration<NewsletterSubscriber>
{
    public void Configure(EntityTypeBuilder<NewsletterSubscriber> s)
    {
        s.Property(x => x.Email).HasMaxLength(320).IsRequired();
        s.Property(x => x.NormalizedEmail).HasMaxLength(320).IsRequired();
        s.Property(x => x.Name).HasMaxLength(200);
        s.Property(x => x.Token).HasMaxLength(64).IsRequired();
        s.Property(x => x.BounceReason).HasMaxLength(500);
        s.Property(x => x.Language).HasMaxLength(16);
        s.HasIndex(x => x.NormalizedEmail).IsUnique();
        s.HasIndex(x => x.Token).IsUnique();
        s.Ignore(x => x.Receives);
    }
}

internal sealed class NewsletterIssueConfiguration : IEntityTypeConfiguration<NewsletterIssue>
{
    public void Configure(EntityTypeBuilder<NewsletterIssue> i)
    {
        i.Property(x => x.Subject).HasMaxLength(200).IsRequired();
        i.Property(x => x.Markdown).HasMaxLength(100_000).IsRequired();
        i.Property(x => x.BaseUrl).HasMaxLength(300);
        i.HasIndex(x => x.SentAt);
    }
}

internal sealed class NewsletterDeliveryConfiguration : IEntityTypeConfiguration<NewsletterDelivery>
{
    public void Configure(EntityTypeBuilder<NewsletterDelivery> d)
    {
        d.HasIndex(x => new { x.IssueId, x.SubscriberId }).IsUnique();
        d.HasIndex(x => new { x.SentAt, x.FailedAt, x.NextAttemptAt });
        d.HasIndex(x => x.SubscriberId);
        d.Property(x => x.LastError).HasMaxLength(2000);
        d.HasOne<NewsletterIssue>().WithMany().HasForeignKey(x => x.IssueId).OnDelete(DeleteBehavior.Cascade);
        d.HasOne<NewsletterSubscriber>().WithMany().HasForeignKey(x => x.SubscriberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EpisodeConfiguration : IEntityTypeConfiguration<Episode>
{
    public void Configure(EntityTypeBuilder<Episode> e)
    {
        e.Property(x => x.Slug).HasMaxLength(120).IsRequired();
        e.Property(x => x.Title).HasMaxLength(200).IsRequired();
        e.Property(x => x.ShowNotesMarkdown).HasMaxLength(50_000);
        e.Property(x => x.AudioFile).HasMaxLength(200);
        e.Property(x => x.AudioUrl).HasMaxLength(1000);
        e.Property(x => x.AudioType).HasMaxLength(100);
        e.Property(x => x.VideoUrl).HasMaxLength(1000);
        e.HasIndex(x => x.Slug).IsUnique();
        e.HasIndex(x => x.PublishedAt);
    }
}

internal sealed class WebhookTargetConfiguration : IEntityTypeConfiguration<WebhookTarget>
{
    public void Configure(EntityTypeBuilder<WebhookTarget> t)
    {
        t.Property(x => x.Name).HasMaxLength(120).IsRequired();
        t.Property(x => x.Url).HasMaxLength(1000).IsRequired();
        t.Property(x => x.Secret).HasMaxLength(500);
        t.Property(x => x.Kinds).HasMaxLength(100);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> d)
    {
        d.Property(x => x.Kind).HasMaxLength(40);
        d.Property(x => x.Title).HasMaxLength(300);
        d.Property(x => x.LastError).HasMaxLength(2000);
        d.HasIndex(x => new { x.DeliveredAt, x.FailedAt, x.NextAttemptAt });
        d.HasIndex(x => new { x.TargetId, x.CreatedAt });
        d.HasOne<WebhookTarget>().WithMany().HasForeignKey(x => x.TargetId).OnDelete(DeleteBehavior.Cascade);
    }
}
