using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Agreements;

/// <summary>
/// A member accepts a version of the agreements: the one proposed (when the last member accepts, it comes into
/// force and the earlier one is replaced) or the one in force (someone who joined after it did says yes to it).
/// </summary>
public sealed class AcceptAgreement(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(AgreementGroup group, Guid agreementId, CancellationToken cancellationToken = default)
    {
        if (!group.IsMember)
        {
            return Outcome.Refused(strings["Crews.Agreements.OnlyMembersAccept"]);
        }
        if (await group.EndedAsync(db, cancellationToken))
        {
            return Outcome.Refused(ProposeAgreement.Closed(group, strings));
        }
        var agreement = await group.Query(db).Include(a => a.Acceptances).SingleOrDefaultAsync(a => a.Id == agreementId, cancellationToken);
        if (agreement is null || agreement.State is AgreementState.Replaced or AgreementState.Withdrawn)
        {
            return Outcome.Refused(strings["Crews.Agreements.Replaced"]);
        }
        if (agreement.Acceptances.Any(a => a.UserId == group.MeUserId))
        {
            return Outcome.Done;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AgreementAcceptances.Add(new AgreementAcceptance { Id = Guid.NewGuid(), AgreementId = agreement.Id, UserId = group.MeUserId, AcceptedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome.Done; // the same yes, sent twice at once
        }
        if (agreement.State == AgreementState.Proposed)
        {
            var accepted = await db.AgreementAcceptances.Where(a => a.AgreementId == agreement.Id).Select(a => a.UserId).ToListAsync(cancellationToken);
            if (group.Members.All(m => accepted.Contains(m.UserId))
                && await db.Agreements.Where(a => a.Id == agreement.Id && a.State == AgreementState.Proposed)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AgreementState.InForce).SetProperty(a => a.InForceAt, now), cancellationToken) == 1)
            {
                // The last yes: this version is the group's now (claimed above, so two last yeses never both do it).
                await group.Query(db).Where(a => a.Id != agreement.Id && a.State == AgreementState.InForce)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AgreementState.Replaced), cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>For a group of one accepting its own proposal: in force at once, the earlier version replaced.</summary>
    internal static void BringIntoForce(Agreement agreement, Agreement? previous, DateTime now)
    {
        agreement.State = AgreementState.InForce;
        agreement.InForceAt = now;
        if (previous is not null)
        {
            previous.State = AgreementState.Replaced;
        }
    }
}
