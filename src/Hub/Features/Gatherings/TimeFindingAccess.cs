using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Gatherings;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

public sealed record TimeFindingMember(string UserId, string Name);

/// <summary>
/// A crew or working group as someone finding a time for it sees it: its members, its zone and
/// rhythm, and who may confirm a slot.
/// </summary>
public sealed record TimeFindingView(
    TimeFindingGroup Kind,
    Guid GroupId,
    string Name,
    Guid? CongregationId,
    DateTimeZone Zone,
    bool Fortnightly,
    int Minutes,
    IReadOnlyList<TimeFindingMember> Members,
    Viewer Viewer,
    bool IsMember,
    bool CanConfirm,
    FoundTime? Found)
{
    public string UserId => Viewer.UserId!;
    /// <summary>The key of how often a crew meets in words ("every week", "every two weeks", "once a month"); a working group chooses on confirming.</summary>
    public string RhythmKey { get; init; } = Fortnightly ? "Gatherings.FindTime.Rhythm.Fortnightly" : "Gatherings.FindTime.Rhythm.Weekly";

    public string KindLabel => Kind == TimeFindingGroup.Crew ? "crew" : "working group";
}

/// <summary>
/// Loads a group for finding a time, or nothing for anyone outside it. A crew: its current members,
/// any of whom confirms (as they choose the crew's slot today). A working group: its members mark
/// their hours; whoever started it or a host of its congregation confirms.
/// </summary>
public sealed class TimeFindingAccess(HubDbContext db, TimeProvider time)
{
    public async Task<TimeFindingView?> LoadAsync(TimeFindingGroup kind, Guid groupId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return null;
        }
        if (kind == TimeFindingGroup.Crew)
        {
            var crew = await db.Crews.AsNoTracking().Where(c => c.Id == groupId && c.Stage != CrewStage.Disbanded)
                .Select(c => new { c.Name, c.CongregationId, c.TimeZone, c.Cadence, c.SlotMinutes }).SingleOrDefaultAsync(cancellationToken);
            if (crew is null)
            {
                return null;
            }
            var members = await db.CrewMembers.AsNoTracking().Where(m => m.CrewId == groupId && m.Status == CrewMemberStatus.Joined)
                .OrderBy(m => m.Position).Select(m => new TimeFindingMember(m.UserId, m.User.DisplayName)).ToListAsync(cancellationToken);
            var isMember = members.Any(m => m.UserId == viewer.UserId);
            if (!isMember)
            {
                return null; // a crew is private: to anyone else it does not exist
            }
            return new(kind, groupId, crew.Name, crew.CongregationId, EventTime.FindZone(crew.TimeZone) ?? DateTimeZone.Utc,
                crew.Cadence == CrewCadence.Fortnightly, crew.SlotMinutes is >= 15 and <= 600 ? crew.SlotMinutes : 60, members, viewer, true, true,
                Found: null) // a crew's time is its own slot (Crews' ChooseSlot), never a found series
            {
                RhythmKey = crew.Cadence switch { CrewCadence.Weekly => "Gatherings.FindTime.Rhythm.Weekly", CrewCadence.Fortnightly => "Gatherings.FindTime.Rhythm.Fortnightly", _ => "Gatherings.FindTime.Rhythm.Monthly" },
            };
        }
        var found = await db.FoundTimes.AsNoTracking().SingleOrDefaultAsync(f => f.GroupKind == kind && f.GroupId == groupId, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var group = await db.WorkingGroups.AsNoTracking().Where(g => g.Id == groupId && g.EndsOn >= today)
            .Select(g => new { g.Name, g.CongregationId, g.StartedByUserId }).SingleOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return null;
        }
        var people = await db.WorkingGroupMembers.AsNoTracking().Where(m => m.WorkingGroupId == groupId)
            .OrderBy(m => m.JoinedAt).Select(m => new TimeFindingMember(m.UserId, m.User.DisplayName)).ToListAsync(cancellationToken);
        var inGroup = people.Any(m => m.UserId == viewer.UserId);
        var host = viewer.IsAdmin || viewer.HostedCongregations.Contains(group.CongregationId);
        if (!inGroup && !host)
        {
            return null;
        }
        // A working group has no zone of its own: it thinks in the zone of whoever started it.
        var starterZone = await db.Profiles.AsNoTracking().Where(p => p.UserId == group.StartedByUserId).Select(p => p.TimeZone).FirstOrDefaultAsync(cancellationToken);
        var zone = found is not null ? EventTime.FindZone(found.TimeZone) : EventTime.FindZone(starterZone);
        return new(kind, groupId, group.Name, group.CongregationId, zone ?? viewer.ProfileZone ?? DateTimeZone.Utc,
            false, 60, people, viewer, inGroup, host || group.StartedByUserId == viewer.UserId, found);
    }
}
