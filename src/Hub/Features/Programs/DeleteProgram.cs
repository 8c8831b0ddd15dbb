using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>Deletes a program, its participants and their links, once the facilitator has confirmed.</summary>
public sealed class DeleteProgram(HubDbContext db)
{
    public async Task<Outcome> RunAsync(string facilitatorId, Guid id, bool confirmed, CancellationToken cancellationToken = default)
    {
        if (!confirmed)
        {
            return Outcome.Refused("Tick the box to confirm: the participants' links stop working.", "Confirm");
        }
        var program = await db.PracticePrograms.SingleOrDefaultAsync(p => p.Id == id && p.FacilitatorUserId == facilitatorId, cancellationToken);
        if (program is null)
        {
            return Outcome.Refused("This program is gone already.");
        }
        db.PracticePrograms.Remove(program);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
