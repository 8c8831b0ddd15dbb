using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>
/// A participant's room in a cohort's call, for the reminder before the call and for the personal home: read from the
/// rooms as they are stored, with the names of the room's people and the photos their owners let the participant see.
/// </summary>
public sealed class CohortRooms(HubDbContext db, ProgramAccess access) : ICohortRooms
{
    public async Task<IReadOnlyList<CohortRoom>> ForDateAsync(Guid gatheringId, DateTime originalStart, string userId, CancellationToken cancellationToken)
    {
        var rooms = new List<CohortRoom>();
        foreach (var view in await CohortsAsync(userId, gatheringId, cancellationToken))
        {
            var dates = await access.CallDatesAsync(view.Program, view.Rooms.Length, cancellationToken);
            var call = dates.ToList().FindIndex(d => d.OriginalStart == originalStart);
            if (call >= 0 && await RoomAsync(view, dates, call, userId, cancellationToken) is { } room)
            {
                rooms.Add(room);
            }
        }
        return rooms;
    }

    public async Task<CohortRoom?> NextAsync(string userId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        CohortRoom? next = null;
        foreach (var view in await CohortsAsync(userId, null, cancellationToken))
        {
            var dates = await access.CallDatesAsync(view.Program, view.Rooms.Length, cancellationToken);
            var call = dates.ToList().FindIndex(d => d.EndsAt > nowUtc);
            if (call >= 0 && (next is null || dates[call].StartsAt < next.StartsAt) && await RoomAsync(view, dates, call, userId, cancellationToken) is { } room)
            {
                next = room;
            }
        }
        return next;
    }

    /// <summary>The cohorts the person is in (not left), of one gathering or of any.</summary>
    private async Task<List<ProgramView>> CohortsAsync(string userId, Guid? gatheringId, CancellationToken cancellationToken) =>
        [.. (await db.PracticePrograms.AsNoTracking().Include(p => p.Participants)
            .Where(p => p.GatheringId != null && (gatheringId == null || p.GatheringId == gatheringId) && p.Participants.Any(x => x.UserId == userId && !x.Left))
            .ToListAsync(cancellationToken)).Select(p => new ProgramView(p))];

    private async Task<CohortRoom?> RoomAsync(ProgramView view, IReadOnlyList<Occurrence> dates, int call, string userId, CancellationToken cancellationToken)
    {
        var me = view.People.First(p => p.UserId == userId && !p.Left).Position;
        if (view.RoomOf(call, me) is not int room)
        {
            return null;
        }
        var full = view.Rooms[call].Length == 1;
        var mates = full ? [] : view.Rooms[call][room].Where(p => p != me).Select(p => view.People[p]).ToList();
        var ids = mates.Where(m => m.UserId is not null).Select(m => m.UserId!).ToList();
        var photos = await ProgramFaces.LoadAsync(db, ids, userId, cancellationToken);
        return new CohortRoom(view.Program.Name, $"/programs/{view.Program.Id}", call + 1, view.Rooms.Length, dates[call].StartsAt, room + 1, full,
            [.. mates.Select(m => new CohortRoomMate(m.UserId, m.Name, m.UserId is { } id && photos.TryGetValue(id, out var photo) ? photo : null))]);
    }
}
