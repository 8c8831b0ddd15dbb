using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>
/// The host publishes the proposal: each member of a proposed crew is invited to consent or decline, and
/// whoever was not placed hears why. From here the proposal no longer changes, except by people declining.
/// </summary>
public sealed class PublishRound(HubDbContext db, TimeProvider time, RoundNotices notices, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(RoundView view, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Rounds.Refused.OnlyHostsPublish"]);
        }
        if (view.Round.Stage != FormationStage.Proposed)
        {
            return Outcome.Refused(view.Round.Stage == FormationStage.Open ? strings["Rounds.Refused.RunFirst"] : strings["Rounds.Refused.PublishedAlready"]);
        }
        var round = view.Round;
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One conditional update first: two hosts pressing publish at once notify everyone once, and a move
        // in flight (which holds the same row) lands before the list of people is read, or is refused after.
        var published = await db.FormationRounds.Where(r => r.Id == round.Id && r.Stage == FormationStage.Proposed)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Stage, FormationStage.Published).SetProperty(r => r.PublishedAt, now), cancellationToken);
        if (published == 0)
        {
            return Outcome.Refused(strings["Rounds.Refused.PublishedAlready"]);
        }
        var people = await db.FormationParticipants.AsNoTracking().Where(p => p.RoundId == round.Id)
            .Select(p => new { p.Id, p.UserId, p.ProposedCrewId }).ToListAsync(cancellationToken);
        if (!people.Any(p => p.ProposedCrewId is not null))
        {
            return Outcome.Refused(strings["Rounds.Refused.NothingToPublish"]); // rolled back: still a proposal
        }
        var numbers = await db.ProposedCrews.AsNoTracking().Where(c => c.RoundId == round.Id).ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        List<string> problems = [];
        // A crew too small to form is not proposed to anyone: it could never form, and it is where a "rather not"
        // goes unmarked (a mark on two people would name the pair). Its size is on the page already.
        var small = people.Where(p => p.ProposedCrewId is not null).GroupBy(p => p.ProposedCrewId!.Value)
            .Where(g => g.Count() < round.MinSize).Select(g => numbers[g.Key]).Order().ToList();
        if (small.Count > 0)
        {
            problems.Add(strings.Plural("Rounds.Refused.TooSmall", small.Count, string.Join(", ", small), round.MinSize));
        }
        // Members were promised that a "rather not" is always respected: a crew a host's move made against one is
        // never proposed to them. The host sees which crews are marked already; the refusal says no more.
        var marked = (await RatherNots.LoadAsync(db, round.Id, cancellationToken)).MarkedCrews(people.Select(p => (p.Id, p.ProposedCrewId)), round.MinSize)
            .Select(id => numbers[id]).Order().ToList();
        if (marked.Count > 0)
        {
            problems.Add(strings.Plural("Rounds.Refused.Marked", marked.Count, string.Join(", ", marked)));
        }
        if (problems.Count > 0)
        {
            return Outcome.Refused(strings["Rounds.Refused.ThenPublish", string.Join(" ", problems)]); // rolled back: still a proposal
        }
        var path = view.Path;
        var name = view.Owner.Name;
        // Each person reads it in their own language; the round's title is the host's own.
        await notices.SendAsync([.. people.Where(p => p.ProposedCrewId is not null).Select(p => p.UserId)], "congregation.formation-proposal", path,
            () => new NoticeWords(strings["Email.Round.Proposed.Subject", round.Title],
            [
                strings["Email.Round.Proposed.WithYou", round.Title, name],
                strings["Email.Round.Proposed.Consent"],
                strings["Email.Round.Proposed.Forms"],
            ], strings["Email.Round.Proposed.Action"]), cancellationToken, RoundNotices.ProposalAbout(round.Id));
        await notices.SendAsync([.. people.Where(p => p.ProposedCrewId is null).Select(p => p.UserId)], "congregation.formation-unplaced", path,
            () => new NoticeWords(strings["Email.Round.Unplaced.Subject", round.Title],
            [
                strings["Email.Round.Unplaced.NotPlaced", round.Title, name],
                strings["Email.Round.Unplaced.Next"],
            ], strings["Email.Round.Unplaced.Action"]), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Wake();
        return Outcome.Done;
    }
}
