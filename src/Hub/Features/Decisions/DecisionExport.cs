using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// A circle's decisions for its members to keep: every decision with its answers, as CSV (one row per answer)
/// or JSON. Names appear only where the decision shows names; counts-only answers are exported without them.
/// Advice is exported as answers (its stance and text); a time poll's answers one per person and time, with the time.
/// </summary>
public sealed class DecisionExport(HubDbContext db, TimeProvider time)
{
    /// <param name="Time">For a time poll's answer: the candidate time answered (UTC).</param>
    public sealed record Answer(string Response, string Reason, string? By, bool BeforeTheChange, DateTime AnsweredAt, DateTime? Time = null);

    /// <summary>A poll's candidate time with its counts.</summary>
    public sealed record Option(DateTime Time, int Yes, int IfNeedBe, int No, bool Chosen);

    public sealed record Item(Guid Id, string Kind, string Question, string Proposal, string Background, string ProposedBy, DateTime ProposedAt, DateTime ClosesAt,
        int? Quorum, string Visibility, int Version, string State, string Outcome, DateTime? DecidedAt, IReadOnlyList<Answer> Answers)
    {
        /// <summary>An advice process's named advisers.</summary>
        public IReadOnlyList<string> AdviceAskedOf { get; init; } = [];

        /// <summary>A time poll's candidate times.</summary>
        public IReadOnlyList<Option> Times { get; init; } = [];

        public DateTime? ChosenTime { get; init; }
    }

    public async Task<IReadOnlyList<Item>> LoadAsync(DecisionCircle circle, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var decisions = await circle.Of(db).AsNoTracking().Include(d => d.Proposer).Include(d => d.Answers).ThenInclude(a => a.User)
            .Include(d => d.Advisers).ThenInclude(a => a.User).Include(d => d.Options).ThenInclude(o => o.Answers).ThenInclude(a => a.User)
            .AsSplitQuery().OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        return [.. decisions.Select(d =>
        {
            var names = d.Visibility == DecisionVisibility.Names;
            var options = d.Options.OrderBy(o => o.Position).ToList();
            return new Item(d.Id, DecisionText.Kind(d.Kind), d.Question, d.Proposal, d.Background, d.Proposer.DisplayName, d.CreatedAt, d.ClosesAt, d.Quorum,
                names ? "names" : "counts", d.Version, DecisionText.State(d, now), d.ResultNote, d.DecidedAt,
                [
                    .. d.Answers.OrderBy(a => a.AnsweredAt).Select(a => new Answer(DecisionText.Response(a.Response), a.Reason,
                        names ? a.User.DisplayName : null, a.Version < d.Version, a.AnsweredAt)),
                    .. options.SelectMany(o => o.Answers.OrderBy(a => a.AnsweredAt).Select(a => new Answer(DecisionText.Availability(a.Availability), "",
                        names ? a.User.DisplayName : null, false, a.AnsweredAt, o.StartsAt))),
                ])
            {
                AdviceAskedOf = [.. d.Advisers.Select(a => a.User.DisplayName).Order()],
                Times = [.. options.Select(o => new Option(o.StartsAt, o.Answers.Count(a => a.Availability == PollAvailability.Yes),
                    o.Answers.Count(a => a.Availability == PollAvailability.IfNeedBe), o.Answers.Count(a => a.Availability == PollAvailability.No), o.Id == d.ChosenOptionId))],
                ChosenTime = options.FirstOrDefault(o => o.Id == d.ChosenOptionId)?.StartsAt,
            };
        })];
    }

    public static byte[] Csv(IReadOnlyList<Item> items)
    {
        using var csv = new SpreadsheetCsv("Kind", "Question", "Proposal", "Proposed by", "Proposed at (UTC)", "Closes at (UTC)", "State", "Outcome",
            "Chosen time (UTC)", "Advice asked of", "Answer", "Reason or advice", "Answered by", "Before the change", "Answered at (UTC)", "Time answered (UTC)");
        static string At(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
        foreach (var d in items)
        {
            var rows = d.Answers.Count == 0 ? new Answer?[1] : [.. d.Answers];
            foreach (var a in rows)
            {
                csv.Text(d.Kind).Text(d.Question).Text(d.Proposal).Text(d.ProposedBy).Text(At(d.ProposedAt)).Text(At(d.ClosesAt)).Text(d.State).Text(d.Outcome)
                    .Text(At(d.ChosenTime)).Text(string.Join(", ", d.AdviceAskedOf))
                    .Text(a?.Response).Text(a?.Reason).Text(a is null ? null : a.By ?? "(counts only)").Text(a is null ? null : a.BeforeTheChange ? "yes" : "no")
                    .Text(At(a?.AnsweredAt)).Text(At(a?.Time));
                csv.EndRow();
            }
        }
        return csv.ToUtf8();
    }
}
