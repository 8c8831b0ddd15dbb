using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Contracts;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// Who is looking, with the groups that decide what they may see and host: loaded once per request,
/// so a list of events needs no query per event.
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

    /// <summary>The zone times are shown in: the person's own, else the event's.</summary>
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

public sealed class ViewerLoader(HubDbContext db)
{
    public async Task<Viewer> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        return userId is null ? Viewer.Anonymous : await LoadAsync(userId, user.IsInRole(HubRoles.Admin), cancellationToken);
    }

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
