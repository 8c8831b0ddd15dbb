using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>The hosts name two care contacts and the days they have to acknowledge a concern.</summary>
public sealed class CareContactsModel(CongregationAccess access, HubDbContext db, NameCareContacts name, IStringLocalizer<Strings> t)
    : CongregationPageModel(access)
{
    public sealed record Choice(string UserId, string Name, bool IsHost);

    [BindProperty] public string? First { get; set; }
    [BindProperty] public string? Second { get; set; }
    [BindProperty] public int? Days { get; set; }

    public IReadOnlyList<Choice> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug, v => v.IsHost) ?? await ShowAsync(fill: true);

    public async Task<IActionResult> OnPostAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await name.RunAsync(View, [First, Second], Days, HttpContext.RequestAborted),
            t["Congregations.CareContacts.Notice.Saved"], () => ShowAsync(fill: false));

    private async Task<IActionResult> ShowAsync(bool fill)
    {
        var c = View.Congregation;
        var members = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == c.Id).OrderBy(m => m.User.DisplayName)
            .Select(m => new { m.UserId, m.User.DisplayName, m.IsHost, m.IsCareContact, m.JoinedAt }).ToListAsync();
        Members = [.. members.Select(m => new Choice(m.UserId, m.DisplayName, m.IsHost))];
        if (fill)
        {
            var named = members.Where(m => m.IsCareContact).OrderBy(m => m.JoinedAt).Select(m => m.UserId).ToList();
            First = named.ElementAtOrDefault(0);
            Second = named.ElementAtOrDefault(1);
            Days = c.ConcernAcknowledgeDays;
        }
        return Page();
    }
}
