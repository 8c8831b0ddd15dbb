using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Programs;

[Authorize]
public sealed class NewProgramModel(SaveProgram save, IStringLocalizer<Strings> strings) : ProgramFormModel(save, strings)
{
    public override string SubmitLabel => "Programs.Form.SaveNew";
    public override string CancelHref => "/programs";

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadGatheringsAsync(cancellationToken);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => SaveAsync(null, cancellationToken);
}
