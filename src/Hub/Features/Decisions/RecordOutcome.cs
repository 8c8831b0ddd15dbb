using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// Writes a decision's outcome, after which it stands in the log: the proposer or a host once answers have closed
/// (adopted, adopted with changes, not adopted), or the proposer at any time (withdrawn). A block that stands to
/// the proposal as it is keeps it from being adopted: talk, change the proposal, or record it as not adopted.
/// An advice process is decided by its proposer alone, at or before closing ("decided", with what and why); a time
/// poll is closed by its proposer choosing one of its times (or by a host once it has closed).
/// </summary>
public sealed class RecordOutcome(HubDbContext db, TimeProvider time, DecisionNotices notices, IStringLocalizer<Strings> strings)
{
    public Task<Outcome> RunAsync(DecisionView view, DecisionResult result, string note, CancellationToken cancellationToken = default) =>
        RunAsync(view, result, note, null, cancellationToken);

    /// <param name="chosenOption">A time poll's chosen time, when its proposer (or a host) closes it.</param>
    public async Task<Outcome> RunAsync(DecisionView view, DecisionResult result, string note, Guid? chosenOption, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(result) || (view.Kind != DecisionKind.Consent && result is DecisionResult.AdoptedWithChanges or DecisionResult.NotAdopted))
        {
            return Outcome.Refused(strings["Decisions.Problem.ChooseOutcome"], "Result");
        }
        var decision = view.Decision;
        if (result == DecisionResult.Withdrawn ? !view.CanWithdraw : !view.CanRecordOutcome)
        {
            return Outcome.Refused(strings[result == DecisionResult.Withdrawn ? "Decisions.Refused.OnlyProposerWithdraws"
                : view.Kind == DecisionKind.Advice ? "Decisions.Refused.OnlyAskerDecides"
                : view.Kind == DecisionKind.TimePoll ? "Decisions.Refused.PollChooser"
                : view.IsOpen ? "Decisions.Refused.StillOpen"
                : "Decisions.Refused.ProposerOrHost"]);
        }
        var poll = view.Kind == DecisionKind.TimePoll && result == DecisionResult.Adopted;
        if (poll && (chosenOption is not { } chosen || view.Options.All(o => o.Id != chosen)))
        {
            return Outcome.Refused(strings["Decisions.Problem.ChooseTime"], "Chosen");
        }
        note = (note ?? "").Trim();
        if (note.Length == 0 && !poll)
        {
            return Outcome.Refused(strings[result == DecisionResult.Withdrawn ? "Decisions.Problem.WithdrawWhy"
                : view.Kind == DecisionKind.Advice ? "Decisions.Problem.DecidedWhy" : "Decisions.Problem.WhatDecided"], "ResultNote");
        }
        if (note.Length > DecisionConfigurationLimits.Note)
        {
            return Outcome.Refused(strings["Decisions.Problem.OutcomeLong", DecisionConfigurationLimits.Note.ToString("N0", DateFormats.Culture)], "ResultNote");
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (view.Kind == DecisionKind.Consent && result is DecisionResult.Adopted or DecisionResult.AdoptedWithChanges)
        {
            // Read the blocks in the transaction that writes the outcome: none can slip past between the page and here.
            var version = await db.Decisions.Where(d => d.Id == decision.Id).Select(d => d.Version).SingleAsync(cancellationToken);
            var blocks = await db.DecisionAnswers.CountAsync(a => a.DecisionId == decision.Id && a.Response == DecisionResponse.Block && a.Version >= version,
                cancellationToken);
            if (blocks > 0)
            {
                return Outcome.Refused(strings.Plural("Decisions.Refused.Blocks", blocks), "Result");
            }
        }
        var written = await db.Decisions.Where(d => d.Id == decision.Id && d.Result == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Result, result).SetProperty(d => d.ResultNote, note)
                .SetProperty(d => d.ChosenOptionId, poll ? chosenOption : null)
                .SetProperty(d => d.ResultByUserId, view.UserId).SetProperty(d => d.DecidedAt, now), cancellationToken);
        if (written == 0)
        {
            return Outcome.Refused(strings["Decisions.Refused.AlreadyWritten"]);
        }
        await notices.ResolveAsync(DecisionNotices.OpenAbout(decision.Id), null, cancellationToken);
        await notices.ResolveAsync(DecisionNotices.OutcomeAbout(decision.Id), null, cancellationToken);
        var members = await view.Circle.MemberIdsAsync(db, cancellationToken);
        var resultKey = $"Email.Decision.Result.{DecisionText.ResultKey(result, view.Kind)}";
        await notices.SendAsync([.. members.Where(m => m != view.UserId)], $"{view.Circle.Topic}.decision-closed", view.Circle.PathOf(decision.Id),
            () => new NoticeWords(strings["Email.Decision.Closed.Subject", strings[resultKey], decision.Question],
            [
                poll ? strings["Email.Decision.Closed.Chosen", decision.Question, ChosenInUtc(view, chosenOption)]
                    : strings["Email.Decision.Closed.Decided", decision.Question, strings[resultKey]],
                note.Length > 0 ? note : strings["Email.Decision.Closed.Thanks"],
                strings["Email.Decision.Closed.Log", view.Circle.Name],
            ], strings["Email.Decision.Closed.Action"]), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Wake();
        return Outcome.Done;
    }

    /// <summary>The chosen time in UTC, in the reader's language (each reads it in their own zone on the poll's page).</summary>
    private static string ChosenInUtc(DecisionView view, Guid? chosen) =>
        DateFormats.Format(view.Options.First(o => o.Id == chosen).StartsAt, "dddd d MMMM yyyy, HH:mm") + " UTC";
}
