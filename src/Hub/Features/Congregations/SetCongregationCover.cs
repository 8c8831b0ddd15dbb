using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>Hosts choose the picture at the top of their congregation's page, or take it away.</summary>
public sealed class SetCongregationCover(HubDbContext db, CoverImages covers, IStringLocalizer<Strings> strings)
{
    public const string Field = "Cover";

    public async Task<Outcome> RunAsync(CongregationView view, Stream? upload, long length, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost || view.UserId is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.CoverOnlyHosts"]);
        }
        var (outcome, file) = await covers.SaveAsync(view.UserId, upload, length, Field, cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome;
        }
        return await ReplaceAsync(view, file!, cancellationToken);
    }

    public async Task<Outcome> RemoveAsync(CongregationView view, CancellationToken cancellationToken = default) =>
        !view.IsHost ? Outcome.Refused(strings["Congregations.Refused.CoverOnlyHosts"])
        : view.Congregation.CoverFile == "" ? Outcome.Refused(strings["Congregations.Refused.NoCover"])
        : await ReplaceAsync(view, "", cancellationToken);

    private async Task<Outcome> ReplaceAsync(CongregationView view, string file, CancellationToken cancellationToken)
    {
        // The view's congregation is a shared read-only copy: change a tracked one.
        var congregation = await db.Congregations.SingleAsync(c => c.Id == view.Congregation.Id, cancellationToken);
        var old = congregation.CoverFile;
        congregation.CoverFile = file;
        await db.SaveChangesAsync(cancellationToken);
        await covers.DeleteAsync(old); // only after the new one is saved: a failure never leaves the page pointing at nothing
        return Outcome.Done;
    }
}
