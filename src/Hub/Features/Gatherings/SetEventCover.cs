using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>An event's hosts choose the picture at the top of its page, or take it away.</summary>
public sealed class SetEventCover(HubDbContext db, CoverImages covers, IStringLocalizer<Strings> strings)
{
    public const string Field = "Cover";

    public async Task<Outcome> RunAsync(Viewer viewer, Guid eventId, Stream? upload, long length, CancellationToken cancellationToken = default)
    {
        var e = await db.GatheringEvents.SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null || !viewer.CanHost(e) || viewer.UserId is null)
        {
            return Outcome.Refused(strings["Gatherings.Refused.OnlyHostsCover"]);
        }
        var (outcome, file) = await covers.SaveAsync(viewer.UserId, upload, length, Field, cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome;
        }
        var old = e.CoverFile;
        e.CoverFile = file!;
        // A new picture is not a new time: no Sequence bump, calendars need not refresh.
        await db.SaveChangesAsync(cancellationToken);
        await covers.DeleteAsync(old);
        return Outcome.Done;
    }

    public async Task<Outcome> RemoveAsync(Viewer viewer, Guid eventId, CancellationToken cancellationToken = default)
    {
        var e = await db.GatheringEvents.SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null || !viewer.CanHost(e))
        {
            return Outcome.Refused(strings["Gatherings.Refused.OnlyHostsCover"]);
        }
        if (e.CoverFile == "")
        {
            return Outcome.Refused(strings["Gatherings.Refused.NoCover"]);
        }
        var old = e.CoverFile;
        e.CoverFile = "";
        await db.SaveChangesAsync(cancellationToken);
        await covers.DeleteAsync(old);
        return Outcome.Done;
    }
}
