using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>Changing a program is its maker's: the list, the sizes, the gathering it is tied to.</summary>
[Authorize]
public sealed class EditProgramModel(SaveProgram save, ProgramAccess access, IStringLocalizer<Strings> strings) : ProgramFormModel(save, strings)
{
    [FromRoute]
    public Guid Id { get; set; }

    public override string SubmitLabel => "Programs.Form.SaveAgain";
    public override string CancelHref => $"/programs/{Id}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(Id, User, cancellationToken) is not { IsOwner: true } view)
        {
            return NotFound();
        }
        Input = new InputModel
        {
            Name = view.Program.Name,
            Participants = string.Join("\n", view.People.Where(p => !p.FromGathering && !p.Left).Select(p => $"{p.Name}, {p.Email}")),
            Calls = view.Program.CallSizes,
            Absences = view.Program.Absences,
            GatheringId = view.Program.GatheringId,
        };
        await LoadGatheringsAsync(cancellationToken, view.Program.GatheringId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(Id, User, cancellationToken) is not { IsOwner: true })
        {
            return NotFound();
        }
        return await SaveAsync(Id, cancellationToken);
    }
}
