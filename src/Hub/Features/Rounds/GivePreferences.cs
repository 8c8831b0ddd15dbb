using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>
/// A member joins a round, or changes what they gave, until the deadline: interests, free hours in their own
/// zone, and a private want / open / rather not about each other participant. Only the search reads these.
/// </summary>
public sealed class GivePreferences(HubDbContext db, TimeProvider time, RoundNotices notices, IStringLocalizer<Strings> strings)
{
    public sealed record Input(string Interests, IReadOnlyCollection<int> Free, IReadOnlyDictionary<Guid, PreferenceChoice> About);

    public async Task<Outcome> RunAsync(RoundView view, Input input, CancellationToken cancellationToken = default)
    {
        var userId = view.Owner.UserId;
        if (!view.IsMember || userId is null)
        {
            return Outcome.Refused(view.Owner.Congregation is null ? strings["Rounds.Refused.OnlyCohort"]
                : strings["Rounds.Refused.OnlyMembers"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (!view.AcceptsPreferences(now))
        {
            return Outcome.Refused(Closed(view.Round));
        }
        var interests = input.Interests.Trim();
        var grid = Gatherings.AvailabilityOverlap.FromHours(input.Free);
        List<(string, string)> problems = [];
        if (interests.Length > 1000)
        {
            problems.Add(("Interests", strings["Rounds.Refused.InterestsLength"]));
        }
        if (!grid.Contains('1'))
        {
            problems.Add(("Free", strings["Rounds.Refused.NoHour"]));
        }
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return refused;
        }
        var zone = await db.Profiles.Where(p => p.UserId == userId).Select(p => p.TimeZone).FirstOrDefaultAsync(cancellationToken) ?? "";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The deadline is checked again inside the transaction against the row as it is now: a host who ran
        // the round a moment ago has closed it.
        var open = await db.FormationRounds.Where(r => r.Id == view.Round.Id && r.Stage == FormationStage.Open && r.PreferencesDueAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Stage, FormationStage.Open), cancellationToken);
        if (open == 0)
        {
            return Outcome.Refused(Closed(view.Round));
        }
        var me = await db.FormationParticipants.SingleOrDefaultAsync(p => p.RoundId == view.Round.Id && p.UserId == userId, cancellationToken);
        if (me is null)
        {
            me = new FormationParticipant { Id = Guid.NewGuid(), RoundId = view.Round.Id, UserId = userId, JoinedAt = now };
            db.FormationParticipants.Add(me);
        }
        me.Interests = interests;
        me.Availability = grid;
        me.TimeZone = zone;
        me.UpdatedAt = now;

        var others = await db.FormationParticipants.Where(p => p.RoundId == view.Round.Id && p.UserId != userId)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        await db.FormationPreferences.Where(p => p.FromParticipantId == me.Id).ExecuteDeleteAsync(cancellationToken);
        foreach (var (about, choice) in input.About)
        {
            if (choice != PreferenceChoice.Open && others.Contains(about))
            {
                db.FormationPreferences.Add(new FormationPreference { RoundId = view.Round.Id, FromParticipantId = me.Id, AboutParticipantId = about, Choice = choice });
            }
        }
        await notices.ResolveAsync(RoundNotices.RoundAbout(view.Round.Id), userId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }

    private string Closed(FormationRound round) => round.Stage == FormationStage.Open
        ? strings["Rounds.Refused.ClosedDeadline"]
        : strings["Rounds.Refused.ClosedRun"];
}
