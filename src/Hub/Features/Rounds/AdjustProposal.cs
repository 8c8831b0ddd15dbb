using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>
/// The host moves one person to another crew, to a new crew, or out of the proposal, before publishing. Every
/// move the page sends is taken, whatever the preferences say: refusing a move against a "rather not" told the
/// host, with a crew holding one other person, exactly which pair it was. Instead a crew that holds a "rather
/// not" pair is marked (someone in it may not feel comfortable; the search would not propose it), the same
/// whichever of the two gave it, and cannot be published. Each move tells the host one thing about the people
/// it touched, so moves are limited per host (<see cref="MovesAgainstPreferencesPerHour"/> that touch a marked
/// crew, <see cref="MovesPerHour"/> in all), counted in the database so the limit holds on every node and across
/// restarts. Sizes outside the range and a crew with no shared hour come back as warnings.
/// </summary>
public sealed class AdjustProposal(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    /// <summary>Where to move: a proposed crew's id, <see cref="NewCrew"/>, or <see cref="NotPlaced"/>.</summary>
    public const string NewCrew = "new";
    public const string NotPlaced = "none";

    /// <summary>Moves in an hour that leave a crew marked or take someone out of a marked crew: enough to undo a mistake.</summary>
    public const int MovesAgainstPreferencesPerHour = 3;

    /// <summary>Moves of any kind in an hour: a real adjustment takes a handful; testing pairs one by one takes hundreds.</summary>
    public const int MovesPerHour = 30;

    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public sealed record Result(Outcome Outcome, IReadOnlyList<string> Warnings);

    public async Task<Result> RunAsync(RoundView view, Guid participantId, string target, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost || view.Owner.UserId is not { } hostId)
        {
            return new(Outcome.Refused(strings["Rounds.Refused.OnlyHostsAdjust"]), []);
        }
        if (view.Round.Stage != FormationStage.Proposed)
        {
            return new(Outcome.Refused(view.Round.Stage == FormationStage.Open
                ? strings["Rounds.Refused.RunFirstToMove"]
                : strings["Rounds.Refused.PublishedNoChange"]), []);
        }
        var round = view.Round;
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Moves in one round are taken one at a time (this first update holds the round's row), so two moves at
        // the same moment are both counted against the limit and both see each other's result; a move racing
        // the publication finds the stage changed and is refused.
        var held = await db.FormationRounds.Where(r => r.Id == round.Id && r.Stage == FormationStage.Proposed)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Stage, FormationStage.Proposed), cancellationToken);
        if (held == 0)
        {
            return new(Outcome.Refused(strings["Rounds.Refused.PublishedNoChange"]), []);
        }
        var people = await db.FormationParticipants.Include(p => p.User).Where(p => p.RoundId == round.Id).ToListAsync(cancellationToken);
        var crews = await db.ProposedCrews.Where(c => c.RoundId == round.Id).ToListAsync(cancellationToken);
        var person = people.SingleOrDefault(p => p.Id == participantId);
        if (person is null)
        {
            return new(Outcome.Refused(strings["Rounds.Refused.NotInRound"]), []);
        }
        ProposedCrew? destination = null;
        if (target == NewCrew)
        {
            destination = new ProposedCrew { Id = Guid.NewGuid(), RoundId = round.Id, Number = crews.Select(c => c.Number).DefaultIfEmpty().Max() + 1 };
        }
        else if (target != NotPlaced)
        {
            destination = Guid.TryParse(target, out var id) ? crews.SingleOrDefault(c => c.Id == id) : null;
            if (destination is null)
            {
                return new(Outcome.Refused(strings["Rounds.Refused.ChooseCrew"]), []);
            }
        }
        var name = person.User.DisplayName;
        if (destination is not null && destination.Id == person.ProposedCrewId)
        {
            return new(Outcome.Refused(strings["Rounds.Refused.InCrewAlready", name, destination.Number]), []);
        }
        // The limit is checked before anything is looked up about the move itself, and a paused host is refused
        // every move: refusing only the moves that would mark a crew would say which those are.
        await db.ProposalMoves.Where(m => m.HostUserId == hostId && m.At <= now - Window).ExecuteDeleteAsync(cancellationToken);
        var recent = await db.ProposalMoves.AsNoTracking().Where(m => m.HostUserId == hostId)
            .Select(m => new { m.At, m.AgainstPreference }).ToListAsync(cancellationToken);
        if (Paused(recent.Where(m => m.AgainstPreference).Select(m => m.At).ToList(), MovesAgainstPreferencesPerHour, now) is { } againstWait)
        {
            return new(Outcome.Refused(strings.Plural("Rounds.Refused.PausedAgainst", Minutes(againstWait), MovesAgainstPreferencesPerHour)), []);
        }
        if (Paused(recent.Select(m => m.At).ToList(), MovesPerHour, now) is { } wait)
        {
            return new(Outcome.Refused(strings.Plural("Rounds.Refused.Paused", Minutes(wait), MovesPerHour)), []);
        }
        var ratherNots = await RatherNots.LoadAsync(db, round.Id, cancellationToken);
        // Counted as the host sees it: a move that takes someone out of a marked crew, or leaves the crew they join
        // marked. A pair in a crew too small to be marked is not counted: the count must tell no more than the page.
        var marked = ratherNots.MarkedCrews(people.Select(p => (p.Id, p.ProposedCrewId)), round.MinSize);
        var leavesMarked = person.ProposedCrewId is { } fromId && marked.Contains(fromId);
        var joining = destination is null ? [] : people.Where(p => p.ProposedCrewId == destination.Id).Select(p => p.Id).Append(person.Id).ToList();
        var joinsMarked = joining.Count >= round.MinSize && ratherNots.AnyWithin(joining);
        db.ProposalMoves.Add(new ProposalMove { Id = Guid.NewGuid(), RoundId = round.Id, HostUserId = hostId, At = now, AgainstPreference = leavesMarked || joinsMarked });
        if (target == NewCrew)
        {
            db.ProposedCrews.Add(destination!);
            crews.Add(destination!);
        }
        var from = crews.SingleOrDefault(c => c.Id == person.ProposedCrewId);
        person.ProposedCrewId = destination?.Id;
        // Someone moved back out keeps the search's reason for them, if it gave one.
        if (destination is null && person.UnplacedReason.Length == 0)
        {
            person.UnplacedReason = "the hosts left them out of this proposal";
            person.NotPlaced = Data.Formation.NotPlaced.LeftOutByHosts;
        }
        foreach (var crew in new[] { from, destination })
        {
            if (crew is not null)
            {
                Refresh(crew, round, [.. people.Where(p => p.ProposedCrewId == crew.Id)]);
            }
        }
        // A crew left with nobody is no crew: it goes, so the proposal shows only real ones.
        if (from is not null && !people.Any(p => p.ProposedCrewId == from.Id))
        {
            db.ProposedCrews.Remove(from);
            crews.Remove(from);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var warnings = Warnings(round, crews, people, ratherNots.MarkedCrews(people.Select(p => (p.Id, p.ProposedCrewId)), round.MinSize), strings).ToList();
        return new(Outcome.Done, warnings);
    }

    /// <summary>
    /// The hours every member shares and the interests every member gave, after a change of members: the search's
    /// own function over the members as the search reads them, so a moved crew's figures mean what a searched one's do.
    /// </summary>
    public static void Refresh(ProposedCrew crew, FormationRound round, IReadOnlyList<FormationParticipant> members)
    {
        var (slots, interests) = Microsolidarity.Grouping.FormCrews.InCommon([.. members.Select(m => RunRound.Searched(m, round))]);
        RunRound.Describe(crew, slots, interests);
    }

    /// <summary>How long until one more move fits under <paramref name="limit"/>; null when it fits now.</summary>
    private static TimeSpan? Paused(IReadOnlyList<DateTime> moves, int limit, DateTime now) =>
        moves.Count < limit ? null : moves.Order().ElementAt(moves.Count - limit) + Window - now;

    /// <summary>The pause in whole minutes, at least one.</summary>
    private static int Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));

    /// <summary>
    /// A crew this small shows no hours or interests in common: with one person they would be that person's own
    /// answers, which the round promises nobody sees.
    /// </summary>
    public static bool ShowsWhatIsShared(FormationRound round, int size) => size >= round.MinSize;

    /// <summary>What the host should look at before publishing; a marked crew also keeps the proposal from being published.</summary>
    public static IEnumerable<string> Warnings(FormationRound round, IEnumerable<ProposedCrew> crews, IEnumerable<FormationParticipant> people, IReadOnlySet<Guid> marked,
        IStringLocalizer strings)
    {
        foreach (var crew in crews.OrderBy(c => c.Number))
        {
            var size = people.Count(p => p.ProposedCrewId == crew.Id);
            if (marked.Contains(crew.Id))
            {
                yield return strings["Rounds.Warning.Marked", crew.Number];
            }
            if (size < round.MinSize || size > round.MaxSize)
            {
                yield return strings.Plural("Rounds.Warning.OutOfRange", size, crew.Number, round.MinSize, round.MaxSize);
            }
            if (ShowsWhatIsShared(round, size) && crew.SharedSlots.Length == 0)
            {
                yield return strings["Rounds.Warning.NoHour", crew.Number];
            }
        }
    }
}
