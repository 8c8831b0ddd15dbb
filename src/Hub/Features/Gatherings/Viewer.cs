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

    /// <summary>The zone times are shown in: the viewer's own (<see cref="ProfileZone"/>), else the event's.</summary>
    public DateTimeZone ZoneFor(GatheringEvent e) => ProfileZone ?? EventTime.FindZone(e.TimeZone) ?? DateTimeZone.Utc;

    public bool CanSee(GatheringEvent e) =>
        IsAdmin || e.CreatedByUserId == UserId || e.Visibility switch
        {
            EventVisibility.Public => true,
            EventVisibility.NetworkMembers => IsNetworkMember || (e.CongregationId is { } c && HostedCongregations.Contains(c)),
            EventVisibility.CongregationOnly => e.CongregationId is { } c && Congregations.Contains(c),
            EventVisibility.CrewOnly => e.CrewId is { } crew && Crews.Contains(crew),
            _ => false,
        };

    /// <summary>Hosts of an event: whoever may create events for its owner, and its creator.</summary>
    public bool CanHost(GatheringEvent e) => IsSignedIn && (e.CreatedByUserId == UserId || CanCreateFor(e.Scale, e.CongregationId, e.CrewId));

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
        var memberships = await db.Memberships.Where(m => m.UserId == userId).Select(m => new { m.CongregationId, m.IsHost }).ToListAsync(cancellationToken);
        var crews = await db.CrewMembers.Where(m => m.UserId == userId && m.Status == CrewMemberStatus.Joined).Select(m => m.CrewId).ToListAsync(cancellationToken);
        var zone = await db.Profiles.Where(p => p.UserId == userId).Select(p => p.TimeZone).FirstOrDefaultAsync(cancellationToken);
        return new Viewer(userId, isAdmin, memberSince is not null,
            memberships.Select(m => m.CongregationId).ToHashSet(),
            memberships.Where(m => m.IsHost).Select(m => m.CongregationId).ToHashSet(),
            crews.ToHashSet(),
            EventTime.FindZone(zone));
    }
}
