using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Programs;

[Authorize]
public sealed class ProgramModel(ProgramAccess access, DeleteProgram delete) : HubPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public ProgramView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(Id, User, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(Id, User, cancellationToken) is null)
        {
            return NotFound();
        }
        var outcome = await delete.RunAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, Id, confirm, cancellationToken);
        return await AfterAsync(outcome, "The program is deleted.", () => OnGetAsync(cancellationToken), "/programs");
    }
}
