using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>Deletes a program, its participants and their links, once the facilitator has confirmed.</summary>
public sealed class DeleteProgram(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string facilitatorId, Guid id, bool confirmed, CancellationToken cancellationToken = default)
    {
        if (!confirmed)
        {
            return Outcome.Refused(strings["Programs.Refused.Confirm"], "Confirm");
        }
        var program = await db.PracticePrograms.SingleOrDefaultAsync(p => p.Id == id && p.FacilitatorUserId == facilitatorId, cancellationToken);
        if (program is null)
        {
            return Outcome.Refused(strings["Programs.Refused.Gone"]);
        }
        db.PracticePrograms.Remove(program);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
