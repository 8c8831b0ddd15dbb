using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Handbook;

[Authorize(Roles = HubRoles.Admin)]
public sealed class AdminModel(HubDbContext db, ReadImportStatus status, ViewerClock clock, IOptions<HandbookOptions> options,
    IStringLocalizer<Strings> strings) : HubPageModel
{
    public sealed class ImportInput
    {
        [Required(ErrorMessage = "Handbook.Validation.Source")]
        [StringLength(2000, ErrorMessage = "Handbook.Validation.SourceLength")]
        public string Source { get; set; } = "";

        [StringLength(300, ErrorMessage = "Handbook.Validation.TitleLength")]
        public string? Title { get; set; }

        [StringLength(300, ErrorMessage = "Handbook.Validation.AuthorLength")]
        public string? Author { get; set; }

        /// <summary>The ticked "yes, remove N of M pages": the import may remove up to N pages.</summary>
        [Range(0, int.MaxValue)]
        public int? ConfirmRemovals { get; set; }
    }

    /// <summary>What the last import would have removed when it stopped to ask: N of the M pages.</summary>
    public sealed record PendingRemoval(int Removals, int Pages);

    public sealed class ScheduleInput
    {
        public HandbookResyncInterval Interval { get; set; }
    }

    [BindProperty]
    public ImportInput Input { get; set; } = new();

    [BindProperty]
    public ScheduleInput Schedule { get; set; } = new();

    /// <summary>The practice's own handbook, public in GitBook's format: offered to a hub that has none, or only the demo's.</summary>
    public const string PracticeHandbookUrl = "https://github.com/microsolidarity/handbook.git";
    public const string PracticeHandbookTitle = "Microsolidarity";
    public const string PracticeHandbookAuthor = "The Microsolidarity community";

    /// <summary>Offer the practice's handbook: the hub has no handbook yet, or only the one the demo's first start imported.</summary>
    public bool SuggestPracticeHandbook { get; private set; }

    /// <summary>The demo's pages that importing the practice's handbook removes (the demo's handbook is replaced without a second question).</summary>
    public int DemoPages { get; private set; }

    /// <summary>The form is filled in with the practice's handbook, at the administrator's request; nothing is imported until they press the button.</summary>
    public bool Suggested { get; private set; }

    public ReadImportStatus.Status State { get; private set; } = null!;
    public HandbookImport? LastImport { get; private set; }
    public HandbookInfo? Info { get; private set; }
    public PendingRemoval? Pending { get; private set; }

    /// <summary>The folders of the server this page may import from (Handbook:AllowedFolders); none by default.</summary>
    public IReadOnlyList<string> AllowedFolders { get; } = options.Value.AllowedFolders.Where(f => f.Trim().Length > 0).Select(f => f.Trim()).ToList();
    public ViewerClock Clock => clock;

    public async Task OnGetAsync(string? suggested, CancellationToken cancel)
    {
        await LoadAsync(prefill: true, cancel);
        if (suggested == "microsolidarity" && SuggestPracticeHandbook)
        {
            Suggested = true;
            Input = new ImportInput { Source = PracticeHandbookUrl, Title = PracticeHandbookTitle, Author = PracticeHandbookAuthor };
        }
    }

    public async Task<IActionResult> OnPostAsync([FromServices] StartHandbookImport start, CancellationToken cancel)
    {
        ModelState.Remove("Schedule.Interval");
        if (!ModelState.IsValid)
        {
            await LoadAsync(prefill: false, cancel);
            return Page();
        }
        var outcome = await start.RunAsync(Input.Source.Trim(), new ImportHandbook.Settings(Input.Title?.Trim(), Input.Author?.Trim(), Input.ConfirmRemovals ?? 0), cancel);
        return await AfterAsync(outcome, strings["Handbook.Admin.StartedNotice"],
            async () => { await LoadAsync(prefill: false, cancel); return Page(); });
    }

    public async Task<IActionResult> OnPostCancelAsync([FromServices] CancelHandbookImport cancelImport, CancellationToken cancel)
    {
        var outcome = await cancelImport.RunAsync(cancel);
        ModelState.Clear();
        return await AfterAsync(outcome, strings["Handbook.Admin.CancellingNotice"],
            async () => { await LoadAsync(prefill: true, cancel); return Page(); });
    }

    public async Task<IActionResult> OnPostScheduleAsync([FromServices] SaveResyncSchedule save, CancellationToken cancel)
    {
        ModelState.Clear();
        var outcome = await save.RunAsync(Schedule.Interval, cancel);
        var notice = Schedule.Interval == HandbookResyncInterval.Off
            ? strings["Handbook.Admin.ScheduleOff"]
            : strings[Schedule.Interval == HandbookResyncInterval.Hourly ? "Handbook.Admin.ScheduleHourly" : "Handbook.Admin.ScheduleDaily"];
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, "Schedule");
            await LoadAsync(prefill: true, cancel, keepSchedule: true);
            return Page();
        }
        Notice = notice;
        return RedirectToPage();
    }

    private async Task LoadAsync(bool prefill, CancellationToken cancel, bool keepSchedule = false)
    {
        await clock.ZoneAsync();
        State = await status.RunAsync(cancel: cancel);
        LastImport = State.History.FirstOrDefault(i => i.FinishedAt is not null);
        Info = await db.Handbooks.AsNoTracking().OrderBy(h => h.Id).FirstOrDefaultAsync(cancel);
        var current = State.History.FirstOrDefault(i => i.Succeeded);
        var demo = Info is not null && current is { Trigger: "first start" } && current.Source == Info.Source;
        SuggestPracticeHandbook = State.Running is null && (Info is null || demo);
        DemoPages = demo ? await db.HandbookPages.CountAsync(cancel) : 0;
        Pending = LastImport is { Stage: ImportHandbook.NeedsConfirmation } stopped
            ? new(stopped.PagesRemoved, stopped.PagesRemoved + stopped.PagesChanged + stopped.PagesUnchanged) : null;
        // The demo's folder is no source to import again from this page (it is not under Handbook:AllowedFolders).
        if (prefill && Info is not null && !demo)
        {
            Input = new ImportInput { Source = Info.Source, Title = Info.Title, Author = Info.Author };
        }
        if (prefill && LastImport is { Stage: ImportHandbook.NeedsConfirmation })
        {
            // The source that stopped to ask is the one to confirm.
            Input.Source = LastImport.Source;
        }
        if (!keepSchedule)
        {
            Schedule = new ScheduleInput { Interval = State.Sync.Interval };
        }
    }
}
