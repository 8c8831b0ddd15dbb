using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Features.Practices;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.People;

/// <summary>The private journal. The page only ever loads the signed-in person's own entries: there is no id in the URL to change.</summary>
[Authorize]
public sealed class JournalModel(HubDbContext db, WriteJournalEntry write, ViewerClock clock, ReadPractices practices, TimeProvider time, IStringLocalizer<Strings> strings) : HubPageModel
{
    /// <summary>The practices for one person (the self scale), to offer as the journal's prompt.</summary>
    public IReadOnlyList<Practice> ForOneself { get; private set; } = [];

    /// <summary>The practice offered now: the one asked for, else one that changes each day.</summary>
    public Practice? Offered { get; private set; }

    /// <summary>The offered practice's questions, which an entry may keep as its prompt.</summary>
    public IReadOnlyList<string> PracticePrompts => Offered is null ? [] : [.. Offered.Prompts.Concat(Offered.Steps.Select(s => s.HostSays)).Where(p => p.Length is > 0 and <= 200).Distinct()];

    [BindProperty(SupportsGet = true, Name = "practice")] public string? PracticeSlug { get; set; }

    public ViewerClock Clock => clock;

    public IReadOnlyList<JournalEntry> Entries { get; private set; } = [];

    [BindProperty] public string? Prompt { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public Guid EntryId { get; set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await OfferAsync();
        return await AfterAsync(await write.RunAsync(Me, Prompt ?? "", Text ?? "", PracticePrompts, HttpContext.RequestAborted), strings["People.Journal.Kept"], RedisplayAsync,
            Offered is null ? null : $"/me/journal?practice={Offered.Slug}");
    }

    public async Task<IActionResult> OnPostDeleteAsync() => await AfterAsync(await write.DeleteAsync(Me, EntryId), strings["People.Journal.Deleted"], RedisplayAsync);


    private async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task OfferAsync()
    {
        ForOneself = [.. (await practices.AllAsync(HttpContext.RequestAborted)).Where(p => p.Scales.Contains(Scale.Self))];
        if (ForOneself.Count > 0)
        {
            var day = time.GetUtcNow().UtcDateTime.DayOfYear;
            Offered = ForOneself.FirstOrDefault(p => p.Slug == PracticeSlug) ?? ForOneself[day % ForOneself.Count];
        }
    }

    private async Task LoadAsync()
    {
        await OfferAsync();
        await clock.ZoneAsync();
        Entries = await db.JournalEntries.AsNoTracking().Where(e => e.UserId == Me).OrderByDescending(e => e.WrittenAt).Take(200).ToListAsync();
    }
}
