using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Microsolidarity.Hub.Features.Programs;

[Authorize]
public sealed class NewProgramModel(SaveProgram save) : ProgramFormModel(save)
{
    public override string SubmitLabel => "Save and make the rooms";
    public override string CancelHref => "/programs";

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadGatheringsAsync(cancellationToken);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => SaveAsync(null, cancellationToken);
}
