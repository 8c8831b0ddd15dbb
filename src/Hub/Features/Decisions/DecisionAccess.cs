using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Features.Crews;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// The circle a decision is put to, as one viewer stands in it: a congregation (its members decide; its hosts
/// may write an outcome; the network's administrators may read) or a crew (its joined members only: anyone
/// else, administrators included, gets nothing).
/// </summary>
public sealed record DecisionCircle(Guid? CongregationId, Guid? CrewId, string Name, string BasePath, string? UserId, bool IsMember, bool IsHost, bool IsAdmin)
{
    /// <summary>Set for a congregation's circle, for its navigation.</summary>
    public CongregationView? Congregation { get; init; }

    /// <summary>Set for a crew's circle.</summary>
    public CrewView? Crew { get; init; }

    public bool CanSee => IsMember || IsAdmin;

    /// <summary>Who is asked, in a sentence: "the members of Riverside", "the crew Thursday mornings".</summary>
    public string Members => CrewId is null ? $"the members of {Name}" : $"the people of {Name}";

    /// <summary>The notice topic people chose for (congregation or crew news).</summary>
    public string Topic => CrewId is null ? "congregation" : "crew";

    public string PathOf(Guid decisionId) => $"{BasePath}/{decisionId}";

    /// <summary>The decisions of this circle, as a query.</summary>
    public IQueryable<Decision> Of(HubDbContext db) => CrewId is { } crew
        ? db.Decisions.Where(d => d.CrewId == crew)
        : db.Decisions.Where(d => d.CongregationId == CongregationId && d.CrewId == null);

    /// <summary>The ids of everyone who may answer: a congregation's members, or a crew's joined members.</summary>
    public Task<List<string>> MemberIdsAsync(HubDbContext db, CancellationToken cancellationToken) => CrewId is { } crew
        ? db.CrewMembers.Where(m => m.CrewId == crew && m.Status == Data.Crews.CrewMemberStatus.Joined).Select(m => m.UserId).ToListAsync(cancellationToken)
        : db.Memberships.Where(m => m.CongregationId == CongregationId).Select(m => m.UserId).ToListAsync(cancellationToken);
}

/// <summary>One decision as one viewer sees it.</summary>
public sealed record DecisionView(DecisionCircle Circle, Decision Decision, IReadOnlyList<DecisionAnswer> Answers, IReadOnlyList<DecisionAmendment> Amendments,
    DateTime Now)
{
    public string? UserId => Circle.UserId;
    public bool IsProposer => UserId is not null && Decision.ProposerUserId == UserId;

    /// <summary>Taking answers: no outcome yet and its closing time not passed (checked again when an answer is saved).</summary>
    public bool IsOpen => Decision.Result is null && Decision.ClosesAt > Now;

    /// <summary>Closed for answers, the outcome not yet written.</summary>
    public bool WaitsForOutcome => Decision.Result is null && Decision.ClosesAt <= Now;

    public bool CanAnswer => IsOpen && Circle.IsMember;
    public bool CanAmend => IsOpen && IsProposer;
    public bool CanWithdraw => Decision.Result is null && IsProposer;
    public bool CanRecordOutcome => WaitsForOutcome && (IsProposer || (Circle.IsHost && Circle.IsMember) || (Circle.IsAdmin && Circle.CrewId is null));

    public DecisionAnswer? Mine => Answers.FirstOrDefault(a => a.UserId == UserId);

    /// <summary>Answers given to the proposal as it stands now.</summary>
    public IReadOnlyList<DecisionAnswer> Current => [.. Answers.Where(a => a.Version >= Decision.Version).OrderBy(a => a.AnsweredAt)];

    /// <summary>Answers given before the last change, kept and shown as such.</summary>
    public IReadOnlyList<DecisionAnswer> Earlier => [.. Answers.Where(a => a.Version < Decision.Version).OrderBy(a => a.AnsweredAt)];

    public int Count(DecisionResponse response) => Current.Count(a => a.Response == response);

    /// <summary>Blocks to the proposal as it stands: while one stands, it cannot be adopted.</summary>
    public IReadOnlyList<DecisionAnswer> Blocks => [.. Current.Where(a => a.Response == DecisionResponse.Block)];

    public bool ShowsNames => Decision.Visibility == DecisionVisibility.Names;
}

/// <summary>Loads circles and decisions for the viewer; null means "not there" for them (a 404).</summary>
public sealed class DecisionAccess(HubDbContext db, CongregationAccess congregations, CrewAccess crews, TimeProvider time)
{
    public async Task<DecisionCircle?> ForCongregationAsync(string slug, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var view = await congregations.LoadAsync(slug, user, cancellationToken);
        return view is null ? null : new DecisionCircle(view.Congregation.Id, null, view.Congregation.Name, $"/congregations/{view.Congregation.Slug}/decisions",
            view.UserId, view.IsMember, view.IsHost, view.IsAdmin)
        { Congregation = view };
    }

    /// <summary>A crew's circle for its joined members only; anyone else (administrators too) gets null.</summary>
    public async Task<DecisionCircle?> ForCrewAsync(Guid crewId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var view = await crews.LoadAsync(crewId, user, cancellationToken);
        return view is not { IsJoined: true } ? null
            : new DecisionCircle(null, crewId, view.Crew.Name, $"/crews/{crewId}/decisions", view.Me.UserId, IsMember: true, IsHost: true, IsAdmin: false) { Crew = view };
    }

    public async Task<DecisionView?> LoadAsync(DecisionCircle circle, Guid id, CancellationToken cancellationToken = default)
    {
        if (!circle.CanSee)
        {
            return null;
        }
        var decision = await circle.Of(db).AsNoTracking().Include(d => d.Proposer).Include(d => d.ResultBy)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (decision is null)
        {
            return null;
        }
        var answers = await db.DecisionAnswers.AsNoTracking().Include(a => a.User).Where(a => a.DecisionId == id).ToListAsync(cancellationToken);
        var amendments = await db.DecisionAmendments.AsNoTracking().Where(a => a.DecisionId == id).OrderBy(a => a.Version).ToListAsync(cancellationToken);
        return new DecisionView(circle, decision, answers, amendments, time.GetUtcNow().UtcDateTime);
    }
}
