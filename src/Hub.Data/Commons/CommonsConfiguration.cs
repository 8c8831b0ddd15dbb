using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Commons;

public sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> e)
    {
        e.Property(x => x.Fund).HasMaxLength(60);
        e.Property(x => x.Currency).HasMaxLength(3);
        e.Property(x => x.Description).HasMaxLength(500);
        e.Property(x => x.Category).HasMaxLength(60);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.ExternalId).HasMaxLength(200);
        e.HasIndex(x => x.ExternalId).IsUnique();
        e.HasIndex(x => new { x.Fund, x.Currency, x.OccurredAt });
        e.HasIndex(x => x.ContributorUserId);
        e.HasIndex(x => x.PledgeId);
        e.Property(x => x.ProviderPaymentId).HasMaxLength(200);
        e.HasIndex(x => x.ProviderPaymentId);
        e.HasIndex(x => x.TicketId);
        // One correction per entry by hand: a second reversal of the same entry is refused by the database.
        // A provider's refunds (which carry an external id) may come in parts, each its own entry.
        e.HasIndex(x => x.ReversesEntryId).IsUnique().HasFilter("\"ExternalId\" IS NULL");
    }
}

public sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> e)
    {
        e.Property(x => x.Currency).HasMaxLength(3);
        e.Property(x => x.Reference).HasMaxLength(20);
        e.HasIndex(x => x.Reference).IsUnique();
        e.HasIndex(x => x.UserId);
        e.HasOne<HubUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BankAccountConfiguration : IEntityTypeConfiguration<BankAccount>
{
    public void Configure(EntityTypeBuilder<BankAccount> e)
    {
        e.Property(x => x.Currency).HasMaxLength(3);
        e.HasIndex(x => x.Currency).IsUnique();
        e.Property(x => x.AccountHolder).HasMaxLength(200);
        e.Property(x => x.Iban).HasMaxLength(34);
        e.Property(x => x.Bic).HasMaxLength(11);
        e.Property(x => x.Instructions).HasMaxLength(1000);
        e.Property(x => x.UpdatedByUserId).HasMaxLength(450);
    }
}

public sealed class CommonsRoleConfiguration : IEntityTypeConfiguration<CommonsRole>
{
    public void Configure(EntityTypeBuilder<CommonsRole> e)
    {
        e.HasIndex(x => new { x.UserId, x.Role }).IsUnique();
        e.HasOne<HubUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> e)
    {
        e.Property(x => x.Currency).HasMaxLength(3);
        e.Property(x => x.Purpose).HasMaxLength(4000);
        e.Property(x => x.Recipient).HasMaxLength(200);
        e.Property(x => x.Category).HasMaxLength(60);
        e.Property(x => x.DecisionReason).HasMaxLength(2000);
        e.Property(x => x.VetoReason).HasMaxLength(2000);
        e.HasIndex(x => x.State);
        e.HasMany(x => x.Advice).WithOne().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AdviceConfiguration : IEntityTypeConfiguration<Advice>
{
    public void Configure(EntityTypeBuilder<Advice> e)
    {
        e.Property(x => x.Text).HasMaxLength(4000);
        e.HasIndex(x => x.UserId);
    }
}

public sealed class FundraisingGoalConfiguration : IEntityTypeConfiguration<FundraisingGoal>
{
    public void Configure(EntityTypeBuilder<FundraisingGoal> e)
    {
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Category).HasMaxLength(60);
        e.Property(x => x.Currency).HasMaxLength(3);
    }
}
