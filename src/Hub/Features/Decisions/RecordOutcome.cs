using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// Writes a decision's outcome, after which it stands in the log: the proposer or a host once answers have closed
/// (adopted, adopted with changes, not adopted), or the proposer at any time (withdrawn). A block that stands to
/// the proposal as it is keeps it from being adopted: talk, change the proposal, or record it as not adopted.
/// </summary>
public sealed class RecordOutcome(HubDbContext db, TimeProvider time, DecisionNotices notices)
{
    public async Task<Outcome> RunAsync(DecisionView view, DecisionResult result, string note, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(result))
        {
            return Outcome.Refused("Choose the outcome.", "Result");
        }
        var decision = view.Decision;
        if (result == DecisionResult.Withdrawn ? !view.CanWithdraw : !view.CanRecordOutcome)
        {
            return Outcome.Refused(result == DecisionResult.Withdrawn ? "Only the person who proposed it withdraws it, before its outcome is written."
                : view.IsOpen ? "Answers are still open; the outcome is written once they close."
                : "The person who proposed it, or a host, writes the outcome.");
        }
        note = (note ?? "").Trim();
        if (note.Length == 0)
        {
            return Outcome.Refused(result == DecisionResult.Withdrawn ? "Say in a line why you withdraw it; the log keeps it for later."
                : "Write what was decided, in a few plain lines: this is what the log keeps.", "ResultNote");
        }
        if (note.Length > DecisionConfigurationLimits.Note)
        {
            return Outcome.Refused($"Keep it under {DecisionConfigurationLimits.Note:N0} characters.", "ResultNote");
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (result is DecisionResult.Adopted or DecisionResult.AdoptedWithChanges)
        {
            // Read the blocks in the transaction that writes the outcome: none can slip past between the page and here.
            var version = await db.Decisions.Where(d => d.Id == decision.Id).Select(d => d.Version).SingleAsync(cancellationToken);
            var blocks = await db.DecisionAnswers.CountAsync(a => a.DecisionId == decision.Id && a.Response == DecisionResponse.Block && a.Version >= version,
                cancellationToken);
            if (blocks > 0)
            {
                return Outcome.Refused(blocks == 1 ? "A block stands, so the proposal cannot be adopted as it is. Talk with the person who blocked, change the proposal, or record it as not adopted."
                    : $"{blocks} blocks stand, so the proposal cannot be adopted as it is. Talk with those who blocked, change the proposal, or record it as not adopted.", "Result");
            }
        }
        var written = await db.Decisions.Where(d => d.Id == decision.Id && d.Result == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Result, result).SetProperty(d => d.ResultNote, note)
                .SetProperty(d => d.ResultByUserId, view.UserId).SetProperty(d => d.DecidedAt, now), cancellationToken);
        if (written == 0)
        {
            return Outcome.Refused("Someone wrote the outcome a moment ago. Here it is.");
        }
        await notices.ResolveAsync(DecisionNotices.OpenAbout(decision.Id), null, cancellationToken);
        await notices.ResolveAsync(DecisionNotices.OutcomeAbout(decision.Id), null, cancellationToken);
        var members = await view.Circle.MemberIdsAsync(db, cancellationToken);
        await notices.SendAsync([.. members.Where(m => m != view.UserId)], $"{view.Circle.Topic}.decision-closed",
            $"{DecisionText.Result(result)}: {decision.Question}", view.Circle.PathOf(decision.Id),
            [
                $"“{decision.Question}” is decided: {DecisionText.Result(result).ToLowerInvariant()}.",
                note,
                $"It stands in the decision log of {view.Circle.Name}.",
            ], "See the decision", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Wake();
        return Outcome.Done;
    }
}
