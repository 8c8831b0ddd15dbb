using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// The circle a decision is put to, as one viewer stands in it: a congregation (its members decide; its hosts
/// may write an outcome; the network's administrators may read), one of its working groups (the group's members
/// decide; the congregation's members read along, as they read the group's board) or a crew (its joined members
/// only: anyone else, administrators included, gets nothing). <see cref="IsMember"/> means "may propose and answer".
/// </summary>
public sealed record DecisionCircle(Guid? CongregationId, Guid? CrewId, string Name, string BasePath, string? UserId, bool IsMember, bool IsHost, bool IsAdmin)
{
    /// <summary>Set for a congregation's circle and a working group's, for the congregation's navigation.</summary>
    public CongregationView? Congregation { get; init; }

    /// <summary>Set for a crew's circle.</summary>
    public CrewView? Crew { get; init; }

    /// <summary>Set for a working group's circle (its congregation is <see cref="CongregationId"/>).</summary>
    public Guid? WorkingGroupId { get; init; }

    /// <summary>Reads along without answering: the congregation's members who are not in the working group.</summary>
    public bool MayRead { get; init; }

    public bool CanSee => IsMember || IsAdmin || MayRead;

    /// <summary>Who is asked, in a sentence and the reader's language: "the members of Riverside", "the people of Thursday mornings".</summary>
    public string MembersIn(IStringLocalizer<Strings> strings) => strings[WorkingGroupId is not null ? "Decisions.Members.WorkingGroup"
        : CrewId is null ? "Decisions.Members.Congregation" : "Decisions.Members.Crew", Name].Value;

    /// <summary>The notice topic people chose for (congregation or crew news).</summary>
    public string Topic => CrewId is null ? "congregation" : "crew";

    public string PathOf(Guid decisionId) => $"{BasePath}/{decisionId}";

    /// <summary>The decisions of this circle, as a query.</summary>
    public IQueryable<Decision> Of(HubDbContext db) => CrewId is { } crew ? db.Decisions.Where(d => d.CrewId == crew)
        : WorkingGroupId is { } group ? db.Decisions.Where(d => d.WorkingGroupId == group)
        : db.Decisions.Where(d => d.CongregationId == CongregationId && d.CrewId == null && d.WorkingGroupId == null);

    /// <summary>The ids of everyone who may answer: a congregation's members, a working group's, or a crew's joined members.</summary>
    public Task<List<string>> MemberIdsAsync(HubDbContext db, CancellationToken cancellationToken) => CrewId is { } crew
        ? db.CrewMembers.Where(m => m.CrewId == crew && m.Status == Data.Crews.CrewMemberStatus.Joined).Select(m => m.UserId).ToListAsync(cancellationToken)
        : WorkingGroupId is { } group ? db.WorkingGroupMembers.Where(m => m.WorkingGroupId == group).Select(m => m.UserId).ToListAsync(cancellationToken)
        : db.Memberships.Where(m => m.CongregationId == CongregationId).Select(m => m.UserId).ToListAsync(cancellationToken);

    /// <summary>Where a decision lives, from its own columns (for notices and search outside a page).</summary>
    public static string PathOf(Guid id, Guid? crewId, Guid? workingGroupId, string? congregationSlug) => crewId is { } crew ? $"/crews/{crew}/decisions/{id}"
        : workingGroupId is { } group ? $"/congregations/{congregationSlug}/working-groups/{group}/decisions/{id}"
        : $"/congregations/{congregationSlug}/decisions/{id}";
}

