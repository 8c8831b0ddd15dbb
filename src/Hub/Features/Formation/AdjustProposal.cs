using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Formation;

/// <summary>
/// The host moves one person to another crew, to a new crew, or out of the proposal, before publishing. Every
/// move is checked here, whatever the page sent: a "rather not" between the person and anyone in the crew they
/// would join refuses the move (without saying whose preference it is); sizes outside the range and a crew with
/// no shared hour are allowed but come back as warnings.
/// </summary>
public sealed class AdjustProposal(HubDbContext db)
{
    /// <summary>Where to move: a proposed crew's id, <see cref="NewCrew"/>, or <see cref="NotPlaced"/>.</summary>
    public const string NewCrew = "new";
    public const string NotPlaced = "none";

    public sealed record Result(Outcome Outcome, IReadOnlyList<string> Warnings);

    public async Task<Result> RunAsync(RoundView view, Guid participantId, string target, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return new(Outcome.Refused("Only the congregation's hosts adjust a proposal."), []);
        }
        if (view.Round.Stage != FormationStage.Proposed)
        {
            return new(Outcome.Refused(view.Round.Stage == FormationStage.Open
                ? "Run the round first; then you can move people between the proposed crews."
                : "This proposal is published: members are answering it, so it cannot change now."), []);
        }
        var round = view.Round;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Moves in one round are taken one at a time (this first update holds the round's row), so two hosts
        // moving two people who would rather not be together into one crew at the same moment cannot both
        // pass the check; a move racing the publication finds the stage changed and is refused.
        var held = await db.FormationRounds.Where(r => r.Id == round.Id && r.Stage == FormationStage.Proposed)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Stage, FormationStage.Proposed), cancellationToken);
        if (held == 0)
        {
            return new(Outcome.Refused("This proposal is published: members are answering it, so it cannot change now."), []);
        }
        var people = await db.FormationParticipants.Include(p => p.User).Where(p => p.RoundId == round.Id).ToListAsync(cancellationToken);
        var crews = await db.ProposedCrews.Where(c => c.RoundId == round.Id).ToListAsync(cancellationToken);
        var person = people.SingleOrDefault(p => p.Id == participantId);
        if (person is null)
        {
            return new(Outcome.Refused("That person is not in this round."), []);
        }
        ProposedCrew? destination = null;
        if (target == NewCrew)
        {
            destination = new ProposedCrew { Id = Guid.NewGuid(), RoundId = round.Id, Number = crews.Select(c => c.Number).DefaultIfEmpty().Max() + 1 };
            db.ProposedCrews.Add(destination);
            crews.Add(destination);
        }
        else if (target != NotPlaced)
        {
            destination = Guid.TryParse(target, out var id) ? crews.SingleOrDefault(c => c.Id == id) : null;
            if (destination is null)
            {
                return new(Outcome.Refused("Choose one of this round's crews."), []);
            }
        }
        var name = person.User.DisplayName;
        if (destination is not null && destination.Id == person.ProposedCrewId)
        {
            return new(Outcome.Refused($"{name} is in crew {destination.Number} already."), []);
        }
        if (destination is not null)
        {
            var there = people.Where(p => p.ProposedCrewId == destination.Id).Select(p => p.Id).ToList();
            var clash = await db.FormationPreferences.AnyAsync(p => p.Choice == PreferenceChoice.RatherNot &&
                ((p.FromParticipantId == person.Id && there.Contains(p.AboutParticipantId)) ||
                 (p.AboutParticipantId == person.Id && there.Contains(p.FromParticipantId))), cancellationToken);
            if (clash)
            {
                // Anonymous to the host as to everyone: the message says a preference decided, never whose.
                return new(Outcome.Refused($"{name} cannot join crew {destination.Number}: it would go against a “rather not” that someone in this round gave. " +
                    "Preferences are private, so the hub does not say whose; choose another crew."), []);
            }
        }
        var from = crews.SingleOrDefault(c => c.Id == person.ProposedCrewId);
        person.ProposedCrewId = destination?.Id;
        // Someone moved back out keeps the search's reason for them, if it gave one.
        if (destination is null && person.UnplacedReason.Length == 0)
        {
            person.UnplacedReason = "the hosts left them out of this proposal";
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
        var warnings = Warnings(round, crews, people).ToList();
        return new(Outcome.Done, warnings);
    }

    /// <summary>The hours every member shares and the interests every member gave, after a change of members.</summary>
    public static void Refresh(ProposedCrew crew, FormationRound round, IReadOnlyList<FormationParticipant> members)
    {
        IEnumerable<int>? hours = null;
        IEnumerable<string>? tags = null;
        foreach (var m in members)
        {
            var mine = RoundSlots.ToUtc(m.Availability, ViewerClock.Find(m.TimeZone) ?? TimeZoneInfo.Utc, round.PreferencesDueAt);
            hours = hours is null ? mine : hours.Intersect(mine);
            var interests = RoundSlots.Tags(m.Interests);
            tags = tags is null ? interests : tags.Intersect(interests);
        }
        crew.SharedSlots = string.Join(",", (hours ?? []).Order());
        crew.CommonInterests = string.Join(", ", (tags ?? []).Order(StringComparer.Ordinal));
    }

    /// <summary>What the host should look at before publishing; never a refusal.</summary>
    public static IEnumerable<string> Warnings(FormationRound round, IEnumerable<ProposedCrew> crews, IEnumerable<FormationParticipant> people)
    {
        foreach (var crew in crews.OrderBy(c => c.Number))
        {
            var size = people.Count(p => p.ProposedCrewId == crew.Id);
            if (size < round.MinSize || size > round.MaxSize)
            {
                yield return $"Crew {crew.Number} has {size} {(size == 1 ? "person" : "people")}, outside this round's range of {round.MinSize} to {round.MaxSize}.";
            }
            if (size > 0 && crew.SharedSlots.Length == 0)
            {
                yield return $"Crew {crew.Number} has no weekly hour when all its members are free.";
            }
        }
    }
}
