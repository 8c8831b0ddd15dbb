using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Contracts;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>Memberships, requests and invitations a person sent, for "download my data" and "delete my account".</summary>
[PersonalDataOf(typeof(Membership), typeof(JoinRequest), typeof(Invitation), typeof(WorkingGroupMember), typeof(WorkingGroup), typeof(Removal), typeof(MembershipOffer),
    typeof(CongregationHostAction))]
internal sealed class CongregationPersonalData(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings) : IPersonalData
{
    public string Section => "Congregations";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var names = await db.Memberships.Where(m => m.UserId == user.Id).Select(m => m.Congregation.Name).ToListAsync(cancellationToken);
        var requests = await db.JoinRequests.CountAsync(r => r.UserId == user.Id, cancellationToken);
        return
        [
            names.Count == 0 ? "You belong to no congregation." : $"Your membership of {string.Join(", ", names)}.",
            $"Your requests to join ({requests}) and the invitations you sent.",
        ];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        Memberships = await db.Memberships.Where(m => m.UserId == user.Id)
            .Select(m => new { Congregation = m.Congregation.Name, Level = m.Level.Name, m.IsHost, m.JoinedAt }).ToListAsync(cancellationToken),
        JoinRequests = await db.JoinRequests.Where(r => r.UserId == user.Id)
            .Select(r => new { Congregation = r.Congregation.Name, r.Answers, Status = r.Status.ToString(), r.CreatedAt }).ToListAsync(cancellationToken),
        InvitationsSent = await db.Invitations.Where(i => i.InvitedByUserId == user.Id)
            .Select(i => new { Congregation = i.Congregation.Name, i.Email, i.CreatedAt, Accepted = i.AcceptedAt != null }).ToListAsync(cancellationToken),
        WorkingGroupsStarted = await db.WorkingGroups.Where(g => g.StartedByUserId == user.Id)
            .Select(g => new { g.Name, g.CreatedAt }).ToListAsync(cancellationToken),
        RemovedFrom = await db.Removals.Where(r => r.UserId == user.Id)
            .Join(db.Congregations, r => r.CongregationId, c => c.Id, (r, c) => new { Congregation = c.Name, r.Reason, r.RemovedAt })
            .ToListAsync(cancellationToken),
        WorkingGroups = await db.WorkingGroupMembers.Where(m => m.UserId == user.Id)
            .Join(db.WorkingGroups, m => m.WorkingGroupId, g => g.Id, (m, g) => new { g.Name, g.Purpose, g.EndsOn, m.JoinedAt })
            .ToListAsync(cancellationToken),
        InvitationsFromHosts = await db.MembershipOffers.Where(o => o.UserId == user.Id)
            .Join(db.Congregations, o => o.CongregationId, c => c.Id, (o, c) => new { Congregation = c.Name, Kind = o.Kind.ToString(), o.Message, Status = o.Status.ToString(), o.CreatedAt, o.AnsweredAt })
            .ToListAsync(cancellationToken),
        WhatYouDidAsAHost = (await db.CongregationHostActions.Where(a => a.ByUserId == user.Id)
            .Join(db.Congregations, a => a.CongregationId, c => c.Id, (a, c) => new
            {
                Congregation = c.Name,
                a.What,
                About = db.Users.Where(u => u.Id == a.AboutUserId).Select(u => u.DisplayName).FirstOrDefault(),
                a.Reason,
                a.At,
            })
            .ToListAsync(cancellationToken)).Select(a => new { a.Congregation, What = HostActions.Words(strings, a.What, a.About), a.Reason, a.At }),
        WhatHostsDidAboutYou = (await db.CongregationHostActions.Where(a => a.AboutUserId == user.Id)
            .Join(db.Congregations, a => a.CongregationId, c => c.Id, (a, c) => new { Congregation = c.Name, a.What, a.Reason, a.At })
            .ToListAsync(cancellationToken)).Select(a => new { a.Congregation, What = HostActions.Words(strings, a.What, user.DisplayName), a.Reason, a.At }),
    };

    /// <summary>Never host alone, and never leave a congregation with nobody holding it.</summary>
    public async Task<string?> ReasonToWaitAsync(HubUser user, CancellationToken cancellationToken)
    {
        var stranded = await db.Memberships
            .Where(m => m.UserId == user.Id && m.IsHost
                && !db.Memberships.Any(o => o.CongregationId == m.CongregationId && o.IsHost && o.UserId != user.Id)
                && db.Memberships.Any(o => o.CongregationId == m.CongregationId && o.UserId != user.Id))
            .Select(m => m.Congregation.Name).ToListAsync(cancellationToken);
        return stranded.Count == 0 ? null
            : $"You are the only host of {string.Join(", ", stranded)}. Name another host there first, so its members are not left without one.";
    }

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        // Memberships, requests and working-group places go with the account (cascade); invitations sent keep no link to the sender.
        // A group someone started stays the congregation's; it just no longer names who started it.
        await db.WorkingGroups.Where(g => g.StartedByUserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.StartedByUserId, ""), cancellationToken);
        await db.Invitations.Where(i => i.InvitedByUserId == user.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        await db.Invitations.Where(i => i.InvitedByUserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.InvitedByUserId, ""), cancellationToken);
        // Invitations to the person (their address, their acceptance) and removals of them are about them: they go.
        var address = (user.Email ?? "").ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to the database's lower(): culture does not apply
        await db.Invitations.Where(i => i.AcceptedByUserId == user.Id || i.Email.ToLower() == address).ExecuteDeleteAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        await db.Removals.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Removals.Where(r => r.RemovedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.RemovedByUserId, ""), cancellationToken);
        // Invitations from the hosts to the person go (cascade too); those the person sent as a host no longer name them.
        await db.MembershipOffers.Where(o => o.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.MembershipOffers.Where(o => o.OfferedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.OfferedByUserId, ""), cancellationToken);
        await db.JoinRequests.Where(r => r.DecidedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DecidedByUserId, (string?)null), cancellationToken);
        // What they did as a host stays in the congregation's list for the other hosts, no longer with their name.
        await db.CongregationHostActions.Where(a => a.ByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ByUserId, ""), cancellationToken);
        // What was done to them stays too, naming them no more: the list reads "someone who has since left the hub".
        await db.CongregationHostActions.Where(a => a.AboutUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.AboutUserId, ""), cancellationToken);
    }
}
