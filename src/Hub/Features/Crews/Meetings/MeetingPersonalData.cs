using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>One's own commitments and case preparations; the crew's plans and rooms are the crew's.</summary>
[PersonalDataOf(typeof(MeetingCommitment), typeof(CasePreparation))]
internal sealed class MeetingPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Crew meetings";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var commitments = await db.MeetingCommitments.CountAsync(c => c.UserId == user.Id, cancellationToken);
        var cases = await db.CasePreparations.CountAsync(c => c.UserId == user.Id, cancellationToken);
        return [$"{commitments} commitment(s) you made in crew meetings and {cases} case preparation(s) you wrote, read by your crews only."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        Commitments = await db.MeetingCommitments.Where(c => c.UserId == user.Id).OrderBy(c => c.WrittenAt).ThenBy(c => c.Position)
            .Select(c => new { c.Text, c.WrittenAt }).ToListAsync(cancellationToken),
        CasePreparations = await db.CasePreparations.Where(c => c.UserId == user.Id)
            .Select(c => new { c.Situation, c.Tried, c.Question, c.UpdatedAt }).ToListAsync(cancellationToken),
    };

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        await db.MeetingCommitments.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.CasePreparations.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
    }
}
