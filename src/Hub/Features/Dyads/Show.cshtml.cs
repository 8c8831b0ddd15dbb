using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Features.Practices;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Dyads;

/// <summary>A dyad's page: for its two people only; anyone else gets 404.</summary>
[Authorize]
public sealed class DyadModel(DyadAccess access, TendDyad tend, ChooseCheckInStructure choose, ReadPractices practices, ViewerClock clock, IStringLocalizer<Strings> strings) : HubPageModel
{
    /// <summary>Dates in the viewer's own zone (a check-in written late in the evening is on the viewer's day).</summary>
    public ViewerClock Clock => clock;

    public DyadView View { get; private set; } = null!;

    /// <summary>The practices made for pairs, to choose a check-in structure from.</summary>
    public IReadOnlyList<Practice> ForPairs { get; private set; } = [];

    /// <summary>The practice the two chose for their check-ins, if any (and still in the library).</summary>
    public Practice? Structure { get; private set; }

    [BindProperty] public string? Practice { get; set; }

    [BindProperty] public bool Accept { get; set; }
    [BindProperty] public string? CheckIn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? await ShowAsync();

    public async Task<IActionResult> OnPostStructureAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await choose.RunAsync(View, Practice ?? "", HttpContext.RequestAborted),
            string.IsNullOrWhiteSpace(Practice) ? strings["Dyads.Show.Freely.Notice"] : strings["Dyads.Show.Structure.Notice"], ShowAsync);

    public async Task<IActionResult> OnPostRespondAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await tend.RespondAsync(View, Accept), Accept ? strings["Dyads.Show.Started.Notice"] : strings["Crews.Show.Declined"], ShowAsync);

    public async Task<IActionResult> OnPostCheckInAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await tend.CheckInAsync(View, CheckIn ?? ""), strings["Dyads.Show.Added.Notice"], ShowAsync);

    public async Task<IActionResult> OnPostEndAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await tend.EndAsync(View), strings["Dyads.Show.Ended.Notice"], ShowAsync);

    private async Task<IActionResult> ShowAsync()
    {
        await clock.ZoneAsync();
        var all = await practices.AllAsync(HttpContext.RequestAborted);
        ForPairs = [.. all.Where(p => p.Scales.Contains(Scale.Dyad))];
        Structure = View.Dyad.CheckInPractice is { } slug ? all.FirstOrDefault(p => p.Slug == slug) : null;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var view = await access.LoadAsync(id, User, HttpContext.RequestAborted);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return null;
    }

}
