using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsolidarity.Hub.Data.Decisions;

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public const int MaxQuestion = 200, MaxText = 8000, MaxNote = 2000;

    public void Configure(EntityTypeBuilder<Decision> d)
    {
        d.Property(x => x.Question).HasMaxLength(MaxQuestion).IsRequired();
        d.Property(x => x.Proposal).HasMaxLength(MaxText).IsRequired();
        d.Property(x => x.Background).HasMaxLength(MaxText);
        d.Property(x => x.ResultNote).HasMaxLength(MaxNote);
        d.HasOne<Congregations.Congregation>().WithMany().HasForeignKey(x => x.CongregationId).OnDelete(DeleteBehavior.Cascade);
        d.HasOne<Crews.Crew>().WithMany().HasForeignKey(x => x.CrewId).OnDelete(DeleteBehavior.Cascade);
        // A working group's decisions go with the group, as its board does.
        d.HasOne<Congregations.WorkingGroup>().WithMany().HasForeignKey(x => x.WorkingGroupId).OnDelete(DeleteBehavior.Cascade);
        // A proposal is its proposer's words: it goes with their account.
        d.HasOne(x => x.Proposer).WithMany().HasForeignKey(x => x.ProposerUserId).OnDelete(DeleteBehavior.Cascade);
        d.HasOne(x => x.ResultBy).WithMany().HasForeignKey(x => x.ResultByUserId).OnDelete(DeleteBehavior.SetNull);
        d.HasMany(x => x.Answers).WithOne(a => a.Decision).HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Cascade);
        d.HasMany(x => x.Amendments).WithOne().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Cascade);
        d.HasMany(x => x.Advisers).WithOne().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Cascade);
        d.HasMany(x => x.Options).WithOne().HasForeignKey(o => o.DecisionId).OnDelete(DeleteBehavior.Cascade);
        // A congregation's or a crew's decisions, newest first; the closing job reads by closing time.
        d.HasIndex(x => new { x.CongregationId, x.CreatedAt });
        d.HasIndex(x => new { x.CrewId, x.CreatedAt });
        d.HasIndex(x => new { x.WorkingGroupId, x.CreatedAt });
        d.HasIndex(x => new { x.Result, x.ClosesAt });
        d.HasIndex(x => x.ProposerUserId);
        d.HasIndex(x => x.ResultByUserId);
    }
}

internal sealed class DecisionAnswerConfiguration : IEntityTypeConfiguration<DecisionAnswer>
{
    public void Configure(EntityTypeBuilder<DecisionAnswer> a)
    {
        a.Property(x => x.Reason).HasMaxLength(DecisionConfiguration.MaxNote);
        // One answer per person per decision: answering again replaces it.
        a.HasIndex(x => new { x.DecisionId, x.UserId }).IsUnique();
        a.HasIndex(x => x.UserId);
        a.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DecisionAmendmentConfiguration : IEntityTypeConfiguration<DecisionAmendment>
{
    public void Configure(EntityTypeBuilder<DecisionAmendment> a)
    {
        a.Property(x => x.Proposal).HasMaxLength(DecisionConfiguration.MaxText).IsRequired();
        a.Property(x => x.Note).HasMaxLength(DecisionConfiguration.MaxNote);
        a.HasIndex(x => new { x.DecisionId, x.Version }).IsUnique();
    }
}

internal sealed class DecisionAdviserConfiguration : IEntityTypeConfiguration<DecisionAdviser>
{
    public void Configure(EntityTypeBuilder<DecisionAdviser> a)
    {
        a.HasKey(x => new { x.DecisionId, x.UserId });
        a.HasIndex(x => x.UserId);
        a.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DecisionOptionConfiguration : IEntityTypeConfiguration<DecisionOption>
{
    public void Configure(EntityTypeBuilder<DecisionOption> o)
    {
        o.HasIndex(x => new { x.DecisionId, x.Position }).IsUnique();
        o.HasMany(x => x.Answers).WithOne().HasForeignKey(a => a.OptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DecisionPollAnswerConfiguration : IEntityTypeConfiguration<DecisionPollAnswer>
{
    public void Configure(EntityTypeBuilder<DecisionPollAnswer> a)
    {
        // One answer per person per time: a double submit replaces, never counts twice.
        a.HasIndex(x => new { x.OptionId, x.UserId }).IsUnique();
        a.HasIndex(x => new { x.DecisionId, x.UserId });
        a.HasIndex(x => x.UserId);
        a.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
