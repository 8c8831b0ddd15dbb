using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// A host moves a level one step earlier or later on the congregation's path. People join at the first level; the
/// order is what the congregation's page shows. The other hosts see the move in their list.
/// </summary>
public sealed class MoveLevel(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid levelId, bool earlier, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Congregations.Refused.LevelsOnlyHosts"]);
        }
        var c = view.Congregation;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // As in RemoveLevel: two hosts reordering at once are served one after the other.
        await db.MembershipLevels.Where(l => l.CongregationId == c.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Rank, l => l.Rank), cancellationToken);
        var levels = await db.MembershipLevels.Where(l => l.CongregationId == c.Id).OrderBy(l => l.Rank).ToListAsync(cancellationToken);
        var at = levels.FindIndex(l => l.Id == levelId);
        if (at < 0)
        {
            return Outcome.Refused(strings["Congregations.Refused.LevelGone"]);
        }
        var level = levels[at];
        var other = earlier ? at - 1 : at + 1;
        if (other < 0)
        {
            return Outcome.Refused(strings["Congregations.Refused.LevelFirst", level.Name]);
        }
        if (other >= levels.Count)
        {
            return Outcome.Refused(strings["Congregations.Refused.LevelLast", level.Name]);
        }
        var firstBefore = levels[0];
        (levels[at], levels[other]) = (levels[other], levels[at]);
        for (var i = 0; i < levels.Count; i++)
        {
            levels[i].Rank = i;
        }
        var key = earlier ? "Log.Congregation.LevelBefore" : "Log.Congregation.LevelAfter";
        HostActions.Record(db, c.Id, view.UserId, levels[0] != firstBefore ? StoredWords.Of(key + "Join", level.Name, levels[at].Name, levels[0].Name) : StoredWords.Of(key, level.Name, levels[at].Name), "", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
