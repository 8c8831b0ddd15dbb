using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.People;

/// <summary>The private journal. The page only ever loads the signed-in person's own entries: there is no id in the URL to change.</summary>
[Authorize]
public sealed class JournalModel(HubDbContext db, WriteJournalEntry write, ViewerClock clock) : HubPageModel
{
    public ViewerClock Clock => clock;

    public IReadOnlyList<JournalEntry> Entries { get; private set; } = [];

    [BindProperty] public string? Prompt { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public Guid EntryId { get; set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync() => await AfterAsync(await write.RunAsync(Me, Prompt ?? "", Text ?? ""), "Kept. Only you can read it.", RedisplayAsync);

    public async Task<IActionResult> OnPostDeleteAsync() => await AfterAsync(await write.DeleteAsync(Me, EntryId), "The entry is deleted.", RedisplayAsync);


    private async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        await clock.ZoneAsync();
        Entries = await db.JournalEntries.AsNoTracking().Where(e => e.UserId == Me).OrderByDescending(e => e.WrittenAt).Take(200).ToListAsync();
    }
}
