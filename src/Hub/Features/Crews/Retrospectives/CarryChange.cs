using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>
/// A member puts a change on the crew's list for what comes next (the next term, or the rest of this one after a
/// halfway look back); the list opens the next meeting. Any member takes one off again (<see cref="DropChange"/>).
/// </summary>
public sealed class CarryChange(HubDbContext db, TimeProvider time)
{
    public const int MaxLength = 1000, MaxChanges = 12;

    public async Task<Outcome> RunAsync(CrewView view, string text, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused("Only members of the crew choose what it carries forward.");
        }
        if (LookBack.Open(view) is not { } lookBack)
        {
            return Outcome.Refused("Changes are gathered at a retrospective; the next one opens with the term's last meeting.");
        }
        if (view.Crew.Stage == CrewStage.Disbanded)
        {
            return Outcome.Refused("The crew has closed, so there is no next term to carry a change into. A lesson for the congregation may still help others.");
        }
        text = (text ?? "").Trim();
        if (text == "")
        {
            return Outcome.Refused("Write the change in a line: what the crew will do differently.", "Change");
        }
        if (text.Length > MaxLength)
        {
            return Outcome.Refused($"A change fits in a line or two: at most {MaxLength} characters ({text.Length} now).", "Change");
        }
        var listed = await db.CrewChanges.Where(c => c.CrewId == view.Crew.Id && c.Term == lookBack.Term && c.AtMeeting == lookBack.AtMeeting)
            .Select(c => c.Text).ToListAsync(cancellationToken);
        if (listed.Contains(text))
        {
            return Outcome.Done; // on the list already, perhaps from another member's reflection
        }
        if (listed.Count >= MaxChanges)
        {
            return Outcome.Refused($"The list has {MaxChanges} changes already; a crew can carry only a few at once. Take one off first.", "Change");
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
