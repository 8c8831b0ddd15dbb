using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>
/// One formation round. Members give and change their preferences while it is open, and later see their own
/// proposed crew only; hosts run, adjust and publish. Preferences are read here only for the viewer's own form, and
/// for hosts as one bit per proposed crew: whether it holds a "rather not" pair, never which.
/// </summary>
/// The same page serves a program's round at /programs/{program}/formation/{id} (<see cref="RoundsFeature.ProgramRoundRoute"/>):
/// there the program's facilitator team hosts and its cohort takes part.
public sealed class RoundModel(CongregationAccess access, RoundAccess rounds, HubDbContext db, ViewerClock clock, TimeProvider time,
    GivePreferences give, RunRound run, AdjustProposal adjust, PublishRound publish, AnswerProposal answer, IStringLocalizer<Strings> strings)
    : HubPageModel
{
    /// <summary>The congregation, for a congregation's round (its navigation); null for a program's.</summary>
    public CongregationView? View { get; private set; }

    [FromRoute] public Guid? Program { get; set; }

    public sealed record Person(Guid Id, string Name, ProposalAnswer Answer, string UnplacedReason);

    /// <summary>
    /// A proposed crew as a page shows it. <see cref="ShowsShared"/> is false for a crew too small to show hours and
    /// interests in common without showing one person's own; <see cref="Marked"/> when it holds a "rather not" pair.
    /// </summary>
    public sealed record CrewLine(Guid Id, int Number, IReadOnlyList<Person> Members, IReadOnlyList<string> Slots, string Interests, Guid? CrewId,
        bool ShowsShared, bool Marked)
    {
        /// <summary>The hours all its members are free, as grid indexes in the viewer's zone (empty unless <see cref="ShowsShared"/>).</summary>
        public IReadOnlyList<int> FreeTogether { get; init; } = [];
    }

    public RoundView Round { get; private set; } = null!;
    public ViewerClock Clock => clock;
    public bool AcceptsPreferences { get; private set; }
    public DateTime NowUtc { get; private set; }
    public int Taking { get; private set; }

    /// <summary>The other participants, for the viewer's own form, with the viewer's own choice about each.</summary>
    public IReadOnlyList<(Guid Id, string Name, PreferenceChoice Choice)> Others { get; private set; } = [];

    public string ZoneName { get; private set; } = "UTC";
    public IReadOnlyList<CrewLine> Crews { get; private set; } = [];
    public IReadOnlyList<Person> Unplaced { get; private set; } = [];
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public CrewLine? MyCrew { get; private set; }

    [BindProperty] public string? Interests { get; set; }
    [BindProperty] public List<int> Free { get; set; } = [];
    /// <summary>
    /// The viewer's choice about each other participant, posted as About[participant id]. Read from the form by
    /// hand: bound as a property, a dictionary with no entries falls back to every form field as a key.
    /// </summary>
    public Dictionary<Guid, PreferenceChoice> About { get; } = [];
    [BindProperty] public Guid ParticipantId { get; set; }
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public bool Consent { get; set; }

    /// <summary>Set by the second press of a button whose effect cannot be undone (declining, running again over adjustments).</summary>
    [BindProperty] public bool Confirmed { get; set; }

    /// <summary>Which action the page asks to confirm: "Answer" or "Run"; null when none.</summary>
    public string? Confirming { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, Guid id)
    {
        if (await LoadRoundAsync(slug, id) is { } refused)
        {
            return refused;
        }
        return await ShowAsync(fromSaved: true);
    }

    public async Task<IActionResult> OnPostPreferencesAsync(string? slug, Guid id)
    {
        if (await LoadRoundAsync(slug, id, v => v.IsMember) is { } refused)
        {
            return refused;
        }
        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith("About[", StringComparison.Ordinal) && key.EndsWith(']') && Guid.TryParse(key[6..^1], out var about)
                && Enum.TryParse<PreferenceChoice>(value.ToString(), out var choice) && Enum.IsDefined(choice))
            {
                About[about] = choice;
            }
        }
        var outcome = await give.RunAsync(Round, new GivePreferences.Input(Interests ?? "", Free, About), HttpContext.RequestAborted);
        return await AfterAsync(outcome, Round.IsParticipant ? strings["Rounds.Notice.Saved"] : strings["Rounds.Notice.Joined"],
            () => ShowAsync(fromSaved: false));
    }

    public async Task<IActionResult> OnPostRunAsync(string? slug, Guid id)
    {
        if (await LoadRoundAsync(slug, id, v => v.IsHost) is { } refused)
        {
            return refused;
        }
        if (Round.Round.Stage == FormationStage.Proposed && !Confirmed)
        {
            Confirming = "Run";
            return await ShowAsync(fromSaved: true);
        }
        return await AfterAsync(await run.RunAsync(Round, HttpContext.RequestAborted), strings["Rounds.Notice.Ran"], () => ShowAsync(fromSaved: true));
    }

    public async Task<IActionResult> OnPostMoveAsync(string? slug, Guid id)
    {
        if (await LoadRoundAsync(slug, id, v => v.IsHost) is { } refused)
        {
            return refused;
        }
        var result = await adjust.RunAsync(Round, ParticipantId, Target ?? "", HttpContext.RequestAborted);
        var notice = result.Warnings.Count > 0 ? strings["Rounds.Notice.MovedWarnings"] : strings["Rounds.Notice.Moved"];
        return await AfterAsync(result.Outcome, notice, () => ShowAsync(fromSaved: true));
    }

    public async Task<IActionResult> OnPostPublishAsync(string? slug, Guid id) =>
        await LoadRoundAsync(slug, id, v => v.IsHost)
        ?? await AfterAsync(await publish.RunAsync(Round, HttpContext.RequestAborted), strings["Rounds.Notice.Published"], () => ShowAsync(fromSaved: true));

    public async Task<IActionResult> OnPostAnswerAsync(string? slug, Guid id)
    {
        if (await LoadRoundAsync(slug, id, v => v.IsMember) is { } refused)
        {
            return refused;
        }
        if (!Consent && !Confirmed)
        {
            Confirming = "Answer";
            return await ShowAsync(fromSaved: true);
        }
        return await AfterAsync(await answer.RunAsync(Round, Consent, HttpContext.RequestAborted),
            Consent ? strings["Rounds.Notice.Consented"] : strings["Rounds.Notice.Declined"], () => ShowAsync(fromSaved: true));
    }

    /// <summary>
    /// Why someone is not placed, told to them by the kind of reason (never whose preferences). Rounds
    /// proposed before the kind was stored fall back to the stored words (<see cref="RunRound.ShownReason"/>).
    /// </summary>
    public static string ReasonForMember(NotPlaced kind, string reason, IStringLocalizer strings) => kind switch
    {
        NotPlaced.Declined => strings["Rounds.Reason.Declined"],
        NotPlaced.NoCrewCouldTakeThem => strings["Rounds.Reason.NoCrewCouldTakeYou"],
        NotPlaced.NoHours => strings["Rounds.Reason.NoHours"],
        NotPlaced.NoSharedHours => strings["Rounds.Reason.NoSharedHours"],
        NotPlaced.TooFewPeople => strings["Rounds.Reason.TooFewPeople"],
        NotPlaced.LeftOutByHosts => strings["Rounds.Reason.LeftOutByHosts"],
        _ => RunRound.ShownReason(reason) switch
        {
            "" => "",
            "declined the proposed crew" => strings["Rounds.Reason.Declined"],
            Microsolidarity.Grouping.FormCrews.NoCrewCouldTakeThem => strings["Rounds.Reason.NoCrewCouldTakeYou"],
            var shown => strings["Rounds.Reason.SearchGave", shown],
        },
    };

    /// <summary>
    /// Why someone is not placed, as the hosts read it beside their name: the kind in the page's language, or the
    /// stored words (the search's, in English) for rounds proposed before the kind was stored.
    /// </summary>
    public static string ReasonForHost(NotPlaced kind, string reason, int minSize, IStringLocalizer strings) => kind switch
    {
        NotPlaced.Declined => strings["Rounds.HostReason.Declined"],
        NotPlaced.NoCrewCouldTakeThem => strings["Rounds.HostReason.NoCrewCouldTakeThem"],
        NotPlaced.NoHours => strings["Rounds.HostReason.NoHours"],
        NotPlaced.NoSharedHours => strings["Rounds.HostReason.NoSharedHours", minSize],
        NotPlaced.TooFewPeople => strings["Rounds.HostReason.TooFewPeople", minSize],
        NotPlaced.LeftOutByHosts => strings["Rounds.HostReason.LeftOutByHosts"],
        _ => RunRound.ShownReason(reason),
    };

    private async Task<IActionResult?> LoadRoundAsync(string? slug, Guid id, Func<RoundView, bool>? allowed = null)
    {
        RoundView? round;
        if (slug is not null)
        {
            View = await access.LoadAsync(slug, User, HttpContext.RequestAborted);
            if (View is null)
            {
                return NotFound();
            }
            if (!View.IsMember && !View.IsHost)
            {
                return View.IsSignedIn ? Forbid() : Challenge();
            }
            round = await rounds.LoadAsync(View, id, HttpContext.RequestAborted);
        }
        else
        {
            // A program is nobody's business but its team's and its cohort's: to anyone else it does not exist.
            var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
            if (me is null)
            {
                return Challenge();
            }
            round = Program is { } program ? await rounds.LoadForProgramAsync(program, me, id, HttpContext.RequestAborted) : null;
        }
        if (round is null)
        {
            return NotFound();
        }
        Round = round;
        return allowed is null || allowed(Round) ? null : Forbid();
    }

    private async Task<IActionResult> ShowAsync(bool fromSaved)
    {
        var zone = await clock.ZoneAsync();
        ZoneName = zone.Id;
        var now = NowUtc = time.GetUtcNow().UtcDateTime;
        var r = Round.Round;
        AcceptsPreferences = Round.AcceptsPreferences(now) && Round.IsMember;
        var people = await db.FormationParticipants.AsNoTracking().Where(p => p.RoundId == r.Id).OrderBy(p => p.JoinedAt)
            .Select(p => new { p.Id, p.UserId, p.User.DisplayName, p.ProposedCrewId, p.UnplacedReason, p.NotPlaced, p.Answer }).ToListAsync(HttpContext.RequestAborted);
        Taking = people.Count;
        if (AcceptsPreferences)
        {
            var mine = Round.Me is null ? [] : await db.FormationPreferences.AsNoTracking().Where(p => p.FromParticipantId == Round.Me.Id)
                .ToDictionaryAsync(p => p.AboutParticipantId, p => p.Choice, HttpContext.RequestAborted);
            if (fromSaved)
            {
                foreach (var (about, choice) in mine)
                {
                    About[about] = choice;
                }
                if (Round.Me is { } me)
                {
                    Interests = me.Interests;
                    Free = [.. Enumerable.Range(0, 168).Where(i => me.Availability[i] == '1')];
                }
                else
                {
                    // Someone new starts from their profile: the same interests and usual hours, in their own zone.
                    var profile = await db.Profiles.AsNoTracking().Where(p => p.UserId == Round.Owner.UserId)
                        .Select(p => new { p.Interests, p.Availability }).FirstOrDefaultAsync(HttpContext.RequestAborted);
                    Interests = profile?.Interests ?? "";
                    Free = profile is null ? [] : [.. Enumerable.Range(0, Math.Min(168, profile.Availability.Length)).Where(i => profile.Availability[i] == '1')];
                }
            }
            Others = [.. people.Where(p => p.UserId != Round.Owner.UserId).Select(p => (p.Id, p.DisplayName, About.GetValueOrDefault(p.Id)))];
        }
        if (r.Stage != FormationStage.Open)
        {
            var crews = await db.ProposedCrews.AsNoTracking().Where(c => c.RoundId == r.Id).OrderBy(c => c.Number).ToListAsync(HttpContext.RequestAborted);
            // Whether a crew holds a "rather not" pair is read for hosts only, and says no more than that.
            var marked = Round.IsHost ? (await RatherNots.LoadAsync(db, r.Id, HttpContext.RequestAborted)).MarkedCrews(people.Select(p => (p.Id, p.ProposedCrewId)), r.MinSize)
                : new HashSet<Guid>();
            var lines = crews.Select(c =>
            {
                var members = people.Where(p => p.ProposedCrewId == c.Id).Select(p => new Person(p.Id, p.DisplayName, p.Answer, "")).ToList();
                var shows = AdjustProposal.ShowsWhatIsShared(r, members.Count);
                return new CrewLine(c.Id, c.Number, members, shows ? RoundSlots.Describe(RoundSlots.Parse(c.SharedSlots), zone, r.PreferencesDueAt) : [],
                    shows ? c.CommonInterests : "", c.CrewId, shows, marked.Contains(c.Id))
                {
                    FreeTogether = shows ? [.. RoundSlots.Parse(c.SharedSlots).Select(s => RoundSlots.ToLocal(s, zone, r.PreferencesDueAt)).Distinct()] : [],
                };
            }).ToList();
            if (Round.IsHost)
            {
                Crews = lines;
                Unplaced = [.. people.Where(p => p.ProposedCrewId is null).Select(p => new Person(p.Id, p.DisplayName, p.Answer, ReasonForHost(p.NotPlaced, p.UnplacedReason, r.MinSize, strings)))];
                var tracked = people.Select(p => new FormationParticipant { Id = p.Id, ProposedCrewId = p.ProposedCrewId }).ToList();
                Warnings = [.. AdjustProposal.Warnings(r, crews, tracked, marked, strings)];
            }
            // A member sees their own proposed crew only, and only once it is published.
            if (r.Stage == FormationStage.Published && Round.Me?.ProposedCrewId is { } mineId)
            {
                MyCrew = lines.SingleOrDefault(l => l.Id == mineId);
            }
        }
        NotKept.Say(Response);
        return Page();
    }
}
