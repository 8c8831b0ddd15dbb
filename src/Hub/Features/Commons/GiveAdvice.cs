using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>Any contributor advises on an open proposal: support, a concern, or an objection, always with words.</summary>
public sealed class GiveAdvice(HubDbContext db, TimeProvider time, CommonsAccess access, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string userId, Guid proposalId, AdviceKind kind, string text, CancellationToken cancellationToken = default)
    {
        if (!await access.IsContributorAsync(userId, cancellationToken))
        {
            return Outcome.Refused(strings["Commons.Refused.AdviceFromContributors"]);
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome.Refused(strings["Commons.Refused.AdviceInWords"], "Text");
        }
        if (text.Trim().Length > 4000)
        {
            return Outcome.Refused(strings["Commons.Refused.AdviceTooLong"], "Text");
        }
        var state = await db.Proposals.Where(p => p.Id == proposalId).Select(p => (ProposalState?)p.State).SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            return Outcome.Refused(strings["Commons.Refused.ProposalNotThere"]);
        }
        if (state != ProposalState.Open)
        {
            return Outcome.Refused(strings["Commons.Refused.AdviceClosed"]);
        }
        db.Advice.Add(new Advice { Id = Guid.NewGuid(), ProposalId = proposalId, UserId = userId, Kind = kind, Text = text.Trim(), GivenAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
