using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Care;

/// <summary>The care view: what a congregation's hosts tend so that crews form and nobody is left alone.</summary>
public sealed class CareModel(CongregationAccess access, ReadCare read, ViewerClock clock, TimeProvider time) : CongregationPageModel(access)
{
    public CareView Care { get; private set; } = null!;
    public ViewerClock Clock => clock;
    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsHost) is { } refused)
        {
            return refused;
        }
        Now = time.GetUtcNow().UtcDateTime;
        await clock.ZoneAsync();
        Care = await read.RunAsync(View.Congregation.Id, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>"3 weeks", "5 months", "2 years": how long someone has belonged, in the words a host would use.</summary>
    public static string HowLong(DateTime since, DateTime now)
    {
        var days = Math.Max(0, (now - since).TotalDays);
        return days switch
        {
            < 1 => "since today",
            < 14 => $"{(int)days} day{(days < 2 ? "" : "s")}",
            < 61 => $"{(int)(days / 7)} weeks",
            < 730 => $"{(int)(days / 30.44)} months",
            _ => $"{(int)(days / 365.25)} years",
        };
    }

    public string NudgeUrl(NudgeReason reason, string? personId = null, Guid? crewId = null) =>
        $"/congregations/{View.Congregation.Slug}/care/nudge?why={NudgeWords.Query(reason)}" + (crewId is { } c ? $"&crew={c}" : $"&person={Uri.EscapeDataString(personId ?? "")}");
}
