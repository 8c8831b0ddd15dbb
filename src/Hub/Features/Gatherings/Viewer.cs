using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// Who is looking, with the groups that decide what they may see and host: loaded once per request,
/// so a list of events needs no query per event. <see cref="ProfileZone"/> is the viewer's own zone as
/// <see cref="ViewerClock"/> finds it: their profile's, else the one they chose or their device reports.
/// </summary>
public sealed record Viewer(
    string? UserId,
    bool IsAdmin,
    bool IsNetworkMember,
    IReadOnlySet<Guid> Congregations,
    IReadOnlySet<Guid> HostedCongregations,
    IReadOnlySet<Guid> Crews,
    DateTimeZone? ProfileZone)
{
    public static readonly Viewer Anonymous = new(null, false, false, new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>(), null);

    public bool IsSignedIn => UserId is not null;

    /// <summary>Events this person co-hosts: they accepted a host's invitation, so they may do what its hosts may do.</summary>
    public IReadOnlySet<Guid> CoHostedEvents { get; init; } = new HashSet<Guid>();

    /// <summary>Events a host invited this person to co-host, still waiting for their answer: they may see the event to answer.</summary>
    public IReadOnlySet<Guid> CoHostInvitations { get; init; } = new HashSet<Guid>();

    /// <summary>Congregations in which this person's level lets them put on events without a host's yes.</summary>
    public IReadOnlySet<Guid> EventHostingLevels { get; init; } = new HashSet<Guid>();

    /// <summary>The zone times are shown in: the viewer's own (<see cref="ProfileZone"/>), else the event's.</summary>
    public DateTimeZone ZoneFor(GatheringEvent e) => ProfileZone ?? EventTime.FindZone(e.TimeZone) ?? DateTimeZone.Utc;

    public bool CanSee(GatheringEvent e) =>
        IsAdmin || e.CreatedByUserId == UserId || CoHostedEvents.Contains(e.Id) || CoHostInvitations.Contains(e.Id) || (e.Approval != EventApproval.Approved
            ? e.CongregationId is { } proposedIn && HostedCongregations.Contains(proposedIn)
            : e.Visibility switch
            {
                EventVisibility.Public => true,
                EventVisibility.NetworkMembers => IsNetworkMember || (e.CongregationId is { } c && HostedCongregations.Contains(c)),
                EventVisibility.CongregationOnly => e.CongregationId is { } c && Congregations.Contains(c),
                EventVisibility.CrewOnly => e.CrewId is { } crew && Crews.Contains(crew),
                _ => false,
            });

    /// <summary>Hosts of an event: whoever may create events for its owner, its creator, and the co-hosts who accepted.</summary>
    public bool CanHost(GatheringEvent e) => IsSignedIn && (e.CreatedByUserId == UserId || CoHostedEvents.Contains(e.Id) || CanCreateFor(e.Scale, e.CongregationId, e.CrewId));

    /// <summary>
    /// A member may propose an event for their congregation; it goes up at once for its hosts, for members at a
    /// level that may host events, and where the congregation lets members' events go up at once
    /// (<see cref="CreateEvent"/> decides which).
    /// </summary>
    public bool CanProposeFor(EventScale scale, Guid? congregationId) =>
        scale == EventScale.Congregation && congregationId is { } c && Congregations.Contains(c);

    /// <summary>Whether an event this person makes for a congregation goes up without waiting, apart from the congregation's own setting.</summary>
    public bool PutsOnEventsIn(Guid congregationId) => IsAdmin || HostedCongregations.Contains(congregationId) || EventHostingLevels.Contains(congregationId);

    public bool CanCreateFor(EventScale scale, Guid? congregationId, Guid? crewId) => scale switch
    {
        EventScale.Network => IsAdmin,
        EventScale.Congregation => congregationId is { } c && (HostedCongregations.Contains(c) || IsAdmin),
        EventScale.Crew => crewId is { } crew && Crews.Contains(crew),
        _ => false,
    };
}

public sealed class ViewerLoader(HubDbContext db, ViewerClock clock)
{
    /// <summary>The person of this request, with their zone as the page's clock shows it (one query for both).</summary>
    public async Task<Viewer> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var viewer = userId is null ? Viewer.Anonymous : await LoadAsync(userId, user.IsInRole(HubRoles.Admin), cancellationToken);
        clock.Use(viewer.ProfileZone?.Id);
        return viewer.ProfileZone is null && clock.OwnZone is { } own ? viewer with { ProfileZone = own } : viewer;
    }

    /// <summary>The zone a page about one event shows it in; without the viewer's own, the event's, as the layout's zone line says.</summary>
    public DateTimeZone ZoneForPage(Viewer viewer, GatheringEvent e)
    {
        if (viewer.ProfileZone is null)
        {
            clock.FallBackTo(e.TimeZone, "this event's zone");
        }
        return viewer.ZoneFor(e);
    }

    /// <summary>Anyone, by id (no request): their zone is their profile's only.</summary>
    public async Task<Viewer> LoadAsync(string userId, bool isAdmin, CancellationToken cancellationToken = default)
    {
        var memberSince = await db.Users.Where(u => u.Id == userId).Select(u => u.NetworkMemberSince).FirstOrDefaultAsync(cancellationToken);
        var memberships = await db.Memberships.Where(m => m.UserId == userId).Select(m => new { m.CongregationId, m.IsHost, m.Level.CanHostEvents }).ToListAsync(cancellationToken);
        var crews = await db.CrewMembers.Where(m => m.UserId == userId && m.Status == CrewMemberStatus.Joined).Select(m => m.CrewId).ToListAsync(cancellationToken);
        var zone = await db.Profiles.Where(p => p.UserId == userId).Select(p => p.TimeZone).FirstOrDefaultAsync(cancellationToken);
        var coHosting = await db.EventCoHosts.Where(c => c.UserId == userId && (c.Status == CoHostStatus.Accepted || c.Status == CoHostStatus.Invited))
            .Select(c => new { c.EventId, c.Status }).ToListAsync(cancellationToken);
        return new Viewer(userId, isAdmin, memberSince is not null,
            memberships.Select(m => m.CongregationId).ToHashSet(),
            memberships.Where(m => m.IsHost).Select(m => m.CongregationId).ToHashSet(),
            crews.ToHashSet(),
            EventTime.FindZone(zone))
        {
            CoHostedEvents = coHosting.Where(c => c.Status == CoHostStatus.Accepted).Select(c => c.EventId).ToHashSet(),
            CoHostInvitations = coHosting.Where(c => c.Status == CoHostStatus.Invited).Select(c => c.EventId).ToHashSet(),
            EventHostingLevels = memberships.Where(m => m.CanHostEvents).Select(m => m.CongregationId).ToHashSet(),
        };
    }
}
