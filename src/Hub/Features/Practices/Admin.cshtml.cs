using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>/admin/practices: every practice of the hub, which come from files and which the administrators wrote.</summary>
[Authorize(Roles = HubRoles.Admin)]
public sealed class AdminPracticesModel(ReadPractices practices, HubDbContext db, ViewerClock clock) : HubPageModel
{
    public sealed record Row(Practice Practice, int Version, DateTime? EditedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public ViewerClock Clock => clock;

    public async Task OnGetAsync(CancellationToken cancel)
    {
        var written = await db.LibraryPractices.AsNoTracking().Where(p => p.CongregationId == null)
            .Select(p => new { p.Slug, p.CurrentVersion, p.UpdatedAt }).ToDictionaryAsync(p => p.Slug, cancel);
        Rows = [.. (await practices.AllAsync(cancel)).Select(p => written.TryGetValue(p.Slug, out var w)
            ? new Row(p, w.CurrentVersion, w.UpdatedAt) : new Row(p, 0, null))];
    }
}
