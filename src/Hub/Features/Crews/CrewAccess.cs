using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>A crew as one of its people sees it. Everyone else gets nothing, not even its name.</summary>
public sealed record CrewView(Crew Crew, CrewMember Me, IReadOnlyList<CrewMember> People, DateTime Now)
{
    public bool IsJoined => Me.Status == CrewMemberStatus.Joined;
    public bool IsCaller => Crew.CallerUserId == Me.UserId;
    public IReadOnlyList<CrewMember> Joined => [.. People.Where(p => p.Status == CrewMemberStatus.Joined).OrderBy(p => p.Position)];
    public IReadOnlyList<CrewMember> Invited => [.. People.Where(p => p.Status == CrewMemberStatus.Invited)];

    /// <summary>Open emailed invitations to addresses that had no account when they were invited.</summary>
    public int InvitedByEmail { get; init; }

    /// <summary>
    /// Everyone invited who has not answered, with an account or not. The crew page shows only this
    /// number, so it never tells the inviter which addresses have an account.
    /// </summary>
    public int OpenInvitations => Invited.Count + InvitedByEmail;
    public IEnumerable<CrewMeeting> ThisTerm => Crew.Meetings.Where(m => m.Term == Crew.Term).OrderBy(m => m.Number);

    /// <summary>The term is over once its last meeting has begun: time for the retrospective.</summary>
    public bool TermOver => Crew.Stage == CrewStage.Meeting && ThisTerm.Any() && ThisTerm.Last().StartsAt <= Now;
    public bool InRetrospective => Crew.Stage == CrewStage.Retrospective || TermOver;

    public string NameOf(string userId) => People.FirstOrDefault(p => p.UserId == userId)?.User.DisplayName ?? "someone who left";
}

public sealed class CrewAccess(HubDbContext db, TimeProvider time)
{
    /// <summary>Null unless the viewer is invited to or part of the crew (past members included, for their history).</summary>
    public async Task<CrewView?> LoadAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }
        var crew = await db.Crews.AsNoTracking().AsSplitQuery()
            .Include(c => c.Members).ThenInclude(m => m.User)
            .Include(c => c.Meetings)
            .SingleOrDefaultAsync(c => c.Id == id && c.Members.Any(m => m.UserId == userId), cancellationToken);
        if (crew is null)
        {
            return null;
        }
        var me = crew.Members.Single(m => m.UserId == userId);
        var now = time.GetUtcNow().UtcDateTime;
        var invitedByEmail = await db.EmailInvitations.CountAsync(i => i.CrewId == id && i.AcceptedAt == null && i.ExpiresAt > now, cancellationToken);
        return new CrewView(crew, me, crew.Members, now) { InvitedByEmail = invitedByEmail };
    }
}
