using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>Proposing something to the circle: how it is decided (consent, advice, a time poll), the question, the proposal, when answers close.</summary>
public sealed class ProposeModel(DecisionAccess access, HubDbContext db, ProposeDecision propose, ViewerClock clock, TimeProvider time,
    IStringLocalizer<Strings> strings)
    : DecisionPageModel(access)
{
    public sealed class InputModel
    {
        public string? Question { get; set; }
        public string? Proposal { get; set; }
        public string? Background { get; set; }
        public DateTime? Closes { get; set; }
        public string? Quorum { get; set; }
        public DecisionVisibility Visibility { get; set; } = DecisionVisibility.Names;
        public DecisionKind Kind { get; set; } = DecisionKind.Consent;

        /// <summary>An advice process's named advisers (user ids).</summary>
        public List<string> Advisers { get; set; } = [];

        /// <summary>A time poll's candidate times, in the proposer's zone; empty boxes are left out.</summary>
        public List<DateTime?> Options { get; set; } = [];
    }

    /// <summary>The people one may ask for advice: the circle's members but oneself, by name.</summary>
    public IReadOnlyList<(string Id, string Name)> People { get; private set; } = [];

    [BindProperty] public InputModel Input { get; set; } = new();
    public ViewerClock Clock => clock;
    public int MemberCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(DecisionKind? kind)
    {
        if (await LoadCircleAsync(c => c.IsMember) is { } refused)
        {
            return refused;
        }
        // "Start a time poll" and the like link here with the kind chosen.
        Input.Kind = kind is { } k && Enum.IsDefined(k) ? k : DecisionKind.Consent;
        // A week from now, at 20:00 in the viewer's zone: time to read, ask and answer.
        var zone = await clock.ZoneAsync();
        Input.Closes = TimeZones.ToLocal(time.GetUtcNow().UtcDateTime, zone).Date.PlusDays(7).AtMidnight().PlusHours(20).ToDateTimeUnspecified();
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostProposeAsync()
    {
        if (await LoadCircleAsync(c => c.IsMember) is { } refused)
        {
            return refused;
        }
        var zone = await clock.ZoneAsync();
        if (ModelState["Input.Closes"]?.Errors.Count > 0)
        {
            ModelState.Remove("Input.Closes");
            ModelState.AddModelError("Input.Closes", strings["Decisions.Problem.ClosesFormat"]);
        }
        if (ModelState.Keys.Where(k => k.StartsWith("Input.Options", StringComparison.Ordinal) && ModelState[k]!.Errors.Count > 0).ToList() is { Count: > 0 } badTimes)
        {
            badTimes.ForEach(k => ModelState.Remove(k));
            ModelState.AddModelError("Input.Options", strings["Decisions.Problem.OptionsFormat"]);
        }
        if (ModelState["Input.Kind"]?.Errors.Count > 0)
        {
            ModelState.Remove("Input.Kind");
            ModelState.AddModelError("Input.Kind", strings["Decisions.Problem.Kind"]);
        }
        if (ModelState["Input.Visibility"]?.Errors.Count > 0)
        {
            ModelState.Remove("Input.Visibility");
            ModelState.AddModelError("Input.Visibility", strings["Decisions.Problem.Visibility"]);
        }
        int? quorum = null;
        if (!string.IsNullOrWhiteSpace(Input.Quorum))
        {
            if (int.TryParse(Input.Quorum.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var q))
            {
                quorum = q;
            }
            else
            {
                ModelState.AddModelError("Input.Quorum", strings["Decisions.Problem.QuorumNumber"]);
            }
        }
        var input = new ProposeDecision.Input(Input.Question ?? "", Input.Proposal ?? "", Input.Background ?? "", Input.Closes, quorum, Input.Visibility,
            Input.Kind, Input.Advisers, [.. Input.Options.OfType<DateTime>()]);
        if (!ModelState.IsValid)
        {
            var members = (await Circle.MemberIdsAsync(db, HttpContext.RequestAborted)).Count;
            foreach (var (field, message) in ProposeDecision.Problems(input, zone, time.GetUtcNow().UtcDateTime, members, strings)
                .Where(p => ModelState[$"Input.{p.Field}"] is not { Errors.Count: > 0 }))
            {
                ModelState.AddModelError($"Input.{field}", message);
            }
            return await ShowAsync();
        }
        var (outcome, id) = await propose.RunAsync(Circle, input, zone, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, "Input");
            return await ShowAsync();
        }
        Notice = strings["Decisions.Notice.Proposed", Circle.MembersIn(strings)];
        return Redirect(Circle.PathOf(id!.Value));
    }

    private async Task<IActionResult> ShowAsync()
    {
        await clock.ZoneAsync();
        var members = await Circle.MemberIdsAsync(db, HttpContext.RequestAborted);
        MemberCount = members.Count;
        var others = members.Where(m => m != Circle.UserId).ToList();
        People = [.. (await db.Users.AsNoTracking().Where(u => others.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(HttpContext.RequestAborted)).Select(u => (u.Id, u.DisplayName))];
        // Room for every candidate time a poll may have: boxes left empty are not times.
        while (Input.Options.Count < ProposeDecision.MaxOptions)
        {
            Input.Options.Add(null);
        }
        return Page();
    }
}
