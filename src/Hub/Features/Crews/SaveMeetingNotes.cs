using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>Notes of a meeting: written and read by the crew only.</summary>
public sealed class SaveMeetingNotes(HubDbContext db)
{
    public async Task<Outcome> RunAsync(CrewView view, Guid meetingId, string notes, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused("Only members of the crew keep its notes.");
        }
        if (notes.Length > 20000)
        {
            return Outcome.Refused("Notes are limited to 20,000 characters per meeting.");
        }
        var saved = await db.CrewMeetings.Where(m => m.Id == meetingId && m.CrewId == view.Crew.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Notes, notes.Trim()), cancellationToken);
        return saved == 1 ? Outcome.Done : Outcome.Refused("That meeting is not in this crew.");
    }
}
