using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsolidarity.Hub.Data.Accounts;

internal sealed class HubUserConfiguration : IEntityTypeConfiguration<HubUser>
{
    public void Configure(EntityTypeBuilder<HubUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        user.Property(u => u.Language).HasMaxLength(16);
    }
}

internal sealed class AccountSessionConfiguration : IEntityTypeConfiguration<AccountSession>
{
    public void Configure(EntityTypeBuilder<AccountSession> session)
    {
        session.Property(s => s.Id).HasMaxLength(32);
        session.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        session.Property(s => s.SecurityStamp).HasMaxLength(256).IsRequired();
        session.Property(s => s.Device).HasMaxLength(100).IsRequired();
        session.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        session.HasIndex(s => s.UserId);
    }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> throttle)
    {
        throttle.Property(t => t.AccountKey).HasMaxLength(64).IsRequired();
        throttle.Property(t => t.ClientAddress).HasMaxLength(64).IsRequired();
        throttle.Property(t => t.UnlockTokenHash).HasMaxLength(64);
        throttle.HasIndex(t => new { t.AccountKey, t.ClientAddress }).IsUnique();
        throttle.HasIndex(t => t.UnlockTokenHash);
        // Old rows are swept by age.
        throttle.HasIndex(t => t.LastFailureAt);
    }
}
