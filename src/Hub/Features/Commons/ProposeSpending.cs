using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>Anyone who has contributed proposes how the commons spends its money.</summary>
public sealed class ProposeSpending(HubDbContext db, TimeProvider time, CommonsAccess access)
{
    public sealed record Input(long AmountMinor, string Currency, string Purpose, string Recipient, string? Category);

    public async Task<(Outcome Outcome, Guid? ProposalId)> RunAsync(string userId, Input input, CancellationToken cancellationToken = default)
    {
        if (!await access.IsContributorAsync(userId, cancellationToken))
        {
            return (Outcome.Refused("Proposals come from people who have contributed to the commons. Contribute once, and you can propose."), null);
        }
        if (Money.CheckAmount(input.AmountMinor) is { } amount)
        {
            return (Outcome.Refused(amount, "Amount"), null);
        }
        if (!Money.IsKnown(input.Currency))
        {
            return (Outcome.Refused($"'{input.Currency}' is not a currency the commons keeps. Use one of {string.Join(", ", Money.Currencies)}.", "Currency"), null);
        }
        if (string.IsNullOrWhiteSpace(input.Purpose))
        {
            return (Outcome.Refused("Say what the money is for, so others can advise.", "Purpose"), null);
        }
        if (string.IsNullOrWhiteSpace(input.Recipient))
        {
            return (Outcome.Refused("Say who would receive the money (a person, a fund, a venue).", "Recipient"), null);
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
