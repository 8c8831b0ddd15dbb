using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// The proposer changes the proposal while answers are open, often to meet a concern or a block. The earlier
/// text is kept; answers already given stay, marked "before the change", and their people are asked to look again.
/// </summary>
public sealed class AmendDecision(HubDbContext db, TimeProvider time, DecisionNotices notices, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(DecisionView view, string proposal, string note, CancellationToken cancellationToken = default)
    {
        if (!view.IsProposer)
        {
            return Outcome.Refused(strings["Decisions.Refused.OnlyProposerChanges"]);
        }
        if (view.Kind == DecisionKind.TimePoll)
        {
            return Outcome.Refused(strings["Decisions.Refused.PollTimes"]);
        }
        proposal = (proposal ?? "").Trim();
        note = (note ?? "").Trim();
        if (proposal.Length == 0)
        {
            return Outcome.Refused(strings["Decisions.Problem.AmendEmpty"], "Proposal");
        }
        if (proposal.Length > DecisionConfigurationLimits.Text)
        {
            return Outcome.Refused(strings["Decisions.Problem.ProposalLong", DecisionConfigurationLimits.Text.ToString("N0", DateFormats.Culture)], "Proposal");
        }
        if (note.Length == 0)
        {
            return Outcome.Refused(strings["Decisions.Problem.NoteEmpty"], "Note");
        }
        if (note.Length > DecisionConfigurationLimits.Note)
        {
            return Outcome.Refused(strings["Decisions.Problem.NoteLong", DecisionConfigurationLimits.Note.ToString("N0", DateFormats.Culture)], "Note");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var decision = view.Decision;
        if (proposal == decision.Proposal)
        {
            return Outcome.Refused(strings["Decisions.Problem.Same"], "Proposal");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only from the version this page showed, and only while answers are open: two changes at once cannot both win.
        var changed = await db.Decisions.Where(d => d.Id == decision.Id && d.Version == decision.Version && d.Result == null && d.ClosesAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, d => d.Version + 1).SetProperty(d => d.Proposal, proposal)
                .SetProperty(d => d.AmendedAt, now), cancellationToken);
        if (changed == 0)
        {
            return Outcome.Refused(strings["Decisions.Refused.ChangedMeanwhile"]);
        }
        db.DecisionAmendments.Add(new DecisionAmendment
        {
            Id = Guid.NewGuid(),
            DecisionId = decision.Id,
            Version = decision.Version,
            Proposal = decision.Proposal,
            Note = note,
            AmendedAt = now,
        });
        var answered = await db.DecisionAnswers.Where(a => a.DecisionId == decision.Id && a.UserId != decision.ProposerUserId)
            .Select(a => a.UserId).ToListAsync(cancellationToken);
        await notices.SendAsync(answered, $"{view.Circle.Topic}.decision-changed", view.Circle.PathOf(decision.Id), () => new NoticeWords(
            strings["Email.Decision.Changed.Subject", decision.Question],
            [strings["Email.Decision.Changed.Wrote", decision.Proposer.DisplayName, decision.Question], note, strings["Email.Decision.Changed.Kept"]],
            strings["Email.Decision.Changed.Action"]), cancellationToken, DecisionNotices.OpenAbout(decision.Id));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Wake();
        return Outcome.Done;
    }
}
