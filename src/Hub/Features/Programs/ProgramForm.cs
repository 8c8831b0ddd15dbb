using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>What the new-program and edit-program pages share: the four fields and saving them.</summary>
public abstract class ProgramFormModel(SaveProgram save, IStringLocalizer<Strings> strings) : HubPageModel
{
    public sealed class InputModel
    {
        // Nullable, so that an empty field is the operation's to explain, not the framework's English "is required".
        public string? Name { get; set; } = "";
        public string? Participants { get; set; } = "";
        public string? Calls { get; set; } = "2, 2, 3, 3, 5, all";
        public string? Absences { get; set; } = "";

        /// <summary>The gathering whose people going are the cohort; null for a program of listed names only.</summary>
        public Guid? GatheringId { get; set; }
    }

    /// <summary>The gatherings the facilitator may tie the program to (ones they put on, still to come).</summary>
    public IReadOnlyList<(Guid Id, string Title)> Gatherings { get; private set; } = [];

    protected async Task LoadGatheringsAsync(CancellationToken cancellationToken, Guid? tied = null) =>
        Gatherings = [.. (await save.TieableGatherings(User.FindFirstValue(ClaimTypes.NameIdentifier)!, tied).OrderBy(e => e.StartsAt)
            .Select(e => new { e.Id, e.Title }).Take(50).ToListAsync(cancellationToken)).Select(e => (e.Id, e.Title))];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The key of the submit button's words.</summary>
    public abstract string SubmitLabel { get; }
    public abstract string CancelHref { get; }

    protected async Task<IActionResult> SaveAsync(Guid? id, CancellationToken cancellationToken)
    {
        var (outcome, saved) = await save.RunAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, id,
            new SaveProgram.Input(Input.Name ?? "", Input.Participants ?? "", Input.Calls ?? "", Input.Absences ?? "", Input.GatheringId), cancellationToken);
        return await AfterAsync(outcome with { Field = outcome.Field == "" ? "" : $"Input.{outcome.Field}" },
            strings["Programs.Form.Saved"], async () =>
            {
                await LoadGatheringsAsync(cancellationToken);
                return Page();
            }, $"/programs/{saved}");
    }
}
