using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>"Start the call": one call's rooms, large enough to share on screen, for the facilitator team.</summary>
[Authorize]
public sealed class ProgramCallStartModel(ProgramAccess access, ViewerClock clock) : HubPageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromRoute] public int Call { get; set; }

    public ProgramView View { get; private set; } = null!;
    public Occurrence? Date { get; private set; }
    public ViewerClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(Id, User, cancellationToken) is not { } view || Call < 1 || Call > view.Rooms.Length)
        {
            return NotFound();
        }
        View = view;
        await clock.ZoneAsync();
        var dates = await access.CallDatesAsync(view.Program, view.Rooms.Length, cancellationToken);
        Date = Call <= dates.Count ? dates[Call - 1] : null;
        NotKept.Say(Response);
        return Page();
    }
}
