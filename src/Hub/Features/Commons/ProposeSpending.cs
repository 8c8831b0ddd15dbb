using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>Anyone who has contributed proposes how the commons spends its money.</summary>
public sealed class ProposeSpending(HubDbContext db, TimeProvider time, CommonsAccess access, IStringLocalizer<Strings> strings)
{
    public sealed record Input(long AmountMinor, string Currency, string Purpose, string Recipient, string? Category);

    public async Task<(Outcome Outcome, Guid? ProposalId)> RunAsync(string userId, Input input, CancellationToken cancellationToken = default)
    {
        if (!await access.IsContributorAsync(userId, cancellationToken))
        {
            return (Outcome.Refused(strings["Commons.Refused.ProposalsFromContributors"]), null);
        }
        if (Money.CheckAmount(input.AmountMinor, strings) is { } amount)
        {
            return (Outcome.Refused(amount, "Amount"), null);
        }
        if (!Money.IsKnown(input.Currency))
        {
            return (Outcome.Refused(Money.UnknownCurrency(input.Currency, strings), "Currency"), null);
        }
        if (string.IsNullOrWhiteSpace(input.Purpose))
        {
            return (Outcome.Refused(strings["Commons.Refused.SayPurpose"], "Purpose"), null);
        }
        if (string.IsNullOrWhiteSpace(input.Recipient))
        {
            return (Outcome.Refused(strings["Commons.Refused.SayRecipient"], "Recipient"), null);
        }
        var proposal = new Proposal
        {
            Id = Guid.NewGuid(),
            ProposerUserId = userId,
            AmountMinor = input.AmountMinor,
            Currency = Money.Normalize(input.Currency),
            Purpose = input.Purpose.Trim(),
            Recipient = input.Recipient.Trim(),
            Category = string.IsNullOrWhiteSpace(input.Category) ? null : input.Category.Trim().ToLowerInvariant(),
            State = ProposalState.Open,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, proposal.Id);
    }
}
