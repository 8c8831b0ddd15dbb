using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Introductions;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>
/// A congregation's introductions: a member opts in (how often, a line to share), pauses, leaves, reads their
/// introductions and answers "did you meet?". Hosts see counts only. Visitors and people of other
/// congregations read what introductions are and how to take part.
/// </summary>
public sealed class IntroductionsModel(CongregationAccess access, HubDbContext db, ViewerClock clock, TimeProvider time, IOptions<IntroductionOptions> options,
    JoinIntroductions join, PauseIntroductions pause, LeaveIntroductions leave, AnswerDidYouMeet answerMeeting, IStringLocalizer<Strings> strings) : CongregationPageModel(access)
{
    /// <summary>How many of one's own introductions the page lists.</summary>
    public const int Shown = 6;

    public sealed record Other(string Name, string Share);

    public sealed record Mine(Guid Id, DateTime MadeAt, IReadOnlyList<Other> Others, DateTime? FirstTime, DateTime? SecondTime, int Question,
        IntroductionAnswer? Answer);

    public sealed record RoundCounts(int Number, DateTime MadeAt, int Introductions, int People, int Met, int Answered);

    public sealed class InputModel
    {
        public int EveryWeeks { get; set; } = 2;
        public string? Share { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public IntroductionMember? Me { get; private set; }
    public IReadOnlyList<Mine> Introductions { get; private set; } = [];
    public DateTime? NextRound { get; private set; }
    public int OptedIn { get; private set; }
    public int Paused { get; private set; }
    public IReadOnlyList<RoundCounts> Rounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await LoadAsync(slug) is { } refused)
        {
            return refused;
        }
        return await ShowAsync(fillInput: true);
    }

    public async Task<IActionResult> OnPostJoinAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsMember) is { } refused)
        {
            return refused;
        }
        if (ModelState["Input.EveryWeeks"]?.Errors.Count > 0)
        {
            ModelState.Remove("Input.EveryWeeks");
            ModelState.AddModelError("Input.EveryWeeks", strings["Introductions.Refused.Cadence"]);
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(fillInput: false);
        }
        var (outcome, joined) = await join.RunAsync(View, Input.EveryWeeks, Input.Share ?? "", HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, "Input");
            return await ShowAsync(fillInput: false);
        }
        Notice = joined
            ? strings["Introductions.Notice.Joined"]
            : strings["Introductions.Notice.Saved"];
        return Redirect(IntroductionNotices.PathOf(View.Congregation.Slug));
    }

    public async Task<IActionResult> OnPostPauseAsync(string slug, bool paused)
    {
        if (await LoadAsync(slug, v => v.IsMember) is { } refused)
        {
            return refused;
        }
        var outcome = await pause.RunAsync(View, paused, HttpContext.RequestAborted);
        return await AfterAsync(outcome, paused
            ? strings["Introductions.Notice.Paused"]
            : strings["Introductions.Notice.Back"], () => ShowAsync(fillInput: true));
    }

    public async Task<IActionResult> OnPostLeaveAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsMember) is { } refused)
        {
            return refused;
        }
        var outcome = await leave.RunAsync(View, HttpContext.RequestAborted);
        return await AfterAsync(outcome, strings["Introductions.Notice.Left"], () => ShowAsync(fillInput: true));
    }

    public async Task<IActionResult> OnPostAnswerAsync(string slug, Guid introduction, IntroductionAnswer answer)
    {
        if (await LoadAsync(slug, v => v.IsMember) is { } refused)
        {
            return refused;
        }
        var outcome = await answerMeeting.RunAsync(View, introduction, answer, HttpContext.RequestAborted);
        return await AfterAsync(outcome, answer switch
        {
            IntroductionAnswer.Met => strings["Introductions.Notice.Met"],
            IntroductionAnswer.NotYet => strings["Introductions.Notice.NotYet"],
            _ => strings["Introductions.Notice.Skipped"],
        }, () => ShowAsync(fillInput: true), $"{IntroductionNotices.PathOf(View.Congregation.Slug)}#introduction-{introduction:N}");
    }

    private async Task<IActionResult> ShowAsync(bool fillInput)
    {
        await clock.ZoneAsync();
        if (!View.CanSeeMembers)
        {
            return Page();
        }
        var congregationId = View.Congregation.Id;
        var settings = options.Value;
        var lastRound = await db.IntroductionRounds.AsNoTracking().Where(r => r.CongregationId == congregationId)
            .OrderByDescending(r => r.Number).Select(r => (DateTime?)r.MadeAt).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (View.IsMember)
        {
            var me = View.UserId;
            Me = await db.IntroductionMembers.AsNoTracking().SingleOrDefaultAsync(m => m.CongregationId == congregationId && m.UserId == me, HttpContext.RequestAborted);
            if (fillInput && Me is not null)
            {
                Input = new InputModel { EveryWeeks = Me.EveryWeeks, Share = Me.Share };
            }
            var rows = await db.IntroductionPeople.AsNoTracking()
                .Where(p => p.UserId == me && p.Introduction.CongregationId == congregationId)
                .OrderByDescending(p => p.Introduction.MadeAt).Take(Shown)
                .Select(p => new
                {
                    p.Introduction.Id,
                    p.Introduction.MadeAt,
                    p.Introduction.FirstTime,
                    p.Introduction.SecondTime,
                    p.Introduction.Question,
                    p.Answer,
                    Others = p.Introduction.People.Where(o => o.UserId != me).Select(o => new Other(o.User.DisplayName, o.Share)).ToList(),
                }).ToListAsync(HttpContext.RequestAborted);
            Introductions = [.. rows.Select(r => new Mine(r.Id, r.MadeAt, r.Others, r.FirstTime, r.SecondTime, r.Question, r.Answer))];
        }
        var now = time.GetUtcNow().UtcDateTime;
        NextRound = lastRound is { } made ? Later(made.AddDays(settings.RoundDays), now) : null;
        if (View.IsHost)
        {
            var counts = await db.IntroductionMembers.AsNoTracking().Where(m => m.CongregationId == congregationId)
                .GroupBy(m => m.Paused).Select(g => new { Paused = g.Key, Count = g.Count() }).ToListAsync(HttpContext.RequestAborted);
            OptedIn = counts.Sum(c => c.Count);
            Paused = counts.Where(c => c.Paused).Sum(c => c.Count);
            Rounds = await db.IntroductionRounds.AsNoTracking().Where(r => r.CongregationId == congregationId)
                .OrderByDescending(r => r.Number).Take(6)
                .Select(r => new RoundCounts(r.Number, r.MadeAt, r.Introductions.Count,
                    r.Introductions.SelectMany(i => i.People).Count(),
                    r.Introductions.Count(i => i.People.Any(p => p.Answer == IntroductionAnswer.Met)),
                    r.Introductions.SelectMany(i => i.People).Count(p => p.Answer != null)))
                .ToListAsync(HttpContext.RequestAborted);
        }
        return Page();
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    public static string AnswerText(IntroductionAnswer answer, IStringLocalizer strings) => answer switch
    {
        IntroductionAnswer.Met => strings["Introductions.Answer.Met"],
        IntroductionAnswer.NotYet => strings["Introductions.Answer.NotYet"],
        _ => strings["Introductions.Answer.Skip"],
    };
}
