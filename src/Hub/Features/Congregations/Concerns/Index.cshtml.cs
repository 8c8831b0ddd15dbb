using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>
/// A congregation's concerns as the viewer may see them: the ones they raised, and (for a care contact, or an
/// administrator when concerns were routed to them) the ones they tend. Nobody else's.
/// </summary>
public sealed class ConcernsIndexModel(CongregationAccess access, HubDbContext db, ViewerClock clock, IStringLocalizer<Strings> t) : CongregationPageModel(access)
{
    public sealed record Row(Guid Id, string About, DateTime CreatedAt, DateTime AcknowledgeBy, DateTime? AcknowledgedAt, DateTime? ClosedAt, bool ToAdministrators);

    public IReadOnlyList<Row> Raised { get; private set; } = [];
    public IReadOnlyList<Row> Tended { get; private set; } = [];
    public IReadOnlyList<string> CareContactNames { get; private set; } = [];
    public bool IsCareContact { get; private set; }
    public ViewerClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsMember || v.IsAdmin) is { } refused)
        {
            return refused;
        }
        var c = View.Congregation;
        var me = View.UserId!;
        var contacts = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == c.Id && m.IsCareContact)
            .OrderBy(m => m.JoinedAt).Select(m => new { m.UserId, m.User.DisplayName }).ToListAsync();
        CareContactNames = [.. contacts.Select(x => x.DisplayName)];
        IsCareContact = contacts.Any(x => x.UserId == me);
        var admin = View.IsAdmin;
        var careContact = IsCareContact;
        string aCrew = t["Congregations.Concerns.ACrew"];
        var rows = await db.Concerns.AsNoTracking()
            .Where(x => x.CongregationId == c.Id && (x.RaisedByUserId == me
                || (x.RaisedByUserId != me && ((careContact && x.AboutUserId != me) || (admin && x.ToAdministrators)))))
            .OrderByDescending(x => x.CreatedAt)
            .Select(x => new
            {
                Mine = x.RaisedByUserId == me,
                Row = new Row(x.Id,
                    x.About != null ? x.About.DisplayName : x.AboutCrewId != null ? db.Crews.Where(k => k.Id == x.AboutCrewId).Select(k => k.Name).FirstOrDefault() ?? aCrew : "",
                    x.CreatedAt, x.AcknowledgeBy, x.AcknowledgedAt, x.ClosedAt, x.ToAdministrators),
            })
            .ToListAsync();
        Raised = [.. rows.Where(r => r.Mine).Select(r => r.Row)];
        // Open ones first, oldest waiting at the top; closed ones after, newest first.
        Tended = [.. rows.Where(r => !r.Mine).Select(r => r.Row).OrderBy(r => r.ClosedAt is not null).ThenBy(r => r.ClosedAt is null ? r.CreatedAt.Ticks : -r.ClosedAt.Value.Ticks)];
        await clock.ZoneAsync();
        return Page();
    }

    public string Status(Row r) => r.ClosedAt is { } closed ? t["Congregations.Concerns.StatusClosed", clock.Date(closed)]
        : r.AcknowledgedAt is { } ack ? t["Congregations.Concerns.StatusAcknowledged", clock.Date(ack)]
        : t["Congregations.Concerns.StatusWaiting", clock.Time(r.AcknowledgeBy)];
}
