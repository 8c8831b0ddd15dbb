using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// A member answers a time poll: yes, if need be, or no to each candidate time (times left unanswered stay so).
/// One answer per person and time: answering again replaces all of theirs in one transaction, so a double submit
/// never counts twice, and two people answering at once are both kept.
/// </summary>
public sealed class AnswerPoll(HubDbContext db, TimeProvider time, DecisionNotices notices, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(DecisionView view, IReadOnlyDictionary<Guid, PollAvailability> answers, CancellationToken cancellationToken = default)
    {
        if (!view.Circle.IsMember || view.UserId is not { } me)
        {
            return Outcome.Refused(strings["Decisions.Refused.OnlyMembersAnswer", view.Circle.MembersIn(strings)]);
        }
        if (view.Kind != DecisionKind.TimePoll)
        {
            return Outcome.Refused(strings["Decisions.Refused.NotPoll"]);
        }
        var options = view.Options.Select(o => o.Id).ToHashSet();
        if (answers.Count == 0)
        {
            return Outcome.Refused(strings["Decisions.Problem.PollNone"], "Availability");
        }
        if (answers.Keys.Any(k => !options.Contains(k)) || answers.Values.Any(a => !Enum.IsDefined(a)))
        {
            return Outcome.Refused(strings["Decisions.Problem.PollGone"], "Availability");
        }
        var now = time.GetUtcNow().UtcDateTime;
        for (var attempt = 0; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The poll as it is now, not as the page saw it: chosen or closed a moment ago takes nothing more. The
            // update changes nothing but holds the poll's row until commit, so answers to one poll are saved one after
            // another (on PostgreSQL as on SQLite): a person's two sends never collide on the unique index or deadlock.
            var open = await db.Decisions.Where(d => d.Id == view.Decision.Id && d.Result == null && d.ClosesAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, d => d.Version), cancellationToken) > 0;
            if (!open)
            {
                return Outcome.Refused(strings["Decisions.Refused.PollClosed"]);
            }
            await db.DecisionPollAnswers.Where(a => a.DecisionId == view.Decision.Id && a.UserId == me).ExecuteDeleteAsync(cancellationToken);
            db.DecisionPollAnswers.AddRange(answers.Select(a => new DecisionPollAnswer
            {
                Id = Guid.NewGuid(),
                OptionId = a.Key,
                DecisionId = view.Decision.Id,
                UserId = me,
                Availability = a.Value,
                AnsweredAt = now,
            }));
            await notices.ResolveAsync(DecisionNotices.OpenAbout(view.Decision.Id), me, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return Outcome.Done;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // The same person sending twice at once (two tabs, a double tap): the unique index keeps one row per
                // time, and this answer replaces the other once it is saved.
                db.ChangeTracker.Clear();
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
    }
}
