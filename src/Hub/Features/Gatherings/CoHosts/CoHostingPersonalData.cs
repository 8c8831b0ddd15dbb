using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings.CoHosts;

/// <summary>The events one was invited to co-host (and one's answers), and what one did as a host. The host log stays the event's, without a name.</summary>
[PersonalDataOf(typeof(EventCoHost), typeof(EventHostAction))]
internal sealed class CoHostingPersonalData(HubDbContext db, IStringLocalizer<Strings> strings) : IPersonalData
{
    public string Section => "Hosting events together";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var invitations = await db.EventCoHosts.CountAsync(c => c.UserId == user.Id, cancellationToken);
        return [$"The {invitations} invitation(s) to co-host an event you received and your answers. What you did as a host stays in the events' host logs, no longer with your name."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        InvitationsToCoHost = await db.EventCoHosts.AsNoTracking().Where(c => c.UserId == user.Id)
            .Join(db.GatheringEvents, c => c.EventId, e => e.Id, (c, e) => new { Event = e.Title, Status = c.Status.ToString(), c.InvitedAt, c.AnsweredAt })
            .ToListAsync(cancellationToken),
        WhatYouDidAsAHost = (await db.EventHostActions.AsNoTracking().Where(a => a.ByUserId == user.Id)
            .Join(db.GatheringEvents, a => a.EventId, e => e.Id, (a, e) => new { Event = e.Title, a.What, a.At })
            .ToListAsync(cancellationToken)).Select(a => a with { What = StoredWords.Say(strings, a.What) }),
    };

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        await db.EventCoHosts.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.EventCoHosts.Where(c => c.InvitedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.InvitedByUserId, ""), cancellationToken);
        await db.EventHostActions.Where(a => a.ByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ByUserId, ""), cancellationToken);
    }
}
