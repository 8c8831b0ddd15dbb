using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>Any contributor advises on an open proposal: support, a concern, or an objection, always with words.</summary>
public sealed class GiveAdvice(HubDbContext db, TimeProvider time, CommonsAccess access)
{
    public async Task<Outcome> RunAsync(string userId, Guid proposalId, AdviceKind kind, string text, CancellationToken cancellationToken = default)
    {
        if (!await access.IsContributorAsync(userId, cancellationToken))
        {
            return Outcome.Refused("Advice comes from people who have contributed to the commons.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome.Refused("Put your advice in words: what you see, and why.", "Text");
        }
        if (text.Trim().Length > 4000)
        {
            return Outcome.Refused("Keep your advice under 4,000 characters.", "Text");
        }
        var state = await db.Proposals.Where(p => p.Id == proposalId).Select(p => (ProposalState?)p.State).SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            return Outcome.Refused("That proposal is not there.");
        }
        if (state != ProposalState.Open)
        {
            return Outcome.Refused("This proposal has been decided; advice is closed.");
        }
        db.Advice.Add(new Advice { Id = Guid.NewGuid(), ProposalId = proposalId, UserId = userId, Kind = kind, Text = text.Trim(), GivenAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
