using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>
/// A member chooses to tell the crew what worked, what did not and one change, at the look back open now. Apart
/// from the private answer (continue, pause or leave), which stays theirs; sharing again replaces what they shared.
/// </summary>
public sealed class ShareReflection(HubDbContext db, TimeProvider time)
{
    public const int MaxLength = 4000, MaxChange = 1000;

    public async Task<Outcome> RunAsync(CrewView view, string worked, string didNot, string oneChange, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused("Only members of the crew share reflections with it.");
        }
        if (LookBack.Open(view) is not { } lookBack)
        {
            return Outcome.Refused("Reflections are shared at a retrospective; the next one opens with the term's last meeting.");
        }
        worked = (worked ?? "").Trim();
        didNot = (didNot ?? "").Trim();
        oneChange = (oneChange ?? "").Trim();
        var problems = new List<(string, string)>();
        if (worked == "" && didNot == "" && oneChange == "")
        {
            problems.Add(("", "Write at least one of the three before sharing; any of them may stay empty."));
        }
        if (worked.Length > MaxLength)
        {
            problems.Add(("Worked", $"At most {MaxLength} characters ({worked.Length} now)."));
        }
        if (didNot.Length > MaxLength)
        {
            problems.Add(("DidNot", $"At most {MaxLength} characters ({didNot.Length} now)."));
        }
        if (oneChange.Length > MaxChange)
        {
            problems.Add(("OneChange", $"One change, in a line or two: at most {MaxChange} characters ({oneChange.Length} now)."));
        }
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return refused;
        }
        var mine = await db.SharedReflections.SingleOrDefaultAsync(r => r.CrewId == view.Crew.Id && r.Term == lookBack.Term
            && r.AtMeeting == lookBack.AtMeeting && r.UserId == view.Me.UserId, cancellationToken);
        if (mine is null)
        {
            mine = new SharedReflection { Id = Guid.NewGuid(), CrewId = view.Crew.Id, Term = lookBack.Term, AtMeeting = lookBack.AtMeeting, UserId = view.Me.UserId };
            db.SharedReflections.Add(mine);
        }
        mine.WhatWorked = worked;
        mine.WhatDidNot = didNot;
        mine.OneChange = oneChange;
        mine.SharedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome.Refused("You shared from another window a moment ago; look at what the crew sees now and share again to change it.");
        }
        return Outcome.Done;
    }
}
