using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Commons;

public sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.Property(x => x.Fund).HasMaxLength(60);
        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.Property(x => x.Description).HasMaxLength(500);
        builder.Property(x => x.Category).HasMaxLength(60);
        builder.Property(x => x.RecordedBy).HasMaxLength(200);
        builder.Property(x => x.ExternalId).HasMaxLength(200);
        builder.HasIndex(x => x.ExternalId).IsUnique();
        builder.HasIndex(x => new { x.Fund, x.Currency, x.OccurredAt });
        builder.HasIndex(x => x.ContributorUserId);
        builder.HasIndex(x => x.PledgeId);
        builder.Property(x => x.ProviderPaymentId).HasMaxLength(200);
        builder.HasIndex(x => x.ProviderPaymentId);
        builder.HasIndex(x => x.TicketId);
        // One correction per entry by hand: a second reversal of the same entry is refused by the database.
        // A provider's refunds (which carry an external id) may come in parts, each its own entry.
        builder.HasIndex(x => x.ReversesEntryId).IsUnique().HasFilter("\"ExternalId\" IS NULL");
    }
}

public sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> builder)
    {
        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.Property(x => x.Reference).HasMaxLength(20);
        builder.HasIndex(x => x.Reference).IsUnique();
        builder.HasIndex(x => x.UserId);
        builder.HasOne<HubUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BankAccountConfiguration : IEntityTypeConfiguration<BankAccount>
{
    public void Configure(EntityTypeBuilder<BankAccount> builder)
    {
        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.HasIndex(x => x.Currency).IsUnique();
        builder.Property(x => x.AccountHolder).HasMaxLength(200);
        builder.Property(x => x.Iban).HasMaxLength(34);
        builder.Property(x => x.Bic).HasMaxLength(11);
        builder.Property(x => x.Instructions).HasMaxLength(1000);
        builder.Property(x => x.UpdatedByUserId).HasMaxLength(450);
    }
}

public sealed class CommonsRoleConfiguration : IEntityTypeConfiguration<CommonsRole>
{
    public void Configure(EntityTypeBuilder<CommonsRole> builder)
    {
        builder.HasIndex(x => new { x.UserId, x.Role }).IsUnique();
        builder.HasOne<HubUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.Property(x => x.Purpose).HasMaxLength(4000);
        builder.Property(x => x.Recipient).HasMaxLength(200);
        builder.Property(x => x.Category).HasMaxLength(60);
        builder.Property(x => x.DecisionReason).HasMaxLength(2000);
        builder.Property(x => x.VetoReason).HasMaxLength(2000);
        builder.HasIndex(x => x.State);
        builder.HasMany(x => x.Advice).WithOne().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AdviceConfiguration : IEntityTypeConfiguration<Advice>
{
    public void Configure(EntityTypeBuilder<Advice> builder)
    {
        builder.Property(x => x.Text).HasMaxLength(4000);
        builder.HasIndex(x => x.UserId);
    }
}

public sealed class FundraisingGoalConfiguration : IEntityTypeConfiguration<FundraisingGoal>
{
    public void Configure(EntityTypeBuilder<FundraisingGoal> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(200);
        builder.Property(x => x.Category).HasMaxLength(60);
        builder.Property(x => x.Currency).HasMaxLength(3);
    }
}
