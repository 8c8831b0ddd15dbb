using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>Raising a concern: who will read it, and by when they will acknowledge it, are said before anything is sent.</summary>
public sealed class RaiseConcernModel(CongregationAccess access, HubDbContext db, RaiseConcern raise, ViewerClock clock, TimeProvider time,
    IStringLocalizer<Strings> t) : CongregationPageModel(access)
{
    public sealed record Choice(string Value, string Name);

    [BindProperty] public ConcernAbout About { get; set; }
    [BindProperty] public string? PersonId { get; set; }
    [BindProperty] public Guid? CrewId { get; set; }
    [BindProperty] public string? Text { get; set; }

    public IReadOnlyList<Choice> People { get; private set; } = [];
    public IReadOnlyList<Choice> Crews { get; private set; } = [];
    public IReadOnlyList<string> CareContactNames { get; private set; } = [];
    public bool IsCareContact { get; private set; }

    /// <summary>The latest the care contacts will acknowledge a concern raised now, in the viewer's zone.</summary>
    public string AcknowledgeBy { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug, v => v.IsMember) ?? await ShowAsync();

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsMember) is { } refused)
        {
            return refused;
        }
        var (outcome, id) = await raise.RunAsync(View, new RaiseConcern.Input(About, PersonId, CrewId, Text), HttpContext.RequestAborted);
        return await AfterAsync(outcome, t["Congregations.Concerns.Notice.Sent"], ShowAsync,
            id is { } made ? ConcernRules.PathOf(View.Congregation.Slug, made) : null);
    }

    private async Task<IActionResult> ShowAsync()
    {
        var c = View.Congregation;
        var me = View.UserId;
        var contacts = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == c.Id && m.IsCareContact)
            .OrderBy(m => m.JoinedAt).Select(m => new { m.UserId, m.User.DisplayName }).ToListAsync();
        CareContactNames = [.. contacts.Where(x => x.UserId != me).Select(x => x.DisplayName)];
        IsCareContact = contacts.Any(x => x.UserId == me);
        People = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == c.Id && m.UserId != me)
            .OrderBy(m => m.User.DisplayName).Select(m => new Choice(m.UserId, m.User.DisplayName)).ToListAsync();
        Crews = await db.Crews.AsNoTracking().Where(x => x.CongregationId == c.Id && x.Stage != CrewStage.Disbanded)
            .OrderBy(x => x.Name).Select(x => new Choice(x.Id.ToString(), x.Name)).ToListAsync();
        await clock.ZoneAsync();
        AcknowledgeBy = clock.Format(time.GetUtcNow().UtcDateTime.AddDays(Math.Max(1, c.ConcernAcknowledgeDays)), "dddd d MMMM, HH:mm");
        return Page();
    }
}
