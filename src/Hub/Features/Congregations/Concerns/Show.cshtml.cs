using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>
/// One concern. Its raiser reads what they wrote, where it stands and the closing note; the care contacts (and the
/// administrators, when it went to them) read it too, keep the private log of steps, acknowledge and close it.
/// Anyone else gets "not found", so its existence is not given away.
/// </summary>
public sealed class ConcernModel(CongregationAccess access, HubDbContext db, AcknowledgeConcern acknowledge, RecordConcernStep record, CloseConcern close,
    ViewerClock clock, IStringLocalizer<Strings> t) : CongregationPageModel(access)
{
    public sealed record StepRow(string By, string Text, DateTime At);

    [BindProperty] public string? Step { get; set; }
    [BindProperty] public string? Note { get; set; }

    public Concern Concern { get; private set; } = null!;
    public bool IsRaiser { get; private set; }
    public bool CanTend { get; private set; }
    public string RaisedBy { get; private set; } = "";
    public string About { get; private set; } = "";
    public string? AcknowledgedBy { get; private set; }
    public string? ClosedBy { get; private set; }
    public IReadOnlyList<string> TenderNames { get; private set; } = [];
    public IReadOnlyList<StepRow> Steps { get; private set; } = [];
    public ViewerClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(string slug, Guid concern) => await LoadAsync(slug, v => v.IsSignedIn) ?? await ShowAsync(concern);

    public async Task<IActionResult> OnPostAcknowledgeAsync(string slug, Guid concern) =>
        await LoadAsync(slug, v => v.IsSignedIn) ?? await ReadableAsync(concern) ?? await AfterAsync(await acknowledge.RunAsync(View, concern, HttpContext.RequestAborted),
            t["Congregations.Concerns.Notice.Acknowledged"], () => ShowAsync(concern));

    public async Task<IActionResult> OnPostStepAsync(string slug, Guid concern) =>
        await LoadAsync(slug, v => v.IsSignedIn) ?? await ReadableAsync(concern) ?? await AfterAsync(await record.RunAsync(View, concern, Step, HttpContext.RequestAborted),
            t["Congregations.Concerns.Notice.Step"], () => ShowAsync(concern));

    public async Task<IActionResult> OnPostCloseAsync(string slug, Guid concern) =>
        await LoadAsync(slug, v => v.IsSignedIn) ?? await ReadableAsync(concern) ?? await AfterAsync(await close.RunAsync(View, concern, Note, HttpContext.RequestAborted),
            t["Congregations.Concerns.Notice.Closed"], () => ShowAsync(concern));

    /// <summary>Someone who may not read the concern gets "not found" for a post as for a look.</summary>
    private async Task<IActionResult?> ReadableAsync(Guid concernId)
    {
        var concern = await db.Concerns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == concernId && x.CongregationId == View.Congregation.Id);
        var contacts = await ConcernRules.CareContactsAsync(db, View.Congregation.Id, HttpContext.RequestAborted);
        return concern is not null && ConcernRules.CanRead(concern, View.UserId, View.IsAdmin, contacts) ? null : NotFound();
    }

    private async Task<IActionResult> ShowAsync(Guid concernId)
    {
        var c = View.Congregation;
        var concern = await db.Concerns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == concernId && x.CongregationId == c.Id);
        var contacts = await ConcernRules.CareContactsAsync(db, c.Id, HttpContext.RequestAborted);
        if (concern is null || !ConcernRules.CanRead(concern, View.UserId, View.IsAdmin, contacts))
        {
            return NotFound();
        }
        Concern = concern;
        IsRaiser = concern.RaisedByUserId == View.UserId;
        CanTend = ConcernRules.CanTend(concern, View.UserId, View.IsAdmin, contacts);
        var named = new[] { concern.RaisedByUserId, concern.AboutUserId, concern.AcknowledgedByUserId, concern.ClosedByUserId }.OfType<string>()
            .Concat(contacts).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => named.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        string Name(string? id, string gone) => id is not null && names.TryGetValue(id, out var n) ? n : gone;
        RaisedBy = concern.RaisedByUserId is null ? t["Congregations.Concerns.SomeoneLeft"] : Name(concern.RaisedByUserId, "");
        About = concern.AboutUserId is not null ? Name(concern.AboutUserId, "")
            : concern.AboutCrewId is { } crew ? (await db.Crews.AsNoTracking().Where(k => k.Id == crew).Select(k => k.Name).FirstOrDefaultAsync() is { } crewName ? t["Congregations.Concerns.TheCrew", crewName] : t["Congregations.Concerns.ACrew"])
            : "";
        AcknowledgedBy = concern.AcknowledgedAt is null ? null : Name(concern.AcknowledgedByUserId, t["Congregations.Concerns.AContact"]);
        ClosedBy = concern.ClosedAt is null ? null : Name(concern.ClosedByUserId, t["Congregations.Concerns.AContact"]);
        var tenders = contacts.Where(x => x != concern.AboutUserId && x != concern.RaisedByUserId).Select(x => Name(x, "")).ToList();
        if (concern.ToAdministrators)
        {
            tenders.Add(t["Congregations.Concerns.Admins"]);
        }
        TenderNames = tenders;
        if (CanTend)
        {
            Steps = (await db.ConcernSteps.AsNoTracking().Where(s => s.ConcernId == concern.Id).OrderBy(s => s.At)
                .Select(s => new { s.ByUserId, s.Text, s.At, Name = db.Users.Where(u => u.Id == s.ByUserId).Select(u => u.DisplayName).FirstOrDefault() })
                .ToListAsync()).Select(s => new StepRow(s.Name ?? t["Congregations.Concerns.FormerContact"], s.Text, s.At)).ToList();
        }
        await clock.ZoneAsync();
        return Page();
    }
}
