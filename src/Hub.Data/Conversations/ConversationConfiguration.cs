using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsolidarity.Hub.Data.Conversations;

internal sealed class ConversationThreadConfiguration : IEntityTypeConfiguration<ConversationThread>
{
    public const int MaxTitle = 200, MaxText = 10000, MaxReason = 500;

    public void Configure(EntityTypeBuilder<ConversationThread> t)
    {
        t.Property(x => x.Title).HasMaxLength(MaxTitle).IsRequired();
        t.Property(x => x.ModerationReason).HasMaxLength(MaxReason);
        t.HasOne<Congregations.Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        t.HasOne<Crews.Crew>().WithMany().HasForeignKey(x => x.CrewId).OnDelete(DeleteBehavior.Cascade);
        t.HasOne<Dyads.Dyad>().WithMany().HasForeignKey(x => x.DyadId).OnDelete(DeleteBehavior.Cascade);
        t.HasOne<Congregations.WorkingGroup>().WithMany().HasForeignKey(x => x.WorkingGroupId).OnDelete(DeleteBehavior.Cascade);
        // A thread stays when the person who began it leaves the hub: the others' replies are theirs.
        t.HasOne(x => x.StartedBy).WithMany().HasForeignKey(x => x.StartedByUserId).OnDelete(DeleteBehavior.SetNull);
        t.HasOne<Accounts.HubUser>().WithMany().HasForeignKey(x => x.ModeratedByUserId).OnDelete(DeleteBehavior.SetNull);
        t.HasMany(x => x.Posts).WithOne(p => p.Thread).HasForeignKey(p => p.ThreadId).OnDelete(DeleteBehavior.Cascade);
        // Each space's list, liveliest first.
        t.HasIndex(x => new { x.CongregationId, x.LastPostAt });
        t.HasIndex(x => new { x.CrewId, x.LastPostAt });
        t.HasIndex(x => new { x.DyadId, x.LastPostAt });
        t.HasIndex(x => new { x.WorkingGroupId, x.LastPostAt });
        t.HasIndex(x => new { x.ForNetworkHosts, x.LastPostAt });
        t.HasIndex(x => x.StartedByUserId);
        t.HasIndex(x => x.ModeratedByUserId);
    }
}

internal sealed class ConversationPostConfiguration : IEntityTypeConfiguration<ConversationPost>
{
    public void Configure(EntityTypeBuilder<ConversationPost> p)
    {
        p.Property(x => x.Text).HasMaxLength(ConversationThreadConfiguration.MaxText).IsRequired();
        p.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        p.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.PostId).OnDelete(DeleteBehavior.Cascade);
        p.HasMany(x => x.Reactions).WithOne().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        // Oldest first within a thread; the id breaks a tie between two posts written at the same moment.
        p.HasIndex(x => new { x.ThreadId, x.CreatedAt, x.Id });
        p.HasIndex(x => x.AuthorUserId);
    }
}

internal sealed class ConversationPostVersionConfiguration : IEntityTypeConfiguration<ConversationPostVersion>
{
    public void Configure(EntityTypeBuilder<ConversationPostVersion> v)
    {
        v.Property(x => x.Text).HasMaxLength(ConversationThreadConfiguration.MaxText).IsRequired();
        v.HasIndex(x => new { x.PostId, x.WrittenAt });
    }
}

internal sealed class ConversationReactionConfiguration : IEntityTypeConfiguration<ConversationReaction>
{
    public void Configure(EntityTypeBuilder<ConversationReaction> r)
    {
        // One of each kind per person per post: pressing again takes it back.
        r.HasIndex(x => new { x.PostId, x.UserId, x.Kind }).IsUnique();
        r.HasIndex(x => x.UserId);
        r.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
