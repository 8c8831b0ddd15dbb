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
internal sealed class ProgramPersonalData(HubDbContext db) : IPersonalData
{
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
    /// A place that came from going to a cohort's gathering keeps its position (the rooms of past calls refer to it)
    /// but no longer names them.
    /// </summary>
    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken) =>
        await db.PracticeParticipants.Where(p => p.UserId == user.Id && p.FromGathering)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Left, true).SetProperty(p => p.Name, "Someone who left").SetProperty(p => p.Email, "")
                .SetProperty(p => p.UserId, (string?)null), cancellationToken);
}
