using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// A host removes one of the congregation's levels, once they tick the confirmation. The people at it move to a level
/// the host chooses, in the same transaction, and each hears of it; the other hosts see it in their list. A congregation
/// keeps at least one level: everyone who joins starts at one.
/// </summary>
public sealed class RemoveLevel(HubDbContext db, TimeProvider time, HostActions actions, Notifier notifier,
    IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid levelId, Guid? moveToLevelId, bool confirmed, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Congregations.Refused.LevelsOnlyHosts"]);
        }
        var c = view.Congregation;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Touching every level of the congregation first puts two hosts changing the levels at once in one line (the
        // rows' locks on PostgreSQL, the write lock on SQLite), so two removals cannot leave the congregation without one.
        await db.MembershipLevels.Where(l => l.CongregationId == c.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Rank, l => l.Rank), cancellationToken);
        var levels = await db.MembershipLevels.Where(l => l.CongregationId == c.Id).OrderBy(l => l.Rank).ToListAsync(cancellationToken);
        var level = levels.FirstOrDefault(l => l.Id == levelId);
        if (level is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.LevelGone"]);
        }
        if (levels.Count == 1)
        {
            return Outcome.Refused($"{level.Name} is the only level of {c.Name}, and a congregation keeps at least one: everyone who joins starts at a level. Rename it or describe it instead, or add another level first.");
        }
        var holders = await db.Memberships.Where(m => m.LevelId == level.Id).ToListAsync(cancellationToken);
        var to = levels.FirstOrDefault(l => l.Id == moveToLevelId && l.Id != level.Id);
        if (holders.Count > 0 && to is null)
        {
            return Outcome.Refused(strings[holders.Count == 1 ? "Congregations.Refused.MoveToOne" : "Congregations.Refused.MoveToAll", Holders(strings, holders.Count, level.Name)], "MoveTo");
        }
        if (!confirmed)
        {
            return Outcome.Refused(strings["Congregations.Refused.ConfirmRemoval", level.Name], "Confirm");
        }
        foreach (var holder in holders)
        {
            holder.LevelId = to!.Id;
        }
        // Invitations still waiting to this level have nothing left to accept: their notices are done.
        var offers = await db.MembershipOffers.Where(o => o.LevelId == level.Id && o.Status == OfferStatus.Waiting).Select(o => o.Id).ToListAsync(cancellationToken);
        foreach (var offer in offers)
        {
            await notifier.ResolveAsync(AnswerMembershipOffer.About(offer), null, cancellationToken);
        }
        // The people move first, then the level goes: memberships may not point at a level that is gone.
        await db.SaveChangesAsync(cancellationToken);
        db.MembershipLevels.Remove(level);
        var rank = 0;
        foreach (var kept in levels.Where(l => l.Id != level.Id))
        {
            kept.Rank = rank++;
        }
        var now = time.GetUtcNow().UtcDateTime;
        HostActions.Record(db, c.Id, view.UserId,
            holders.Count == 0 ? StoredWords.Of("Log.Congregation.LevelRemoved", level.Name) : StoredWords.Counted("Log.Congregation.LevelRemovedMoved", holders.Count, level.Name, to!.Name), "", now);
        if (to is not null)
        {
            await actions.TellAsync([.. holders.Select(h => h.UserId)], "congregation.level", $"/congregations/{c.Slug}", () => new NoticeWords(
                strings["Email.Level.Moved.Subject", to.Name, c.Name],
                [strings["Email.Level.Moved.Text", c.Name, level.Name, to.Name],
                    to.Description == "" ? strings["Email.Level.Moved.SeePage"] : strings["Email.Level.Moved.Means", to.Name, c.Name, to.Description],
                    strings["Email.Level.Moved.NotFit"]],
                strings["Email.HostAction.OpenCongregation"]), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        actions.Wake();
        return Outcome.Done;
    }

    /// <summary>"One person holds Friend", "3 people hold Friend": the removal form says it too.</summary>
    public static string Holders(IStringLocalizer strings, int count, string level) => strings.Plural("Congregations.Levels.Holders", count, level);
}
