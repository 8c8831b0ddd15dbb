using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// A member puts a proposal to their congregation or crew for consent. Everyone else in the circle hears of
/// it (at once, in the digest, or only in the hub, as each chose for that kind of news).
/// </summary>
public sealed class ProposeDecision(HubDbContext db, TimeProvider time, DecisionNotices notices)
{
    /// <summary>How far ahead answers may close: long enough to talk, short enough to remember.</summary>
    public const int MaxDays = 60;

    /// <summary>The shortest time to answer: an hour, so nobody is decided for in a moment.</summary>
    public static readonly TimeSpan MinOpen = TimeSpan.FromHours(1);

    public sealed record Input(string Question, string Proposal, string Background, DateTime? ClosesLocal, int? Quorum, DecisionVisibility Visibility);

    public async Task<(Outcome Outcome, Guid? Id)> RunAsync(DecisionCircle circle, Input input, DateTimeZone zone, CancellationToken cancellationToken = default)
    {
        if (!circle.IsMember || circle.UserId is null)
        {
            return (Outcome.Refused($"Only {circle.Members} put proposals to them here."), null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var members = await circle.MemberIdsAsync(db, cancellationToken);
        if (Outcome.RefusedAll(Problems(input, zone, now, members.Count)) is { } refused)
        {
            return (refused, null);
        }
        var decision = new Decision
        {
            Id = Guid.NewGuid(),
            CongregationId = circle.CongregationId,
            CrewId = circle.CrewId,
            Kind = DecisionKind.Consent,
            ProposerUserId = circle.UserId,
            Question = input.Question.Trim(),
            Proposal = input.Proposal.Trim(),
            Background = input.Background.Trim(),
            ClosesAt = TimeZones.ToUtc(LocalDateTime.FromDateTime(input.ClosesLocal!.Value), zone),
            Quorum = input.Quorum,
            Visibility = input.Visibility,
            Version = 1,
            CreatedAt = now,
        };
        db.Decisions.Add(decision);
        var proposer = await db.Users.Where(u => u.Id == circle.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        await notices.SendAsync([.. members.Where(m => m != circle.UserId)], $"{circle.Topic}.decision-open",
            $"{proposer} asks {circle.Name} for consent: {decision.Question}", circle.PathOf(decision.Id),
            [
                $"{proposer} has a proposal for {circle.Name} and asks for your consent: “{decision.Question}”",
                UpdatesMarkdownText(decision.Proposal),
                "Agree, abstain, disagree or block, each with a reason if you like (a block always with one). Answers close at the time on the decision's page.",
            ], "Read and answer", cancellationToken, DecisionNotices.OpenAbout(decision.Id));
        await db.SaveChangesAsync(cancellationToken);
        notices.Wake();
        return (Outcome.Done, decision.Id);
    }

    private static string UpdatesMarkdownText(string markdown)
    {
        var text = Updates.UpdatesMarkdown.ToText(markdown);
        return text.Length <= 600 ? text : text[..600].TrimEnd() + "…";
    }

    /// <summary>The checks that need no database beyond the circle's size, so a page can show them beside its own.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(Input input, DateTimeZone zone, DateTime nowUtc, int members)
    {
        List<(string, string)> problems = [];
        var question = input.Question.Trim();
        if (question.Length == 0)
        {
            problems.Add(("Question", "Write the question in a line, such as “Shall we meet in the library from March?”."));
        }
        else if (question.Length > DecisionConfigurationLimits.Question)
        {
            problems.Add(("Question", $"Keep the question under {DecisionConfigurationLimits.Question} characters; the proposal below has room for the rest."));
        }
        var proposal = input.Proposal.Trim();
        if (proposal.Length == 0)
        {
            problems.Add(("Proposal", "Write the proposal itself: what would happen if everyone consents."));
        }
        else if (proposal.Length > DecisionConfigurationLimits.Text)
        {
            problems.Add(("Proposal", $"Keep the proposal under {DecisionConfigurationLimits.Text:N0} characters."));
        }
        if (input.Background.Trim().Length > DecisionConfigurationLimits.Text)
        {
            problems.Add(("Background", $"Keep the background under {DecisionConfigurationLimits.Text:N0} characters; a link can carry the rest."));
        }
        if (input.ClosesLocal is not { } local)
        {
            problems.Add(("Closes", "Choose when answers close: a week gives everyone time to read, ask and answer."));
        }
        else
        {
            var closes = TimeZones.ToUtc(LocalDateTime.FromDateTime(local), zone);
            if (closes < nowUtc + MinOpen)
            {
                problems.Add(("Closes", "Answers need at least an hour from now; a few days is kinder."));
            }
            else if (closes > nowUtc.AddDays(MaxDays))
            {
                problems.Add(("Closes", $"Close answers within {MaxDays} days, while the question is still fresh."));
            }
        }
        if (input.Quorum is { } quorum && (quorum < 1 || quorum > Math.Max(members, 1)))
        {
            problems.Add(("Quorum", $"The quorum is a number of answers from 1 to {Math.Max(members, 1)} (everyone here), or leave it empty."));
        }
        if (!Enum.IsDefined(input.Visibility))
        {
            problems.Add(("Visibility", "Choose whether others see names or only counts."));
        }
        return problems;
    }
}

/// <summary>The column sizes of the decision tables, as the forms check them.</summary>
public static class DecisionConfigurationLimits
{
    public const int Question = 200, Text = 8000, Note = 2000;
}
