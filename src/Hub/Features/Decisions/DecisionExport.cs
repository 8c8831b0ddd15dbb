using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// A circle's decisions for its members to keep: every decision with its answers, as CSV (one row per answer)
/// or JSON. Names appear only where the decision shows names; counts-only answers are exported without them.
/// </summary>
public sealed class DecisionExport(HubDbContext db, TimeProvider time)
{
    public sealed record Answer(string Response, string Reason, string? By, bool BeforeTheChange, DateTime AnsweredAt);

    public sealed record Item(Guid Id, string Question, string Proposal, string Background, string ProposedBy, DateTime ProposedAt, DateTime ClosesAt,
        int? Quorum, string Visibility, int Version, string State, string Outcome, DateTime? DecidedAt, IReadOnlyList<Answer> Answers);

    public async Task<IReadOnlyList<Item>> LoadAsync(DecisionCircle circle, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var decisions = await circle.Of(db).AsNoTracking().Include(d => d.Proposer).Include(d => d.Answers).ThenInclude(a => a.User)
            .AsSplitQuery().OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        return [.. decisions.Select(d => new Item(d.Id, d.Question, d.Proposal, d.Background, d.Proposer.DisplayName, d.CreatedAt, d.ClosesAt, d.Quorum,
            d.Visibility == DecisionVisibility.Names ? "names" : "counts", d.Version, DecisionText.State(d, now), d.ResultNote, d.DecidedAt,
            [.. d.Answers.OrderBy(a => a.AnsweredAt).Select(a => new Answer(DecisionText.Response(a.Response), a.Reason,
                d.Visibility == DecisionVisibility.Names ? a.User.DisplayName : null, a.Version < d.Version, a.AnsweredAt))]))];
    }

    public static byte[] Csv(IReadOnlyList<Item> items)
    {
        using var csv = new SpreadsheetCsv("Question", "Proposal", "Proposed by", "Proposed at (UTC)", "Closes at (UTC)", "State", "Outcome",
            "Answer", "Reason", "Answered by", "Before the change", "Answered at (UTC)");
        static string At(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
        foreach (var d in items)
        {
            var rows = d.Answers.Count == 0 ? new Answer?[1] : [.. d.Answers];
            foreach (var a in rows)
            {
                csv.Text(d.Question).Text(d.Proposal).Text(d.ProposedBy).Text(At(d.ProposedAt)).Text(At(d.ClosesAt)).Text(d.State).Text(d.Outcome)
                    .Text(a?.Response).Text(a?.Reason).Text(a is null ? null : a.By ?? "(counts only)").Text(a is null ? null : a.BeforeTheChange ? "yes" : "no")
                    .Text(At(a?.AnsweredAt));
                csv.EndRow();
            }
        }
        return csv.ToUtf8();
    }
}
