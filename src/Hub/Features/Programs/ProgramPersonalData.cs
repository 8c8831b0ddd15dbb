using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>
/// The practice programs a person facilitates, with the participants they listed. Participants have no
/// account; what the hub holds about them is the facilitator's list, and goes with the facilitator's account.
/// </summary>
[PersonalDataOf(typeof(PracticeProgram), typeof(PracticeParticipant))]
internal sealed class ProgramPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Practice programs";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var count = await db.PracticePrograms.CountAsync(p => p.FacilitatorUserId == user.Id, cancellationToken);
        return [$"The {count} practice program(s) you facilitate, their participant lists and rooms; the participants' links stop working."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        Programs = await db.PracticePrograms.Where(p => p.FacilitatorUserId == user.Id)
            .Select(p => new
            {
                p.Name,
                p.CallSizes,
                p.Absences,
                p.CreatedAt,
                p.Rooms,
                Participants = p.Participants.OrderBy(x => x.Position).Select(x => new { x.Name, x.Email }).ToList(),
            }).ToListAsync(cancellationToken),
    };

    // The programs go with the account (cascade), their participants with them.
    public Task DeleteAsync(HubUser user, CancellationToken cancellationToken) => Task.CompletedTask;
}
