using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// Once a decision's answers close, its proposer is asked (once) to write the outcome. Each decision is claimed
/// with a conditional update in the transaction that queues the notice, so two nodes never ask twice.
/// </summary>
public sealed class AskForOutcomes(HubDbContext db, TimeProvider time, DecisionNotices notices, IStringLocalizer<Strings> strings)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Decisions.AsNoTracking().Where(d => d.Result == null && d.OutcomeAskedAt == null && d.ClosesAt <= now)
            .OrderBy(d => d.ClosesAt).Take(50)
            .Select(d => new { d.Id, d.Kind, d.Question, d.ProposerUserId, d.CongregationId, d.CrewId, d.WorkingGroupId, Slug = db.Congregations.Where(c => c.Id == d.CongregationId).Select(c => c.Slug).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var asked = 0;
        foreach (var decision in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Decisions.Where(d => d.Id == decision.Id && d.OutcomeAskedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.OutcomeAskedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            var path = DecisionCircle.PathOf(decision.Id, decision.CrewId, decision.WorkingGroupId, decision.Slug);
            var topic = decision.CrewId is null ? "congregation" : "crew";
            var counts = await db.DecisionAnswers.Where(a => a.DecisionId == decision.Id).GroupBy(a => a.Response)
                .Select(g => new { Response = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var tally = DecisionText.Responses.Concat(DecisionText.Stances)
                .Select(r => (Response: r, Count: counts.FirstOrDefault(c => c.Response == r)?.Count ?? 0)).Where(p => p.Count > 0).ToList();
            // In the proposer's language: "Answers have closed. agree: 3, block: 1."
            string Summary() => decision.Kind == Data.Decisions.DecisionKind.TimePoll ? strings["Email.Decision.Closing.Poll"]
                : tally.Count == 0 ? strings["Email.Decision.Closing.Nobody"]
                : string.Join(", ", tally.Select(p => strings[$"Email.Decision.Tally.{p.Response}", p.Count].Value)) + ".";
            await notices.SendAsync([decision.ProposerUserId], $"{topic}.decision-outcome", path, () => new NoticeWords(
                strings["Email.Decision.Closing.Subject", decision.Question],
                [
                    strings["Email.Decision.Closing.Text", decision.Question] + " " + Summary(),
                    strings[$"Email.Decision.Closing.Next.{decision.Kind}"],
                ], strings["Email.Decision.Closing.Action"]), cancellationToken, DecisionNotices.OutcomeAbout(decision.Id));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            asked++;
        }
        if (asked > 0)
        {
            notices.Wake();
        }
        return asked;
    }
}
