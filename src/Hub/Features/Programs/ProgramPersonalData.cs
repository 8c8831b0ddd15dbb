using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>
/// The practice programs a person facilitates, with the participants they listed (the facilitator's list goes with
/// the facilitator's account); the places they hold in others' programs, and the teams they are on.
/// </summary>
[PersonalDataOf(typeof(PracticeProgram), typeof(PracticeParticipant), typeof(ProgramFacilitator))]
internal sealed class ProgramPersonalData(HubDbContext db, SyncCohort sync) : IPersonalData
{
    /// <summary>The cohorts the deleted person had a place in, whose rooms are computed again once the deletion commits.</summary>
    private readonly List<Guid> cohorts = [];

    public string Section => "Practice programs";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var count = await db.PracticePrograms.CountAsync(p => p.FacilitatorUserId == user.Id, cancellationToken);
        var places = await db.PracticeParticipants.CountAsync(p => p.UserId == user.Id, cancellationToken);
        return [$"The {count} practice program(s) you made, their participant lists and rooms; the participants' links stop working.",
            $"Your place in {places} program(s) and on their facilitator teams."];
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
        Places = await db.PracticeParticipants.Where(p => p.UserId == user.Id)
            .Join(db.PracticePrograms, p => p.ProgramId, g => g.Id, (p, g) => new { Program = g.Name, p.Name, p.Email, p.InvitedAt, p.Left }).ToListAsync(cancellationToken),
        Teams = await db.ProgramFacilitators.Where(f => f.UserId == user.Id)
            .Join(db.PracticePrograms, f => f.ProgramId, g => g.Id, (f, g) => new { Program = g.Name, f.InvitedAt, f.AcceptedAt }).ToListAsync(cancellationToken),
    };

    /// <summary>
    /// The programs they made go with the account (cascade), their participants with them; so do their places on teams.
    /// A place in a cohort (from going to its gathering, or an emailed place they took) keeps its position (the rooms of
    /// past calls refer to it) but is left and no longer names them; a place in a program without a gathering stays on
    /// its facilitator's list, without the account.
    /// </summary>
    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        cohorts.AddRange(await db.PracticeParticipants.Where(p => p.UserId == user.Id
                && db.PracticePrograms.Any(g => g.Id == p.ProgramId && g.GatheringId != null && g.FacilitatorUserId != user.Id))
            .Select(p => p.ProgramId).Distinct().ToListAsync(cancellationToken));
        await db.PracticeParticipants.Where(p => p.UserId == user.Id
                && (p.FromGathering || db.PracticePrograms.Any(g => g.Id == p.ProgramId && g.GatheringId != null)))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Left, true).SetProperty(p => p.Name, "Someone who left").SetProperty(p => p.Email, "")
                .SetProperty(p => p.UserId, (string?)null), cancellationToken);
    }

    /// <summary>The places they held are free: each cohort's calls to come are arranged again without them.</summary>
    public async Task AfterDeletedAsync(CancellationToken cancellationToken)
    {
        foreach (var program in cohorts)
        {
            await sync.RunAsync(program, cancellationToken);
        }
        cohorts.Clear();
    }
}
