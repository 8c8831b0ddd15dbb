using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// A circle's decisions: those open for answers (and those waiting for their outcome), then the decision log,
/// searchable. For the circle's members (and, for a congregation, the network's administrators).
/// </summary>
public sealed class DecisionsModel(DecisionAccess access, HubDbContext db, ViewerClock clock, TimeProvider time) : DecisionPageModel(access)
{
    public sealed record Item(Guid Id, string Question, string ProposerName, bool IsMine, DateTime ClosesAt, DateTime? DecidedAt, DecisionResult? Result,
        string ResultNote, int Answers, int Blocks, DecisionResponse? MyAnswer, bool MyAnswerIsEarlier)
    {
        public DecisionKind Kind { get; init; }

        /// <summary>A poll's: how many answered, whether I did, and the chosen time.</summary>
        public int PollPeople { get; init; }
        public bool IAnsweredPoll { get; init; }
        public DateTime? ChosenAt { get; init; }

        /// <summary>How many answered, whatever the kind.</summary>
        public int Answered => Kind == DecisionKind.TimePoll ? PollPeople : Answers;
    }

    public IReadOnlyList<Item> Open { get; private set; } = [];
    public IReadOnlyList<Item> Waiting { get; private set; } = [];
    public IReadOnlyList<Item> Log { get; private set; } = [];
    public int LogTotal { get; private set; }
    public string Query { get; private set; } = "";
    public ViewerClock Clock => clock;

    /// <summary>How many log entries one page shows; a search narrows it.</summary>
    public const int LogSize = 50;

    public async Task<IActionResult> OnGetAsync(string? q)
    {
        if (await LoadCircleAsync() is { } refused)
        {
            return refused;
        }
        await clock.ZoneAsync();
        Query = (q ?? "").Trim();
        if (Query.Length > 200)
        {
            Query = Query[..200];
        }
        var now = time.GetUtcNow().UtcDateTime;
        var me = Circle.UserId;
        var mine = Circle.Of(db).AsNoTracking();
        var rows = await mine.Where(d => d.Result == null)
            .OrderBy(d => d.ClosesAt)
            .Select(d => new Item(d.Id, d.Question, d.Proposer.DisplayName, d.ProposerUserId == me, d.ClosesAt, d.DecidedAt, d.Result, d.ResultNote,
                d.Answers.Count(a => a.Version >= d.Version), d.Answers.Count(a => a.Version >= d.Version && a.Response == DecisionResponse.Block),
                d.Answers.Where(a => a.UserId == me).Select(a => (DecisionResponse?)a.Response).FirstOrDefault(),
                d.Answers.Any(a => a.UserId == me && a.Version < d.Version))
            {
                Kind = d.Kind,
                PollPeople = db.DecisionPollAnswers.Where(a => a.DecisionId == d.Id).Select(a => a.UserId).Distinct().Count(),
                IAnsweredPoll = db.DecisionPollAnswers.Any(a => a.DecisionId == d.Id && a.UserId == me),
            })
            .ToListAsync(HttpContext.RequestAborted);
        Open = [.. rows.Where(r => r.ClosesAt > now)];
        Waiting = [.. rows.Where(r => r.ClosesAt <= now)];
        var log = mine.Where(d => d.Result != null);
        if (Query.Length > 0)
        {
            log = log.Where(DecisionSearchSource.Matches(Query));
        }
        LogTotal = await log.CountAsync(HttpContext.RequestAborted);
        Log = await log.OrderByDescending(d => d.DecidedAt).Take(LogSize)
            .Select(d => new Item(d.Id, d.Question, d.Proposer.DisplayName, d.ProposerUserId == me, d.ClosesAt, d.DecidedAt, d.Result, d.ResultNote,
                d.Answers.Count(a => a.Version >= d.Version), 0, null, false)
            {
                Kind = d.Kind,
                PollPeople = db.DecisionPollAnswers.Where(a => a.DecisionId == d.Id).Select(a => a.UserId).Distinct().Count(),
                ChosenAt = db.DecisionOptions.Where(o => o.Id == d.ChosenOptionId).Select(o => (DateTime?)o.StartsAt).FirstOrDefault(),
            })
            .ToListAsync(HttpContext.RequestAborted);
        NotKept.Say(Response);
        return Page();
    }
}