/// <summary>One decision as one viewer sees it.</summary>
public sealed record DecisionView(DecisionCircle Circle, Decision Decision, IReadOnlyList<DecisionAnswer> Answers, IReadOnlyList<DecisionAmendment> Amendments,
    DateTime Now)
{
    /// <summary>An advice process's named advisers (with their names).</summary>
    public IReadOnlyList<DecisionAdviser> Advisers { get; init; } = [];

    /// <summary>A time poll's candidate times, in order, each with its answers.</summary>
    public IReadOnlyList<DecisionOption> Options { get; init; } = [];

    public DecisionKind Kind => Decision.Kind;

    public string? UserId => Circle.UserId;
    public bool IsProposer => UserId is not null && Decision.ProposerUserId == UserId;

    /// <summary>Taking answers: no outcome yet and its closing time not passed (checked again when an answer is saved).</summary>
    public bool IsOpen => Decision.Result is null && Decision.ClosesAt > Now;

    /// <summary>Closed for answers, the outcome not yet written.</summary>
    public bool WaitsForOutcome => Decision.Result is null && Decision.ClosesAt <= Now;

    /// <summary>While open, anyone in the circle; for advice, anyone but the proposer (who listens, then decides).</summary>
    public bool CanAnswer => IsOpen && Circle.IsMember && !(Kind == DecisionKind.Advice && IsProposer);

    /// <summary>
    /// The proposer changes a consent proposal to meet a concern or a block, and an advice proposal in the light of the
    /// advice; a time poll's times are its proposal, so it is closed and asked again instead.
    /// </summary>
    public bool CanAmend => IsOpen && IsProposer && Kind != DecisionKind.TimePoll;
    public bool CanWithdraw => Decision.Result is null && IsProposer;

    /// <summary>
    /// Consent: the proposer or a host, once answers close. Advice: the proposer alone, at or before closing (they
    /// decide, after hearing advice). A poll: the proposer at any time by choosing a time, or a host once it closed.
    /// </summary>
    public bool CanRecordOutcome => Decision.Result is null && Kind switch
    {
        DecisionKind.Advice => IsProposer,
        DecisionKind.TimePoll => IsProposer || (WaitsForOutcome && Circle.IsHost && Circle.IsMember),
        _ => WaitsForOutcome && (IsProposer || (Circle.IsHost && Circle.IsMember) || (Circle.IsAdmin && Circle.CrewId is null && Circle.WorkingGroupId is null)),
    };

    public bool IsAdviser => UserId is not null && Advisers.Any(a => a.UserId == UserId);

    /// <summary>Advisers who have not given advice yet.</summary>
    public IReadOnlyList<DecisionAdviser> AdvisersWaiting => [.. Advisers.Where(a => !Answers.Any(x => x.UserId == a.UserId))];

    /// <summary>The candidate time with most yes, then most if-need-be (the earliest on a tie); null before any yes or if-need-be.</summary>
    public DecisionOption? Best => Options
        .Select(o => (o, yes: o.Answers.Count(a => a.Availability == PollAvailability.Yes), maybe: o.Answers.Count(a => a.Availability == PollAvailability.IfNeedBe)))
        .Where(x => x.yes + x.maybe > 0).OrderByDescending(x => x.yes).ThenByDescending(x => x.maybe).ThenBy(x => x.o.Position).Select(x => x.o).FirstOrDefault();

    /// <summary>Everyone who answered the poll, in the order they first answered.</summary>
    public IReadOnlyList<(string UserId, string Name)> PollPeople => [.. Options.SelectMany(o => o.Answers).GroupBy(a => a.UserId)
        .OrderBy(g => g.Min(a => a.AnsweredAt)).Select(g => (g.Key, g.First().User.DisplayName))];

    public PollAvailability? MyAvailability(DecisionOption option) => option.Answers.FirstOrDefault(a => a.UserId == UserId)?.Availability;

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

    /// <summary>
    /// A working group's circle: its members propose and answer; the congregation's other members read along (as
    /// they read the group's board, and the working groups page itself); anyone else, administrators included, gets
    /// nothing, since the group's work is the congregation's own.
    /// </summary>
    public async Task<DecisionCircle?> ForWorkingGroupAsync(string slug, Guid groupId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var view = await congregations.LoadAsync(slug, user, cancellationToken);
        if (view is null)
        {
            return null;
        }
        var me = view.UserId;
        var group = await db.WorkingGroups.AsNoTracking().Where(g => g.Id == groupId && g.CongregationId == view.Congregation.Id)
            .Select(g => new { g.Name, InIt = me != null && g.Members.Any(m => m.UserId == me) }).SingleOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return null;
        }
        var inGroup = group.InIt && view.IsMember;
        return new DecisionCircle(view.Congregation.Id, null, group.Name, $"/congregations/{view.Congregation.Slug}/working-groups/{groupId}/decisions",
            view.UserId, inGroup, view.IsHost && inGroup, IsAdmin: false)
        { Congregation = view, WorkingGroupId = groupId, MayRead = view.IsMember };
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
        var advisers = decision.Kind == DecisionKind.Advice
            ? await db.DecisionAdvisers.AsNoTracking().Include(a => a.User).Where(a => a.DecisionId == id).OrderBy(a => a.User.DisplayName).ToListAsync(cancellationToken)
            : [];
        var options = decision.Kind == DecisionKind.TimePoll
            ? await db.DecisionOptions.AsNoTracking().Include(o => o.Answers).ThenInclude(a => a.User).Where(o => o.DecisionId == id).OrderBy(o => o.Position)
                .AsSplitQuery().ToListAsync(cancellationToken)
            : [];
        return new DecisionView(circle, decision, answers, amendments, time.GetUtcNow().UtcDateTime) { Advisers = advisers, Options = options };
    }
}
