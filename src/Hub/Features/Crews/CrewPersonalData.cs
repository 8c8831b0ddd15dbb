using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>Crews one belongs to and one's own retrospective answers (never anyone else's).</summary>
[PersonalDataOf(typeof(CrewMember), typeof(RetrospectiveAnswer), typeof(Crew), typeof(CrewMeeting))]
internal sealed class CrewPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Crews";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var crews = await db.CrewMembers.CountAsync(m => m.UserId == user.Id, cancellationToken);
        return [$"Your place in {crews} crew(s) and your own retrospective answers. Notes the crew wrote together stay with the crew."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        Crews = await db.CrewMembers.Where(m => m.UserId == user.Id)
            .Select(m => new { m.Crew.Name, Status = m.Status.ToString(), m.JoinedAt, m.LeftAt }).ToListAsync(cancellationToken),
        RetrospectiveAnswers = await db.RetrospectiveAnswers.Where(a => a.UserId == user.Id)
            .Select(a => new { a.Term, a.WhatWorked, a.WhatDidNot, Choice = a.Choice.ToString(), a.AnsweredAt }).ToListAsync(cancellationToken),
    };

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        await db.RetrospectiveAnswers.Where(a => a.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        // Crew memberships go with the account (cascade). Keep each crew's count true.
        var crews = await db.CrewMembers.Where(m => m.UserId == user.Id && m.Status == CrewMemberStatus.Joined)
            .Select(m => m.CrewId).ToListAsync(cancellationToken);
        await db.Crews.Where(c => crews.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.JoinedCount, c => c.JoinedCount - 1), cancellationToken);
        // The crew and its meetings stay the others'; they no longer name who called the crew, hosted or was the focus.
        await db.Crews.Where(c => c.CallerUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CallerUserId, ""), cancellationToken);
        await db.CrewMeetings.Where(m => m.HostUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.HostUserId, ""), cancellationToken);
        await db.CrewMeetings.Where(m => m.FocusUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.FocusUserId, ""), cancellationToken);
    }
}
