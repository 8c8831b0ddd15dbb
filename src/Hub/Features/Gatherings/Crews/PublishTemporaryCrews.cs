using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Gatherings.Crews;

/// <summary>
/// A host publishes a date's crews: everyone at a table sees all the tables (at a gathering the seating is open,
/// like a plan on the wall) and hears which is theirs. A crew that holds a "rather not" pair, or has fewer than
/// three people, cannot be published.
/// </summary>
public sealed class PublishTemporaryCrews(HubDbContext db, TimeProvider time, CrewDateNotices notices, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CrewDate view, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Gatherings.Refused.OnlyHostsPublish"]);
        }
        if (view.Set is not { } set)
        {
            return Outcome.Refused(strings["Gatherings.Refused.FormFirst"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The update holds the set's row, so no move can slip in between the checks below and the publication
        // (a refusal rolls it back).
        var published = await db.GatheringCrewSets.Where(s => s.Id == set.Id && s.Stage == GatheringCrewStage.Proposed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Stage, GatheringCrewStage.Published).SetProperty(x => x.PublishedAt, now), cancellationToken);
        if (published == 0)
        {
            return Outcome.Refused(strings["Gatherings.Refused.PublishedAlready"]);
        }
        // Someone who stopped going after the crews were formed is taken off their table: only people going are seated.
        var going = view.Going.ToList();
        await db.TemporaryCrewMembers.Where(m => m.SetId == set.Id && !going.Contains(m.UserId)).ExecuteDeleteAsync(cancellationToken);
        var crews = await db.TemporaryCrews.AsNoTracking().Include(c => c.Members).Where(c => c.SetId == set.Id).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        var empty = crews.Where(c => c.Members.Count == 0).Select(c => c.Id).ToList();
        if (empty.Count > 0)
        {
            await db.TemporaryCrews.Where(c => empty.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            crews.RemoveAll(c => c.Members.Count == 0);
        }
        var ratherNots = await DateRatherNots.LoadAsync(db, set.EventId, set.OccurrenceStart, cancellationToken);
        if (ratherNots.Marked(crews.SelectMany(c => c.Members.Select(m => (c.Id, m.UserId)))).Count > 0)
        {
            return Outcome.Refused(strings["Gatherings.Refused.CrewMarked"]);
        }
        var seated = crews.Sum(c => c.Members.Count);
        if (seated >= DateRatherNots.MinMarked && crews.Any(c => c.Members.Count < DateRatherNots.MinMarked))
        {
            return Outcome.Refused(strings["Gatherings.Refused.CrewTooSmall", DateRatherNots.MinMarked]);
        }
        var path = $"/gatherings/{set.EventId}/crews?date={view.Date.Key}";
        foreach (var crew in crews)
        {
            await notices.SendAsync([.. crew.Members.Select(m => m.UserId)], "gathering.crews", path, () => new NoticeWords(
                strings["Email.GatheringCrews.Subject", view.Event.Title, crew.Number],
                [strings.Plural("Email.GatheringCrews.Table", crew.Members.Count - 1, view.Event.Title, crew.Number), strings["Email.GatheringCrews.GoOn"]],
                strings["Email.GatheringCrews.Action"]), cancellationToken, CrewDateNotices.ContinueAbout(set.Id));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Wake();
        return Outcome.Done;
    }
}
