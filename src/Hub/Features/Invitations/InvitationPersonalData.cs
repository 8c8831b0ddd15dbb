using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Invitations;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Invitations;

/// <summary>Invitations to a crew or a dyad that a person emailed, and those emailed to their own address.</summary>
[PersonalDataOf(typeof(EmailInvitation))]
internal sealed class InvitationPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Emailed invitations";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var sent = await db.EmailInvitations.CountAsync(i => i.InvitedByUserId == user.Id, cancellationToken);
        return [$"The {sent} invitation(s) to a crew or a dyad you emailed, and any invitation emailed to your address."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        Sent = await db.EmailInvitations.Where(i => i.InvitedByUserId == user.Id)
            .Select(i => new { To = i.To.ToString(), i.Email, i.CreatedAt, i.ExpiresAt, Accepted = i.AcceptedAt != null }).ToListAsync(cancellationToken),
        Received = await db.EmailInvitations.Where(i => i.AcceptedByUserId == user.Id || i.NormalizedEmail == user.NormalizedEmail)
            .Select(i => new { To = i.To.ToString(), i.CreatedAt, i.AcceptedAt }).ToListAsync(cancellationToken),
    };

    // The ones they sent go with the account (cascade); the ones sent to them are about them and go too.
    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken) =>
        await db.EmailInvitations.Where(i => i.AcceptedByUserId == user.Id || i.NormalizedEmail == user.NormalizedEmail).ExecuteDeleteAsync(cancellationToken);
}
