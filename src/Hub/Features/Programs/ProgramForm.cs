using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>What the new-program and edit-program pages share: the four fields and saving them.</summary>
public abstract class ProgramFormModel(SaveProgram save) : HubPageModel
{
    public sealed class InputModel
    {
        public string Name { get; set; } = "";
        public string Participants { get; set; } = "";
        public string Calls { get; set; } = "2, 2, 3, 3, 5, all";
        public string Absences { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public abstract string SubmitLabel { get; }
    public abstract string CancelHref { get; }

    protected async Task<IActionResult> SaveAsync(Guid? id, CancellationToken cancellationToken)
    {
        var (outcome, saved) = await save.RunAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, id,
            new SaveProgram.Input(Input.Name ?? "", Input.Participants ?? "", Input.Calls ?? "", Input.Absences ?? ""), cancellationToken);
        return await AfterAsync(outcome with { Field = outcome.Field == "" ? "" : $"Input.{outcome.Field}" },
            "Saved. The rooms below are computed for every call.", () => Task.FromResult<IActionResult>(Page()), $"/programs/{saved}");
    }
}
