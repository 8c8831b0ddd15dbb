using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsolidarity.Hub.Data.Platform;

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> submission)
    {
        submission.HasKey(s => s.Token);
        submission.Property(s => s.Token).HasMaxLength(64);
        submission.Property(s => s.UserId).HasMaxLength(450);
        submission.Property(s => s.ResultUrl).HasMaxLength(2000);
        submission.Property(s => s.Notice).HasMaxLength(1000);
        submission.HasIndex(s => s.SubmittedAt);
    }
}
