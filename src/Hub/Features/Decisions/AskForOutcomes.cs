using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// Once a decision's answers close, its proposer is asked (once) to write the outcome. Each decision is claimed
/// with a conditional update in the transaction that queues the notice, so two nodes never ask twice.
/// </summary>
public sealed class AskForOutcomes(HubDbContext db, TimeProvider time, DecisionNotices notices)
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
            var summary = decision.Kind == Data.Decisions.DecisionKind.TimePoll ? "See who can make which time on the poll's page"
                : counts.Count == 0 ? "Nobody answered." : string.Join(", ", DecisionText.Responses.Concat(DecisionText.Stances)
                .Select(r => (r, counts.FirstOrDefault(c => c.Response == r)?.Count ?? 0)).Where(p => p.Item2 > 0)
                .Select(p => $"{p.Item2} {DecisionText.Response(p.r).ToLowerInvariant()}"));
            await notices.SendAsync([decision.ProposerUserId], $"{topic}.decision-outcome", $"Answers have closed: {decision.Question}", path,
                [
                    $"Answers to your proposal “{decision.Question}” have closed. {summary}.",
                    decision.Kind switch
                    {
                        Data.Decisions.DecisionKind.Advice => "Write what you decided, and why, on the decision's page: the people who advised you hear of it, and it stands in the log.",
                        Data.Decisions.DecisionKind.TimePoll => "Choose the time on the poll's page, so everyone hears of it and it stands in the log.",
                        _ => "Write the outcome on the decision's page (adopted, adopted with changes, or not adopted) so it stands in the log for everyone.",
                    },
                ], "Write the outcome", cancellationToken, DecisionNotices.OutcomeAbout(decision.Id));
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
