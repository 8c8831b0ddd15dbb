using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Platform;

internal sealed class EmailReplyAddressConfiguration : IEntityTypeConfiguration<EmailReplyAddress>
{
    public void Configure(EntityTypeBuilder<EmailReplyAddress> address)
    {
        address.HasKey(a => a.Token);
        address.Property(a => a.Token).HasMaxLength(64);
        address.Property(a => a.Kind).HasMaxLength(64);
        address.Property(a => a.Key).HasMaxLength(200);
        address.Property(a => a.UserId).HasMaxLength(450);
        // The addresses go with the account: a deleted person's old emails cannot post in their name.
        address.HasOne<HubUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        address.HasIndex(a => a.CreatedAt);
    }
}

internal sealed class EmailReplyReceiptConfiguration : IEntityTypeConfiguration<EmailReplyReceipt>
{
    public void Configure(EntityTypeBuilder<EmailReplyReceipt> receipt)
    {
        receipt.HasKey(r => r.MessageKey);
        receipt.Property(r => r.MessageKey).HasMaxLength(300);
        receipt.Property(r => r.Result).HasMaxLength(300);
        receipt.HasIndex(r => r.ProcessedAt);
    }
}
