using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>A member's private calendar address, and a way to replace it when it was shared by mistake.</summary>
[Authorize]
public sealed class MyCalendarModel(CalendarFeeds feeds, AccountLinks links, Data.HubDbContext db, SetReminders setReminders) : HubPageModel
{
    public string FeedUrl { get; private set; } = "";

    [BindProperty] public bool DayBefore { get; set; } = true;
    [BindProperty] public bool HourBefore { get; set; } = true;

    public async Task<IActionResult> OnPostRemindersAsync(CancellationToken cancellationToken)
    {
        await setReminders.RunAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, DayBefore, HourBefore, cancellationToken);
        Notice = "Your reminders are set.";
        return Redirect("/gatherings/calendar");
    }

    [BindProperty] public bool Confirm { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        FeedUrl = FeedAddress(await feeds.TokenAsync(userId, renew: false, cancellationToken));
        if (await db.ReminderPreferences.FindAsync([userId], cancellationToken) is { } preference)
        {
            (DayBefore, HourBefore) = (preference.DayBefore, preference.HourBefore);
        }
    }

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken cancellationToken)
    {
        if (!Confirm)
        {
            ModelState.AddModelError("Confirm", "Tick the box to confirm: calendars subscribed to the old address stop updating.");
            await OnGetAsync(cancellationToken);
            return Page();
        }
        await feeds.TokenAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, renew: true, cancellationToken);
        Notice = "Your calendar has a new address. Subscribe to it again where you used the old one.";
        return Redirect("/gatherings/calendar");
    }

    private string FeedAddress(string token) => links.Absolute($"/calendar/{token}.ics", new Dictionary<string, string?>());
}
