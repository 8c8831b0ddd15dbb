using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Gatherings.Crews;

/// <summary>
/// The tables a person sat at, their private "go on as a crew?" answers, and whom they said they would rather not
/// sit with. A "rather not" someone else said about them is the other person's, never exported to them.
/// </summary>
[PersonalDataOf(typeof(TemporaryCrewMember), typeof(GatheringRatherNot))]
internal sealed class GatheringCrewsPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Crews at gatherings";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var tables = await db.TemporaryCrewMembers.CountAsync(m => m.UserId == user.Id, cancellationToken);
        return [$"The {tables} table(s) you sat at in gatherings' temporary crews, your private answers on going on as a crew, and whom you said you would rather not sit with; any such statement about you goes too."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken)
    {
        var tables = await db.TemporaryCrewMembers.AsNoTracking().Where(m => m.UserId == user.Id)
            .Join(db.TemporaryCrews, m => m.TemporaryCrewId, c => c.Id, (m, c) => new { m.Continue, m.AnsweredAt, c.Number, c.SetId })
            .Join(db.GatheringCrewSets, x => x.SetId, s => s.Id, (x, s) => new { x.Continue, x.AnsweredAt, x.Number, s.EventId, s.OccurrenceStart })
            .Join(db.GatheringEvents, x => x.EventId, e => e.Id, (x, e) => new { Event = e.Title, Date = x.OccurrenceStart, Crew = x.Number, x.Continue, x.AnsweredAt })
            .ToListAsync(cancellationToken);
        var ratherNots = await db.GatheringRatherNots.AsNoTracking().Where(r => r.FromUserId == user.Id)
            .Join(db.GatheringEvents, r => r.EventId, e => e.Id, (r, e) => new { Event = e.Title, Date = r.OccurrenceStart, r.AboutUserId, r.CreatedAt })
            .Join(db.Users, r => r.AboutUserId, u => u.Id, (r, u) => new { r.Event, r.Date, About = u.DisplayName, r.CreatedAt })
            .ToListAsync(cancellationToken);
        return new
        {
            Tables = tables.Select(t => new { t.Event, t.Date, t.Crew, GoOnAsACrew = t.Continue.ToString(), t.AnsweredAt }).ToList(),
            RatherNotSitWith = ratherNots,
        };
    }

    /// <summary>Their seats and statements go, and those about them (the foreign keys cascade too; this makes it explicit).</summary>
    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        await db.TemporaryCrewMembers.Where(m => m.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.GatheringRatherNots.Where(r => r.FromUserId == user.Id || r.AboutUserId == user.Id).ExecuteDeleteAsync(cancellationToken);
    }
}
