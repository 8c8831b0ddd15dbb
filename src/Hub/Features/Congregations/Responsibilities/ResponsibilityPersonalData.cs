using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>The responsibilities a person holds and the invitations to them, for "download my data" and "delete my account".</summary>
[PersonalDataOf(typeof(ResponsibilityHolder), typeof(ResponsibilityOffer))]
internal sealed class ResponsibilityPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Responsibilities";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var held = await db.ResponsibilityHolders.Where(h => h.UserId == user.Id)
            .Join(db.Responsibilities, h => h.ResponsibilityId, r => r.Id, (h, r) => r.Name).ToListAsync(cancellationToken);
        return [held.Count == 0 ? "You hold no responsibility in a congregation." : $"Your holding of {string.Join(", ", held)} ends; the register shows nobody in your place."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        Holding = await db.ResponsibilityHolders.Where(h => h.UserId == user.Id)
            .Join(db.Responsibilities, h => h.ResponsibilityId, r => r.Id, (h, r) => new { r.Name, r.Description, r.CongregationId, h.Since, r.ReviewOn })
            .Join(db.Congregations, x => x.CongregationId, c => c.Id, (x, c) => new { Congregation = c.Name, Responsibility = x.Name, x.Description, x.Since, x.ReviewOn })
            .ToListAsync(cancellationToken),
        InvitationsToYou = await db.ResponsibilityOffers.Where(o => o.UserId == user.Id)
            .Join(db.Responsibilities, o => o.ResponsibilityId, r => r.Id, (o, r) => new { Responsibility = r.Name, o.Note, Status = o.Status.ToString(), o.CreatedAt, o.AnsweredAt })
            .ToListAsync(cancellationToken),
        InvitationsYouSent = await db.ResponsibilityOffers.Where(o => o.OfferedByUserId == user.Id)
            .Join(db.Responsibilities, o => o.ResponsibilityId, r => r.Id, (o, r) => new { Responsibility = r.Name, o.Note, Status = o.Status.ToString(), o.CreatedAt, o.AnsweredAt })
            .ToListAsync(cancellationToken),
    };

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        // Their holdings end and invitations to them go (cascade too); those they sent stay, no longer naming them.
        await db.ResponsibilityHolders.Where(h => h.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.ResponsibilityOffers.Where(o => o.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.ResponsibilityOffers.Where(o => o.OfferedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.OfferedByUserId, ""), cancellationToken);
        await db.ResponsibilityOffers.Where(o => o.HandOverFromUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.HandOverFromUserId, (string?)null), cancellationToken);
    }
}
