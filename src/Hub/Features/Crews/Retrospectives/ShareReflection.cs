using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>
/// A member chooses to tell the crew what worked, what did not and one change, at the look back open now. Apart
/// from the private answer (continue, pause or leave), which stays theirs; sharing again replaces what they shared.
/// </summary>
public sealed class ShareReflection(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public const int MaxLength = 4000, MaxChange = 1000;

    public async Task<Outcome> RunAsync(CrewView view, string worked, string didNot, string oneChange, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused(strings["Crews.Ops.ReflectMembersOnly"]);
        }
        if (LookBack.Open(view) is not { } lookBack)
        {
            return Outcome.Refused(strings["Crews.Ops.ReflectNotOpen"]);
        }
        worked = (worked ?? "").Trim();
        didNot = (didNot ?? "").Trim();
        oneChange = (oneChange ?? "").Trim();
        var problems = new List<(string, string)>();
        if (worked == "" && didNot == "" && oneChange == "")
        {
            problems.Add(("", strings["Crews.Ops.ReflectEmpty"]));
        }
        if (worked.Length > MaxLength)
        {
            problems.Add(("Worked", strings["Crews.Ops.AtMost", MaxLength, worked.Length]));
        }
        if (didNot.Length > MaxLength)
        {
            problems.Add(("DidNot", strings["Crews.Ops.AtMost", MaxLength, didNot.Length]));
        }
        if (oneChange.Length > MaxChange)
        {
            problems.Add(("OneChange", strings["Crews.Ops.ReflectChangeLength", MaxChange, oneChange.Length]));
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
            return Outcome.Refused(strings["Crews.Ops.ReflectRace"]);
        }
        return Outcome.Done;
    }
}
