using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>A congregation's formation rounds, for its members; hosts open new ones here.</summary>
public sealed class RoundsModel(CongregationAccess access, HubDbContext db, OpenRound open, ViewerClock clock, TimeProvider time, IStringLocalizer<Strings> strings)
    : CongregationPageModel(access)
{
    public sealed record Item(Guid Id, string Title, FormationStage Stage, DateTime DueAt, int People, bool IAmIn);

    public IReadOnlyList<Item> Rounds { get; private set; } = [];
    public ViewerClock Clock => clock;
    public DateTime NowUtc { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateTime? Due { get; set; }
    [BindProperty] public int MinSize { get; set; } = 3;
    [BindProperty] public int MaxSize { get; set; } = 6;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsMember || v.IsHost) is { } refused)
        {
            return refused;
        }
        Due = TimeZones.ToLocal(time.GetUtcNow().UtcDateTime.Date.AddDays(8).AddHours(12), await clock.ZoneAsync()).Date.ToDateTimeUnspecified().AddHours(20);
        return await ListAsync();
    }

    public async Task<IActionResult> OnPostOpenAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsHost) is { } refused)
        {
            return refused;
        }
        var zone = await clock.ZoneAsync();
        if (ModelState[nameof(Due)]?.Errors.Count > 0)
        {
            ModelState.Remove(nameof(Due));
            ModelState.AddModelError(nameof(Due), strings["Rounds.Refused.DueFormat"]);
        }
        if (!ModelState.IsValid)
        {
            return await ListAsync();
        }
        var (outcome, id) = await open.RunAsync(View, new OpenRound.Input(Title ?? "", Due, MinSize, MaxSize), zone, HttpContext.RequestAborted);
        return await AfterAsync(outcome, strings["Rounds.Notice.Opened"], ListAsync,
            $"/congregations/{slug}/formation/{id}");
    }

    private async Task<IActionResult> ListAsync()
    {
        await clock.ZoneAsync();
        NowUtc = time.GetUtcNow().UtcDateTime;
        var me = View.UserId;
        Rounds = await db.FormationRounds.AsNoTracking().Where(r => r.CongregationId == View.Congregation.Id)
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new Item(r.Id, r.Title, r.Stage, r.PreferencesDueAt, r.Participants.Count, r.Participants.Any(p => p.UserId == me)))
            .ToListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
