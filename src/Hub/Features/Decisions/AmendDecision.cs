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
            return Outcome.Refused("Only the person who proposed it changes the proposal; tell them what you would change in your answer.");
        }
        if (view.Kind == DecisionKind.TimePoll)
        {
            return Outcome.Refused("A time poll's times are what it asks: close it and ask again with other times.");
        }
        proposal = (proposal ?? "").Trim();
        note = (note ?? "").Trim();
        if (proposal.Length == 0)
        {
            return Outcome.Refused("Write the proposal as it should stand now.", "Proposal");
        }
        if (proposal.Length > DecisionConfigurationLimits.Text)
        {
            return Outcome.Refused($"Keep the proposal under {DecisionConfigurationLimits.Text:N0} characters.", "Proposal");
        }
        if (note.Length == 0)
        {
            return Outcome.Refused("Say in a line what changed and why: people who answered read this first.", "Note");
        }
        if (note.Length > DecisionConfigurationLimits.Note)
        {
            return Outcome.Refused($"Keep the note under {DecisionConfigurationLimits.Note:N0} characters.", "Note");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var decision = view.Decision;
        if (proposal == decision.Proposal)
        {
            return Outcome.Refused("The proposal is the same as before: change its text, or leave it as it is.", "Proposal");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only from the version this page showed, and only while answers are open: two changes at once cannot both win.
        var changed = await db.Decisions.Where(d => d.Id == decision.Id && d.Version == decision.Version && d.Result == null && d.ClosesAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, d => d.Version + 1).SetProperty(d => d.Proposal, proposal)
                .SetProperty(d => d.AmendedAt, now), cancellationToken);
        if (changed == 0)
        {
            return Outcome.Refused("The decision changed or closed while you were writing. Here it is as it stands now.");
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
