using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// A congregation's open crew calls, for its members: open calls first, then those that closed lately, and the
/// form to post one. Visitors and people of other congregations see what calls are and how to take part.
/// </summary>
public sealed class CrewCallsModel(CongregationAccess access, HubDbContext db, PostCall post, ViewerClock clock, TimeProvider time,
    IStringLocalizer<Strings> strings)
    : CongregationPageModel(access)
{
    /// <summary>The fields whose own binding message is replaced by one that says what to choose.</summary>
    private static readonly string[] ChoiceFields = ["Input.Size", "Input.Kind", "Input.UsualDay"];

    public sealed record Item(Guid Id, string Name, string Purpose, string Kind, string CallerName, bool IsMine, string UsualHour, string Zone,
        int Size, int Accepted, DateOnly EndsOn, string State, CrewCallRequestState? MyRequest);

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Purpose { get; set; }
        public CrewCallKind Kind { get; set; } = CrewCallKind.PeerSupport;
        public string? TimeZone { get; set; }
        public bool FindATime { get; set; }
        public DayOfWeek UsualDay { get; set; } = DayOfWeek.Tuesday;
        public string? UsualTime { get; set; } = "19:00";
        public int Size { get; set; } = 4;
        public DateOnly? EndsOn { get; set; }
    }

    /// <summary>How long a closed call stays listed for the record.</summary>
    public const int ClosedDays = 60;

    public IReadOnlyList<Item> Open { get; private set; } = [];
    public IReadOnlyList<Item> Closed { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await LoadAsync(slug) is { } refused)
        {
            return refused;
        }
        await clock.ZoneAsync();
        Input.TimeZone = clock.OwnZone?.Id ?? ""; // empty: the page's script fills in the device's zone
        return await ListAsync();
    }

    public async Task<IActionResult> OnPostCallAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsMember) is { } refused)
        {
            return refused;
        }
        TimeOnly? at = null;
        if (!Input.FindATime)
        {
            if (TimeOnly.TryParse(Input.UsualTime, CultureInfo.InvariantCulture, out var parsed))
            {
                at = parsed;
            }
            else if (!string.IsNullOrWhiteSpace(Input.UsualTime))
            {
                ModelState.AddModelError("Input.UsualTime", strings["Crews.Calls.HourFormat"]);
            }
        }
        if (ModelState["Input.EndsOn"]?.Errors.Count > 0)
        {
            ModelState.Remove("Input.EndsOn");
            ModelState.AddModelError("Input.EndsOn", strings["Crews.Calls.EndsOnFormat"]);
        }
        foreach (var key in ChoiceFields.Where(k => ModelState[k]?.Errors.Count > 0))
        {
            ModelState.Remove(key);
            ModelState.AddModelError(key, key switch
            {
                "Input.Size" => strings["Crews.Calls.SizeNumber", CrewsFeature.MinSize, CrewsFeature.MaxSize],
                "Input.Kind" => strings["Crews.Calls.KindFromList"],
                _ => strings["Crews.Calls.ChooseDay"],
            });
        }
        var input = new PostCall.Input(Input.Name ?? "", Input.Purpose ?? "", Input.Kind, Input.TimeZone ?? "", Input.FindATime,
            Input.FindATime ? null : Input.UsualDay, at, Input.Size, Input.EndsOn);
        if (!ModelState.IsValid)
        {
            // Say everything wrong at once: the operation's own checks too, where the field has no message yet.
            foreach (var (field, message) in PostCall.Problems(input, time.GetUtcNow().UtcDateTime, strings).Where(p => ModelState[$"Input.{p.Field}"] is not { Errors.Count: > 0 }))
            {
                ModelState.AddModelError($"Input.{field}", message);
            }
            return await ListAsync();
        }
        var (outcome, id) = await post.RunAsync(View, input, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, "Input");
            return await ListAsync();
        }
        Notice = strings["Crews.Calls.Posted", View.Congregation.Name];
        return Redirect(CallNotices.PathOf(View.Congregation.Slug, id!.Value));
    }

    private async Task<IActionResult> ListAsync()
    {
        var now = time.GetUtcNow().UtcDateTime;
        await clock.ZoneAsync();
        var viewer = clock.Zone;
        Today = CallTimes.Today(viewer, now);
        Input.EndsOn ??= Today.AddDays(14);
        if (!View.CanSeeMembers)
        {
            return Page();
        }
        var me = View.UserId;
        var since = now.AddDays(-ClosedDays);
        var rows = await db.CrewCalls.AsNoTracking()
            .Where(c => c.CongregationId == View.Congregation.Id && (c.State == CrewCallState.Open && c.ClosesAt > now
                || (c.ClosedAt ?? c.ClosesAt) > since))
            .OrderBy(c => c.ClosesAt)
            .Select(c => new
            {
                Call = c,
                CallerName = c.Caller.DisplayName,
                Mine = c.Requests.Where(r => r.UserId == me).Select(r => (CrewCallRequestState?)r.State).FirstOrDefault(),
            })
            .ToListAsync(HttpContext.RequestAborted);
        var items = rows.Select(r => new Item(r.Call.Id, r.Call.Name, r.Call.Purpose, CallTimes.KindText(r.Call.Kind, strings), r.CallerName, r.Call.CallerUserId == me,
            CallTimes.UsualHour(r.Call, clock.OwnZone, now, strings), r.Call.TimeZone, r.Call.Size, r.Call.AcceptedCount, r.Call.EndsOn,
            StateText(r.Call, now, strings), r.Mine)).ToList();
        Open = [.. items.Where((item, i) => CallTimes.IsOpen(rows[i].Call, now))];
        Closed = [.. items.Where((item, i) => !CallTimes.IsOpen(rows[i].Call, now)).OrderByDescending(i => i.EndsOn)];
        return Page();
    }

    public static string StateText(CrewCall call, DateTime now, IStringLocalizer strings) => strings[call.State switch
    {
        CrewCallState.Started => "Crews.Call.State.Started",
        CrewCallState.Closed => "Crews.Call.State.Closed",
        _ when call.ClosesAt <= now => "Crews.Call.State.Ended",
        _ => "Crews.Call.State.Open",
    }];

    public static string RequestText(CrewCallRequestState state, IStringLocalizer strings) => strings[state switch
    {
        CrewCallRequestState.Waiting => "Crews.Call.Request.Waiting",
        CrewCallRequestState.Accepted => "Crews.Call.Request.Accepted",
        CrewCallRequestState.Declined => "Crews.Call.Request.Declined",
        CrewCallRequestState.Withdrawn => "Crews.Call.Request.Withdrawn",
        _ => "Crews.Call.Request.Closed",
    }];
}
