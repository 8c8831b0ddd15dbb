using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Crews.Calls;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// My crews and the invitations waiting for an answer; nothing about anyone else's crews. Below them, the open
/// calls across the network in every congregation the viewer may see (their own; every one for administrators).
/// </summary>
public sealed class MyCrewsModel(HubDbContext db, ViewerClock clock, TimeProvider time, IStringLocalizer<Strings> strings) : HubPageModel
{
    public sealed record Item(Guid Id, string Name, string Stage, int Members, string CallerName);

    public sealed record OpenCall(string Url, string Name, string Kind, string Congregation, string CongregationUrl, string CallerName, string UsualHour,
        int Size, int Accepted, DateOnly EndsOn, bool IsMine, CrewCallRequestState? MyRequest);

    /// <summary>The most calls listed at once, soonest to close first.</summary>
    public const int MaxCalls = 30;

    public IReadOnlyList<OpenCall> Calls { get; private set; } = [];

    public IReadOnlyList<Item> Crews { get; private set; } = [];
    public IReadOnlyList<Item> Invitations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }
        var rows = await db.CrewMembers.AsNoTracking().Where(m => m.UserId == userId && m.Status != CrewMemberStatus.Declined)
            .OrderByDescending(m => m.Crew.CreatedAt)
            .Select(m => new
            {
                m.Status,
                m.Crew.Id,
                m.Crew.Name,
                m.Crew.Stage,
                m.Crew.JoinedCount,
                Caller = db.Users.Where(u => u.Id == m.Crew.CallerUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        Invitations = [.. rows.Where(r => r.Status == CrewMemberStatus.Invited).Select(r => new Item(r.Id, r.Name, "", r.JoinedCount, r.Caller ?? strings["Crews.Someone"]))];
        Crews = [.. rows.Where(r => r.Status != CrewMemberStatus.Invited).Select(r => new Item(r.Id, r.Name,
            strings[r.Status == CrewMemberStatus.Left ? "Crews.Index.YouLeft" : r.Status == CrewMemberStatus.Paused ? "Crews.Index.YouPaused" : r.Stage switch
            {
                CrewStage.Forming => "Crews.Stage.Forming",
                CrewStage.Meeting => "Crews.Stage.Meeting",
                CrewStage.Retrospective => "Crews.Stage.Retrospective",
                _ => "Crews.Stage.Closed",
            }], r.JoinedCount, r.Caller ?? ""))];
        await LoadCallsAsync(userId, cancellationToken);
    }

    private async Task LoadCallsAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Calls are for a congregation's members (the network's administrators tend every congregation).
        var everywhere = User.IsInRole(HubRoles.Admin);
        var rows = await db.CrewCalls.AsNoTracking()
            .Where(c => c.State == CrewCallState.Open && c.ClosesAt > now
                && (everywhere || db.Memberships.Any(m => m.CongregationId == c.CongregationId && m.UserId == userId)))
            .OrderBy(c => c.ClosesAt).Take(MaxCalls)
            .Select(c => new
            {
                Call = c,
                CallerName = c.Caller.DisplayName,
                Congregation = db.Congregations.Where(g => g.Id == c.CongregationId).Select(g => new { g.Name, g.Slug }).First(),
                Mine = c.Requests.Where(r => r.UserId == userId).Select(r => (CrewCallRequestState?)r.State).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return;
        }
        await clock.ZoneAsync();
        Calls = [.. rows.Select(r => new OpenCall($"/congregations/{r.Congregation.Slug}/calls/{r.Call.Id}", r.Call.Name, CallTimes.KindText(r.Call.Kind, strings),
            r.Congregation.Name, $"/congregations/{r.Congregation.Slug}/calls", r.CallerName, CallTimes.UsualHour(r.Call, clock.OwnZone, now, strings),
            r.Call.Size, r.Call.AcceptedCount, r.Call.EndsOn, r.Call.CallerUserId == userId, r.Mine))];
    }
}
