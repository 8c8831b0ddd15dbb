using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Grouping;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>
/// The host runs the round: the search runs here, on this POST, with the round's own seed and a budget (never
/// on a page view), and the proposal is stored so every page shows the same crews. Running closes preferences
/// (the deadline moves to now if it had not passed). Running again replaces the proposal, until it is published.
/// </summary>
public sealed class RunRound(HubDbContext db, TimeProvider time, IOptions<FormationOptions> options, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(RoundView view, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Rounds.Refused.OnlyHostsRun"]);
        }
        if (view.Round.Stage == FormationStage.Published)
        {
            return Outcome.Refused(strings["Rounds.Refused.PublishedNoRun"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Closing first, in one conditional update, so a member saving preferences at this moment either lands
        // before the run (and is counted) or is refused: never saved after the run and then ignored.
        var closed = await db.FormationRounds.Where(r => r.Id == view.Round.Id && r.Stage != FormationStage.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Stage, FormationStage.Proposed)
                .SetProperty(r => r.PreferencesDueAt, r => r.PreferencesDueAt < now ? r.PreferencesDueAt : now)
                .SetProperty(r => r.RanAt, now), cancellationToken);
        if (closed == 0)
        {
            return Outcome.Refused(strings["Rounds.Refused.PublishedNoRun"]);
        }
        var round = await db.FormationRounds.SingleAsync(r => r.Id == view.Round.Id, cancellationToken);
        var people = await db.FormationParticipants.Where(p => p.RoundId == round.Id).OrderBy(p => p.JoinedAt).ToListAsync(cancellationToken);
        var preferences = await db.FormationPreferences.AsNoTracking().Where(p => p.RoundId == round.Id).ToListAsync(cancellationToken);
        var request = Request(round, people, preferences);
        // The library leaves out, with the reason, whoever shares no weekly hour with enough others for a crew.
        var result = FormCrews.Run(request, options.Value.Search(round.Seed), cancellationToken);

        foreach (var p in people)
        {
            p.ProposedCrewId = null;
            p.UnplacedReason = "";
            p.NotPlaced = NotPlaced.Unknown;
            p.Answer = ProposalAnswer.Waiting;
            p.AnsweredAt = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        await db.ProposedCrews.Where(c => c.RoundId == round.Id).ExecuteDeleteAsync(cancellationToken);
        var byId = people.ToDictionary(p => p.Id.ToString());
        var number = 0;
        foreach (var formed in result.Crews)
        {
            var crew = new ProposedCrew { Id = Guid.NewGuid(), RoundId = round.Id, Number = ++number };
            Describe(crew, formed.SharedSlots, formed.CommonInterests);
            db.ProposedCrews.Add(crew);
            foreach (var member in formed.Members)
            {
                byId[member].ProposedCrewId = crew.Id;
            }
        }
        foreach (var unplaced in result.Unplaced)
        {
            byId[unplaced.Id].UnplacedReason = Trim(unplaced.Reason);
            // The same numbers by design: the library's kind is stored as the hub's.
            byId[unplaced.Id].NotPlaced = (NotPlaced)(int)unplaced.Kind;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>What the search sees: ids only, hours in UTC of the round's reference week, tags in lower case.</summary>
    public static CrewFormationRequest Request(FormationRound round, IReadOnlyList<FormationParticipant> people, IReadOnlyList<FormationPreference> preferences)
    {
        var participants = people.Select(p => Searched(p, round)).ToList();
        var statements = preferences.Select(p => new PreferenceStatement(p.FromParticipantId.ToString(), p.AboutParticipantId.ToString(),
            p.Choice == PreferenceChoice.Want ? Preference.Want : p.Choice == PreferenceChoice.RatherNot ? Preference.RatherNot : Preference.Open)).ToList();
        return new CrewFormationRequest(participants, statements)
        {
            MinSize = round.MinSize,
            MaxSize = round.MaxSize,
            AimSize = Math.Clamp(5, round.MinSize, round.MaxSize),
        };
    }

    /// <summary>A participant as the search sees them (id, tags, UTC slots): the one way their answers are read.</summary>
    public static Participant Searched(FormationParticipant p, FormationRound round) =>
        new(p.Id.ToString(), RoundSlots.Tags(p.Interests), RoundSlots.Of(p, round));

    /// <summary>
    /// A proposed crew's shared hours and common interests, stored so that no page recomputes them. The search's
    /// own figures when it formed the crew; after a host moves people, the same function over the new members.
    /// </summary>
    public static void Describe(ProposedCrew crew, IReadOnlyList<int> sharedSlots, IReadOnlyList<string> commonInterests)
    {
        crew.SharedSlots = string.Join(",", sharedSlots);
        crew.CommonInterests = string.Join(", ", commonInterests);
    }

    private static string Trim(string s) => s.Length <= 300 ? s : s[..299] + "…";

    /// <summary>
    /// A stored reason as every page and export shows it. Rounds run before the search gave one reason for all
    /// who fit nowhere stored finer ones, one of which said "someone's preferences": pointing at the person's
    /// "rather not" pairs; they read as the one reason now.
    /// </summary>
    public static string ShownReason(string stored) =>
        stored.Contains("preferences", StringComparison.Ordinal) || stored.Contains("are full", StringComparison.Ordinal)
        || stored.Contains("breaking a rule", StringComparison.Ordinal) || stored.StartsWith("no crew shares a weekly hour", StringComparison.Ordinal)
            ? FormCrews.NoCrewCouldTakeThem : stored;
}
