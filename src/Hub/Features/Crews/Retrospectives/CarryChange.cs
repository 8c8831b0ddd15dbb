using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>
/// A member puts a change on the crew's list for what comes next (the next term, or the rest of this one after a
/// halfway look back); the list opens the next meeting. Any member takes one off again (<see cref="DropChange"/>).
/// </summary>
public sealed class CarryChange(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public const int MaxLength = 1000, MaxChanges = 12;

    public async Task<Outcome> RunAsync(CrewView view, string text, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused(strings["Crews.Ops.CarryMembersOnly"]);
        }
        if (LookBack.Open(view) is not { } lookBack)
        {
            return Outcome.Refused(strings["Crews.Ops.CarryNotOpen"]);
        }
        if (view.Crew.Stage == CrewStage.Disbanded)
        {
            return Outcome.Refused(strings["Crews.Ops.CarryClosed"]);
        }
        text = (text ?? "").Trim();
        if (text == "")
        {
            return Outcome.Refused(strings["Crews.Ops.CarryEmpty"], "Change");
        }
        if (text.Length > MaxLength)
        {
            return Outcome.Refused(strings["Crews.Ops.CarryLength", MaxLength, text.Length], "Change");
        }
        var listed = await db.CrewChanges.Where(c => c.CrewId == view.Crew.Id && c.Term == lookBack.Term && c.AtMeeting == lookBack.AtMeeting)
            .Select(c => c.Text).ToListAsync(cancellationToken);
        if (listed.Contains(text))
        {
            return Outcome.Done; // on the list already, perhaps from another member's reflection
        }
        if (listed.Count >= MaxChanges)
        {
            return Outcome.Refused(strings["Crews.Ops.CarryFull", MaxChanges], "Change");
        }
        db.CrewChanges.Add(new CrewChange
        {
            Id = Guid.NewGuid(),
            CrewId = view.Crew.Id,
            Term = lookBack.Term,
            AtMeeting = lookBack.AtMeeting,
            Text = text,
            AddedByUserId = view.Me.UserId,
            AddedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
