using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Care;

/// <summary>The care view: what a congregation's hosts tend so that crews form and nobody is left alone.</summary>
/// <remarks>
/// The view is read once for all the congregation's hosts (the shared read cache's care region) and its rendered
/// tables are kept per host and zone (ASP.NET's <c>&lt;cache&gt;</c> tag helper), both for the few seconds of
/// <c>Web:PublicCacheSeconds</c>: a host who comes back, or several hosts at once, cost one reading. A saved
/// change to what the view reads empties the region and so changes the key of every kept fragment; a change made
/// by a bulk update (joining a crew) shows within those seconds.
/// </remarks>
public sealed class CareModel(CongregationAccess access, ReadCare read, SharedReadCache reads, ViewerClock clock, TimeProvider time) : CongregationPageModel(access)
{
    public ViewerClock Clock => clock;
    public DateTime Now { get; private set; }

    /// <summary>The rendered tables' key: the congregation, the host (a host is never offered a note to themselves), their zone and the region's version.</summary>
    public string FragmentKey { get; private set; } = "";
    public TimeSpan FragmentLifetime => reads.Lifetime;
    public bool FragmentKept => reads.Lifetime > TimeSpan.Zero;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsHost) is { } refused)
        {
            return refused;
        }
        Now = time.GetUtcNow().UtcDateTime;
        var zone = await clock.ZoneAsync();
        FragmentKey = $"{View.Congregation.Id}|{View.UserId}|{zone.Id}|{reads.Version(SharedReadCache.Care)}";
        return Page();
    }

    /// <summary>Called by the page only when its tables are not kept already.</summary>
    public Task<CareView> ReadAsync() => reads.GetOrLoadAsync(SharedReadCache.Care, View.Congregation.Id.ToString(),
        () => read.RunAsync(View.Congregation.Id, HttpContext.RequestAborted));

    /// <summary>"3 weeks", "5 months", "2 years": how long someone has belonged, in the words a host would use.</summary>
    public static string HowLong(IStringLocalizer strings, DateTime since, DateTime now)
    {
        var days = Math.Max(0, (now - since).TotalDays);
        return days switch
        {
            < 1 => strings["Congregations.Care.SinceToday"],
            < 14 => strings.Plural("Congregations.Care.Days", (int)days),
            < 61 => strings["Congregations.Care.Weeks", (int)(days / 7)],
            < 730 => strings["Congregations.Care.Months", (int)(days / 30.44)],
            _ => strings["Congregations.Care.Years", (int)(days / 365.25)],
        };
    }

    public string NudgeUrl(NudgeReason reason, string? personId = null, Guid? crewId = null) =>
        $"/congregations/{View.Congregation.Slug}/care/nudge?why={NudgeWords.Query(reason)}" + (crewId is { } c ? $"&crew={c}" : $"&person={Uri.EscapeDataString(personId ?? "")}");
}
