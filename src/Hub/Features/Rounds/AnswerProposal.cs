using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>
/// A member consents to their proposed crew, or declines it (which takes them out of it). When everyone still
/// in a proposed crew has consented, and they are at least three, a real crew forms, once: answers to one
/// proposed crew are taken one at a time (each first bumps the proposed crew's row, which waits for any other
/// answer in flight), and the crew is claimed by a conditional update on <see cref="ProposedCrew.CrewId"/>.
/// </summary>
public sealed class AnswerProposal(HubDbContext db, TimeProvider time, RoundNotices notices, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(RoundView view, bool consent, CancellationToken cancellationToken = default)
    {
        if (view.Round.Stage != FormationStage.Published)
        {
            return Outcome.Refused(strings["Rounds.Refused.NotPublished"]);
        }
        if (view.Me?.ProposedCrewId is not { } crewId)
        {
            return Outcome.Refused(view.Me?.Answer == ProposalAnswer.Declined ? strings["Rounds.Refused.DeclinedStays"] : strings["Rounds.Refused.NotInCrew"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.ProposedCrews.Where(c => c.Id == crewId && c.CrewId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Answers, c => c.Answers + 1), cancellationToken);
        if (taken == 0)
        {
            return Outcome.Refused(strings["Rounds.Refused.FormedAlready"]);
        }
        var me = await db.FormationParticipants.SingleAsync(p => p.Id == view.Me.Id, cancellationToken);
        if (me.ProposedCrewId != crewId)
        {
            return Outcome.Refused(strings["Rounds.Refused.NoLonger"]);
        }
        me.Answer = consent ? ProposalAnswer.Consented : ProposalAnswer.Declined;
        me.AnsweredAt = now;
        if (!consent)
        {
            me.ProposedCrewId = null;
            me.UnplacedReason = "declined the proposed crew";
            me.NotPlaced = NotPlaced.Declined;
        }
        await notices.ResolveAsync(RoundNotices.ProposalAbout(view.Round.Id), me.UserId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var proposed = await db.ProposedCrews.SingleAsync(c => c.Id == crewId, cancellationToken);
        var members = await db.FormationParticipants.Where(p => p.ProposedCrewId == crewId).OrderBy(p => p.JoinedAt).ToListAsync(cancellationToken);
        if (members.Count >= CrewsFeature.MinSize && members.All(m => m.Answer == ProposalAnswer.Consented)
            && !await FormAsync(view, proposed, members, now, cancellationToken))
        {
            return Outcome.Refused(strings["Rounds.Refused.FormedAlready"]);
        }
        await transaction.CommitAsync(cancellationToken);
        notices.Wake();
        return Outcome.Done;
    }

    /// <summary>False when the proposed crew had formed already: the caller then rolls everything back.</summary>
    private async Task<bool> FormAsync(RoundView view, ProposedCrew proposed, List<FormationParticipant> members, DateTime now, CancellationToken cancellationToken)
    {
        var round = view.Round;
        // The crew keeps its time in the zone most of its members live in, so "Tuesday 19:00" means their evening.
        var zoneId = members.GroupBy(m => m.TimeZone).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault(z => TimeZones.Find(z) is not null) ?? TimeZones.Utc;
        var zone = TimeZones.FindOrUtc(zoneId);
        var slots = RoundSlots.Parse(proposed.SharedSlots);
        var slot = slots.Count > 0 ? slots.MinBy(s => RoundSlots.ToLocal(s, zone, round.PreferencesDueAt)) : MostShared(members, round);
        var local = RoundSlots.ToLocal(slot, zone, round.PreferencesDueAt);
        // The crew's name and description are stored words: written in the language of the host who opened the round.
        var hostLanguage = round.OpenedByUserId is { } hostId
            ? await db.Users.Where(u => u.Id == hostId).Select(u => u.Language).FirstOrDefaultAsync(cancellationToken)
            : null;
        string title, description;
        using (RecipientLanguage.Of(hostLanguage))
        {
            title = strings["Rounds.Formed.Name", round.Title, proposed.Number];
            description = proposed.CommonInterests.Length > 0
                ? strings["Rounds.Formed.DescriptionInCommon", view.Owner.Name, round.Title, proposed.CommonInterests]
                : strings["Rounds.Formed.Description", view.Owner.Name, round.Title];
        }
        var crew = NewCrew.Forming(title.Length <= 120 ? title : title[..119] + "…", description,
            round.CongregationId, members[0].UserId, CrewCadence.Weekly, 6,
            SharedAvailability.DayOf(local / 24), new TimeOnly(local % 24, 0), zoneId, now);
        foreach (var member in members.Skip(1))
        {
            NewCrew.Join(crew, member.UserId, now);
        }
        db.Crews.Add(crew);
        await db.SaveChangesAsync(cancellationToken);
        // Answers to this proposed crew are already taken one at a time (the caller's first update holds its row),
        // so this claim cannot lose; it stays conditional so that a crew can never be claimed twice whatever changes.
        var claimed = await db.ProposedCrews.Where(c => c.Id == proposed.Id && c.CrewId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CrewId, crew.Id).SetProperty(c => c.FormedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }
        await notices.SendAsync([.. members.Select(m => m.UserId)], "crew.formed", $"/crews/{crew.Id}",
            () => new NoticeWords(strings["Email.Round.Formed.Subject", crew.Name],
            [
                strings["Email.Round.Formed.Consented", round.Title],
                strings["Email.Round.Formed.Meets", CrewSchedule.SlotInWords(strings, crew)],
            ], strings["Email.Round.Formed.Action"]), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>When the hosts published a crew with no hour in common: the hour most of them are free.</summary>
    private static int MostShared(IEnumerable<FormationParticipant> members, FormationRound round) =>
        members.SelectMany(m => RoundSlots.Of(m, round))
            .GroupBy(s => s).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).DefaultIfEmpty(WeeklySlotsEvening).First();

    /// <summary>Tuesday 19:00 UTC, only when nobody gave any hour at all.</summary>
    private const int WeeklySlotsEvening = 24 + 19;
}
