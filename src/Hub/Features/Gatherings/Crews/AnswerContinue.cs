using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings.Crews;

/// <summary>
/// After a gathering, each member of a temporary crew says privately whether they would like to go on as a crew.
/// Nobody is told who said what. When everyone who has not said no has said yes, and they are at least three, a
/// crew starts in the gathering's congregation with them as members, once: answers to one temporary crew are
/// taken one at a time (each first bumps its row), and the crew is claimed by a conditional update of
/// <see cref="TemporaryCrew.CrewId"/>. Until then anyone may change their answer.
/// </summary>
public sealed class AnswerContinue(HubDbContext db, TimeProvider time, CrewDateNotices notices, IStringLocalizer<Strings> strings)
{
    public const int SmallestCrew = 3;

    public async Task<Outcome> RunAsync(CrewDate view, bool goOn, CancellationToken cancellationToken = default)
    {
        if (view.Set is not { Stage: GatheringCrewStage.Published } set || view.Viewer.UserId is not { } me)
        {
            return Outcome.Refused(strings["Gatherings.Refused.NotPublished"]);
        }
        var seat = set.Crews.SelectMany(c => c.Members).SingleOrDefault(m => m.UserId == me);
        if (seat is null)
        {
            return Outcome.Refused(strings["Gatherings.Refused.NoTable"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.TemporaryCrews.Where(c => c.Id == seat.TemporaryCrewId && c.CrewId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Answers, c => c.Answers + 1), cancellationToken);
        if (taken == 0)
        {
            return Outcome.Refused(strings["Gatherings.Refused.CrewStarted"]);
        }
        var members = await db.TemporaryCrewMembers.Where(m => m.TemporaryCrewId == seat.TemporaryCrewId).ToListAsync(cancellationToken);
        var mine = members.Single(m => m.UserId == me);
        (mine.Continue, mine.AnsweredAt) = (goOn ? ContinueAnswer.Yes : ContinueAnswer.No, now);
        await notices.ResolveAsync(CrewDateNotices.ContinueAbout(set.Id), me, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var staying = members.Where(m => m.Continue != ContinueAnswer.No).ToList();
        if (staying.Count >= SmallestCrew && staying.All(m => m.Continue == ContinueAnswer.Yes))
        {
            var temporary = await db.TemporaryCrews.AsNoTracking().SingleAsync(c => c.Id == seat.TemporaryCrewId, cancellationToken);
            if (!await StartAsync(view, temporary, staying, now, cancellationToken))
            {
                return Outcome.Refused(strings["Gatherings.Refused.CrewStarted"]);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        notices.Wake();
        return Outcome.Done;
    }

    /// <summary>False when the crew had started already: the caller then rolls everything back.</summary>
    private async Task<bool> StartAsync(CrewDate view, TemporaryCrew temporary, List<TemporaryCrewMember> staying, DateTime now, CancellationToken cancellationToken)
    {
        var e = view.Event;
        // A first guess at a slot, the gathering's own weekday and hour in its zone; the crew finds its real time together.
        var zone = EventTime.FindZone(e.TimeZone) ?? DateTimeZone.Utc;
        var local = EventTime.ToLocal(view.Date.StartsAt, zone);
        var title = $"{e.Title} · crew {temporary.Number}";
        var ordered = staying.OrderBy(m => m.AnsweredAt).ThenBy(m => m.UserId, StringComparer.Ordinal).ToList();
        var crew = NewCrew.Forming(title.Length <= 120 ? title : title[..119] + "…",
            // The crew's purpose until its members write their own: in the language of the member whose answer started it.
            strings["Gatherings.Crews.ContinuedPurpose", temporary.Number, e.Title],
            e.CongregationId, ordered[0].UserId, CrewCadence.Weekly, 6,
            (DayOfWeek)((int)local.DayOfWeek % 7), new TimeOnly(local.Hour, 0), zone.Id, now);
        foreach (var member in ordered.Skip(1))
        {
            NewCrew.Join(crew, member.UserId, now);
        }
        db.Crews.Add(crew);
        await db.SaveChangesAsync(cancellationToken);
        var claimed = await db.TemporaryCrews.Where(c => c.Id == temporary.Id && c.CrewId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CrewId, crew.Id).SetProperty(c => c.ContinuedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }
        await notices.SendAsync([.. ordered.Select(m => m.UserId)], "crew.formed", $"/crews/{crew.Id}", () => new NoticeWords(
            strings["Email.GatheringCrews.Formed.Subject", crew.Name],
            [strings.Plural("Email.GatheringCrews.Formed.Text", ordered.Count, e.Title), strings["Email.GatheringCrews.Formed.Hour"]],
            strings["Email.Round.Formed.Action"]), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
