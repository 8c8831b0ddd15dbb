using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Microsolidarity.Hub.Features.Programs;

[Authorize]
public sealed class EditProgramModel(SaveProgram save, ProgramAccess access) : ProgramFormModel(save)
{
    [FromRoute]
    public Guid Id { get; set; }

    public override string SubmitLabel => "Save and make the rooms again";
    public override string CancelHref => $"/programs/{Id}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(Id, User, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        Input = new InputModel
        {
            Name = view.Program.Name,
            Participants = string.Join("\n", view.People.Select(p => $"{p.Name}, {p.Email}")),
            Calls = view.Program.CallSizes,
            Absences = view.Program.Absences,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(Id, User, cancellationToken) is null)
        {
            return NotFound();
        }
        return await SaveAsync(Id, cancellationToken);
    }
}
