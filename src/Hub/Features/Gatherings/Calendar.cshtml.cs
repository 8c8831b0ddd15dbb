using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// A member's private calendar address, and a way to replace it when it was shared by mistake. The page reads;
/// making the address (on the first view), replacing it and saving reminders are operations.
/// </summary>
[Authorize]
public sealed class MyCalendarModel(AccountLinks links, Data.HubDbContext db, GiveCalendarAddress give, RenewCalendarAddress renew,
    SetReminders setReminders, IStringLocalizer<Strings> words) : HubPageModel
{
    public string FeedUrl { get; private set; } = "";

    [BindProperty] public bool DayBefore { get; set; } = true;
    [BindProperty] public bool HourBefore { get; set; } = true;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnPostRemindersAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await setReminders.RunAsync(UserId, DayBefore, HourBefore, cancellationToken), words["Gatherings.Calendar.RemindersSet"], ShowAsync);

    [BindProperty] public bool Confirm { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var preference = await db.ReminderPreferences.AsNoTracking().Where(p => p.UserId == UserId)
            .Select(p => new { p.DayBefore, p.HourBefore }).SingleOrDefaultAsync(cancellationToken);
        if (preference is not null)
        {
            (DayBefore, HourBefore) = (preference.DayBefore, preference.HourBefore);
        }
        await LoadAddressAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await renew.RunAsync(UserId, Confirm, cancellationToken),
            words["Gatherings.Calendar.Renewed"], ShowAsync);

    private async Task<IActionResult> ShowAsync()
    {
        await OnGetAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAddressAsync(CancellationToken cancellationToken)
    {
        var (_, token) = await give.RunAsync(UserId, cancellationToken);
        FeedUrl = links.Absolute($"/calendar/{token}.ics", new Dictionary<string, string?>());
    }
}
