using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Care;

/// <summary>A prepared note from a row of the care view, for the host to read, change and send (or not).</summary>
public sealed class NudgeModel(CongregationAccess access, HubDbContext db, SendNudge send, IEnumerable<IUpcomingEvents> calendars, ViewerClock clock, TimeProvider time,
    IStringLocalizer<Strings> t)
    : CongregationPageModel(access)
{
    [BindProperty(SupportsGet = true)] public string? Why { get; set; }
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Crew { get; set; }
    [BindProperty] public string? Message { get; set; }

    public NudgeReason Reason { get; private set; }

    /// <summary>Whom the note is for, as the page names them: a person, or a crew and how many of its members.</summary>
    public string To { get; private set; } = "";

    /// <summary>Set when everyone the note is for had one this week: the page says when the host may write again.</summary>
    public DateTime? WriteAgainFrom { get; private set; }

    public ViewerClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug, v => v.IsHost) ?? await ShowAsync(prepare: true);

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsHost) is { } refused)
        {
            return refused;
        }
        if (Why is null || !NudgeWords.ByQuery.TryGetValue(Why, out var reason))
        {
            return NotFound();
        }
        var (outcome, sent) = await send.RunAsync(View, reason, Person, Crew, Message, HttpContext.RequestAborted);
        var notice = sent is null ? "" : NudgeWords.IsAboutACrew(reason)
            ? t.Plural("Congregations.Nudge.SentToCrew", sent.People) + (sent.AlreadyHeard > 0 ? " " + t.Plural("Congregations.Nudge.LeftOut", sent.AlreadyHeard) : "")
            : t["Congregations.Nudge.Sent"];
        // A note sent back empty gets the prepared one again, beside the error, rather than a blank box to start over in.
        return await AfterAsync(outcome, notice, () => ShowAsync(prepare: string.IsNullOrWhiteSpace(Message)), $"/congregations/{View.Congregation.Slug}/care");
    }

    private async Task<IActionResult> ShowAsync(bool prepare)
    {
        if (Why is null || !NudgeWords.ByQuery.TryGetValue(Why, out var reason))
        {
            return NotFound();
        }
        Reason = reason;
        var c = View.Congregation;
        var now = time.GetUtcNow().UtcDateTime;
        await clock.ZoneAsync();
        List<string> people;
        string crewName = "";
        if (NudgeWords.IsAboutACrew(reason))
        {
            var crew = await db.Crews.AsNoTracking().Where(x => x.Id == Crew && x.CongregationId == c.Id && x.Stage != CrewStage.Disbanded)
                .Select(x => new
                {
                    x.Name,
                    People = x.Members.Where(m => m.Status == CrewMemberStatus.Joined && m.UserId != View.UserId
                        && db.Memberships.Any(s => s.CongregationId == c.Id && s.UserId == m.UserId)).Select(m => m.UserId).ToList(),
                })
                .SingleOrDefaultAsync();
            if (crew is null)
            {
                return NotFound();
            }
            crewName = crew.Name;
            people = crew.People;
            To = t.Plural("Congregations.Nudge.CrewMembers", people.Count, crew.Name);
        }
        else
        {
            var person = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == c.Id && m.UserId == Person)
                .Select(m => new { m.UserId, m.User.DisplayName }).SingleOrDefaultAsync();
            if (person is null)
            {
                return NotFound();
            }
            people = [person.UserId];
            To = person.DisplayName;
        }
        var about = SendNudge.About(c.Id);
        var since = now - SendNudge.OnePerPerson;
        var heard = await db.Notifications.AsNoTracking().Where(n => n.About == about && n.CreatedAt > since && people.Contains(n.UserId))
            .GroupBy(n => n.UserId).Select(g => new { UserId = g.Key, Last = g.Max(n => n.CreatedAt) }).ToListAsync();
        if (people.Count > 0 && heard.Count == people.Count)
        {
            WriteAgainFrom = heard.Min(h => h.Last) + SendNudge.OnePerPerson;
        }
        if (prepare)
        {
            var host = await db.Users.AsNoTracking().Where(u => u.Id == View.UserId).Select(u => u.DisplayName).SingleAsync();
            string? next = null;
            foreach (var calendar in calendars)
            {
                if ((await calendar.ForCongregationAsync(c.Id, asMember: true, 1, HttpContext.RequestAborted)) is [var e, ..])
                {
                    next = t["Congregations.Nudge.NextOn", e.Title, ViewerClock.DateIn(e.StartsAtUtc, TimeZones.FindOrUtc(e.TimeZoneId))];
                    break;
                }
            }
            Message = NudgeWords.Prepared(t, reason, crewName, host, c.Name, next);
        }
        return Page();
    }
}
