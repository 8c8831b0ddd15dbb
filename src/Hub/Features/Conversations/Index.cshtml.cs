using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>A space's conversations, liveliest first; hidden ones for its hosts only, marked as such.</summary>
public sealed class ConversationsModel(ConversationAccess access, HubDbContext db, ViewerClock clock, SharedReadCache reads) : ConversationPageModel(access)
{
    public sealed record Row(Guid Id, string Title, string? StartedBy, DateTime LastPostAt, int Posts, bool Closed, bool Hidden);

    public ViewerClock Clock => clock;
    public IReadOnlyList<Row> Threads { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadSpaceAsync() is { } refused)
        {
            return refused;
        }
        var hosts = Space.CanHide;
        // The same list for every member of the space (hosts also see hidden threads), kept for a few seconds and
        // dropped on every node as soon as a thread or post is saved: a member is only ever shown it after the space
        // let them in (LoadSpaceAsync above).
        Threads = await reads.GetOrLoadAsync<IReadOnlyList<Row>>(SharedReadCache.Conversations, $"threads:{Space.Kind}:{Space.Id}:{hosts}",
            async () => await Space.Threads(db).AsNoTracking().Where(t => t.HiddenAt == null || hosts)
                .OrderByDescending(t => t.LastPostAt).Take(200)
                .Select(t => new Row(t.Id, t.Title, t.StartedBy == null ? null : t.StartedBy.DisplayName, t.LastPostAt,
                    t.Posts.Count(p => p.DeletedAt == null), t.ClosedAt != null, t.HiddenAt != null))
                .ToListAsync(HttpContext.RequestAborted));
        await clock.ZoneAsync();
        return Page();
    }
}
