using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// A member answers a decision: agree, abstain, disagree or block (a block with its reason); or, to an advice
/// process, gives advice (its text, with "I support" or "I have concerns" if they like). One answer per
/// person: answering again replaces it. The answer is to the proposal's version as the database holds it at
/// that moment, so an amendment saved at the same time leaves it marked "before the change", never lost.
/// </summary>
public sealed class AnswerDecision(HubDbContext db, TimeProvider time, DecisionNotices notices, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(DecisionView view, DecisionResponse response, string? reason, CancellationToken cancellationToken = default)
    {
        if (!view.Circle.IsMember || view.UserId is not { } me)
        {
            return Outcome.Refused(strings["Decisions.Refused.OnlyMembersAnswer", view.Circle.MembersIn(strings)]);
        }
        var advice = view.Kind == DecisionKind.Advice;
        if (view.Kind == DecisionKind.TimePoll)
        {
            return Outcome.Refused(strings["Decisions.Refused.AnswerEachTime"]);
        }
        if (advice && view.IsProposer)
        {
            return Outcome.Refused(strings["Decisions.Refused.YouDecide"]);
        }
        if (advice ? !DecisionText.Stances.Contains(response) : !DecisionText.Responses.Contains(response))
        {
            return advice ? Outcome.Refused(strings["Decisions.Problem.ChooseStance"], "Choice")
                : Outcome.Refused(strings["Decisions.Problem.ChooseResponse"], "Choice");
        }
        reason = (reason ?? "").Trim();
        if (response == DecisionResponse.Block && reason.Length == 0)
        {
            return Outcome.Refused(strings["Decisions.Problem.BlockReason"], "Reason");
        }
        if (advice && reason.Length == 0)
        {
            return Outcome.Refused(strings["Decisions.Problem.AdviceText"], "Reason");
        }
        if (reason.Length > DecisionConfigurationLimits.Note)
        {
            return Outcome.Refused(strings["Decisions.Problem.ReasonLong", DecisionConfigurationLimits.Note.ToString("N0", DateFormats.Culture)], "Reason");
        }
        var now = time.GetUtcNow().UtcDateTime;
        // The decision as it is now, not as the page saw it: closing time, outcome and version are checked at answer time.
        var state = await db.Decisions.AsNoTracking().Where(d => d.Id == view.Decision.Id)
            .Select(d => new { d.Result, d.ClosesAt, d.Version }).SingleOrDefaultAsync(cancellationToken);
        if (state is null || state.Result is not null || state.ClosesAt <= now)
        {
            return Outcome.Refused(strings["Decisions.Refused.AnswersClosed"]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await ReplaceAsync(me, state.Version, cancellationToken))
        {
            db.DecisionAnswers.Add(new DecisionAnswer
            {
                Id = Guid.NewGuid(),
                DecisionId = view.Decision.Id,
                UserId = me,
                Response = response,
                Reason = reason,
                Version = state.Version,
                AnsweredAt = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same person answering twice at once (two tabs): the unique index keeps one row, and this answer replaces it.
                db.ChangeTracker.Clear();
                await transaction.RollbackAsync(CancellationToken.None);
                await using var again = await db.Database.BeginTransactionAsync(cancellationToken);
                if (!await ReplaceAsync(me, state.Version, cancellationToken))
                {
                    throw;
                }
                await notices.ResolveAsync(DecisionNotices.OpenAbout(view.Decision.Id), me, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await again.CommitAsync(cancellationToken);
                return Outcome.Done;
            }
        }
        await notices.ResolveAsync(DecisionNotices.OpenAbout(view.Decision.Id), me, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;

        async Task<bool> ReplaceAsync(string userId, int version, CancellationToken cancel) => await db.DecisionAnswers
            .Where(a => a.DecisionId == view.Decision.Id && a.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Response, response).SetProperty(a => a.Reason, reason)
                .SetProperty(a => a.Version, version).SetProperty(a => a.AnsweredAt, now), cancel) > 0;
    }
}
