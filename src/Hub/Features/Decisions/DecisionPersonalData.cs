using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// The proposals one put to a congregation, working group or crew, one's answers and advice, one's poll answers, and
/// the advice processes that named one as an adviser: a person's own words and choices.
/// </summary>
[PersonalDataOf(typeof(Decision), typeof(DecisionAnswer), typeof(DecisionAdviser), typeof(DecisionPollAnswer))]
internal sealed class DecisionPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Decisions";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var proposed = await db.Decisions.CountAsync(d => d.ProposerUserId == user.Id, cancellationToken);
        var answers = await db.DecisionAnswers.CountAsync(a => a.UserId == user.Id, cancellationToken);
        var polls = await db.DecisionPollAnswers.Where(a => a.UserId == user.Id).Select(a => a.DecisionId).Distinct().CountAsync(cancellationToken);
        var asked = await db.DecisionAdvisers.CountAsync(a => a.UserId == user.Id, cancellationToken);
        return [$"{proposed} proposal(s) you put to a congregation, working group or crew, with their earlier versions and outcomes, and {answers} answer(s) or piece(s) of advice of yours, with your reasons.",
            $"Your answers to {polls} time poll(s), and {asked} advice process(es) that asked you by name."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        Proposed = await db.Decisions.Where(d => d.ProposerUserId == user.Id).OrderBy(d => d.CreatedAt)
            .Select(d => new
            {
                d.Question,
                d.Proposal,
                d.Background,
                d.ClosesAt,
                d.Quorum,
                Visibility = d.Visibility.ToString(),
                d.Version,
                Result = d.Result.HasValue ? d.Result.Value.ToString() : null,
                d.ResultNote,
                d.DecidedAt,
                d.CreatedAt,
                EarlierVersions = d.Amendments.OrderBy(a => a.Version).Select(a => new { a.Version, a.Proposal, a.Note, a.AmendedAt }).ToList(),
            }).ToListAsync(cancellationToken),
        Answers = await db.DecisionAnswers.Where(a => a.UserId == user.Id).OrderBy(a => a.AnsweredAt)
            .Select(a => new { a.Decision.Question, Response = a.Response.ToString(), a.Reason, a.Version, a.AnsweredAt }).ToListAsync(cancellationToken),
        PollAnswers = await db.DecisionPollAnswers.Where(a => a.UserId == user.Id).OrderBy(a => a.AnsweredAt)
            .Select(a => new
            {
                Question = db.Decisions.Where(d => d.Id == a.DecisionId).Select(d => d.Question).FirstOrDefault(),
                Time = db.DecisionOptions.Where(o => o.Id == a.OptionId).Select(o => o.StartsAt).FirstOrDefault(),
                Availability = a.Availability.ToString(),
                a.AnsweredAt,
            }).ToListAsync(cancellationToken),
        AdviceAskedOfYou = await db.DecisionAdvisers.Where(a => a.UserId == user.Id)
            .Select(a => db.Decisions.Where(d => d.Id == a.DecisionId).Select(d => d.Question).FirstOrDefault()).ToListAsync(cancellationToken),
        OutcomesWritten = await db.Decisions.Where(d => d.ResultByUserId == user.Id && d.ProposerUserId != user.Id)
            .Select(d => new { d.Question, Result = d.Result.HasValue ? d.Result.Value.ToString() : null, d.ResultNote, d.DecidedAt }).ToListAsync(cancellationToken),
    };

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        // Their answers and their proposals (with the answers to them) go with the account; an outcome they wrote
        // for someone else's proposal stays in the log without their name.
        await db.DecisionAnswers.Where(a => a.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.DecisionPollAnswers.Where(a => a.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.DecisionAdvisers.Where(a => a.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Decisions.Where(d => d.ProposerUserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Decisions.Where(d => d.ResultByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ResultByUserId, (string?)null), cancellationToken);
    }
}
