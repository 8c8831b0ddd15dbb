using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>Notes of a meeting: written and read by the crew only.</summary>
public sealed class SaveMeetingNotes(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CrewView view, Guid meetingId, string notes, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused(strings["Crews.Ops.NotesMembersOnly"]);
        }
        if (notes.Length > 20000)
        {
            return Outcome.Refused(strings["Crews.Ops.NotesLength"]);
        }
        var saved = await db.CrewMeetings.Where(m => m.Id == meetingId && m.CrewId == view.Crew.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Notes, notes.Trim()), cancellationToken);
        return saved == 1 ? Outcome.Done : Outcome.Refused(strings["Crews.Ops.NotThisCrew"]);
    }
}
