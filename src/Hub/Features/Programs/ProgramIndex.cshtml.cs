using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Programs;

[Authorize]
public sealed class ProgramsModel(HubDbContext db) : HubPageModel
{
    public sealed record Item(Guid Id, string Name, int People, string Sizes);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Items = await db.PracticePrograms.AsNoTracking().Where(p => p.FacilitatorUserId == me).OrderByDescending(p => p.CreatedAt)
            .Select(p => new Item(p.Id, p.Name, p.Participants.Count, p.CallSizes)).ToListAsync(cancellationToken);
    }
}
