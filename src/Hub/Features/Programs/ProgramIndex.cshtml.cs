using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Programs;

[Authorize]
public sealed class ProgramsModel(HubDbContext db) : HubPageModel
{
    /// <param name="Facilitating">On the team (or invited to it); otherwise a participant.</param>
    public sealed record Item(Guid Id, string Name, int People, string Sizes, bool Facilitating);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        // The programs a person facilitates (or is invited to facilitate), and those they take part in with their account.
        Items = await db.PracticePrograms.AsNoTracking()
            .Where(p => p.FacilitatorUserId == me || p.Team.Any(f => f.UserId == me) || p.Participants.Any(x => x.UserId == me && !x.Left))
            .OrderByDescending(p => p.CreatedAt)
            .Select(p => new Item(p.Id, p.Name, p.Participants.Count(x => !x.Left), p.CallSizes, p.FacilitatorUserId == me || p.Team.Any(f => f.UserId == me)))
            .ToListAsync(cancellationToken);
    }
}
