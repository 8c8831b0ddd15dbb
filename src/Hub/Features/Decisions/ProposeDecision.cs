using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// A member puts a proposal to their circle: for consent, as an advice process (naming the people whose advice
/// they ask; those hear of it as a request to them), or as a time poll (two to ten candidate times). Everyone else
/// in the circle hears of it (at once, in the digest, or only in the hub, as each chose for that kind of news).
/// </summary>
public sealed class ProposeDecision(HubDbContext db, TimeProvider time, DecisionNotices notices, IStringLocalizer<Strings> strings)
{
    /// <summary>How far ahead answers may close: long enough to talk, short enough to remember.</summary>
    public const int MaxDays = 60;

    /// <summary>The shortest time to answer: an hour, so nobody is decided for in a moment.</summary>
    public static readonly TimeSpan MinOpen = TimeSpan.FromHours(1);

    /// <summary>A time poll's fewest and most candidate times.</summary>
    public const int MinOptions = 2, MaxOptions = 10;

    /// <summary>An advice process asks a few people by name: enough to hear the ones affected and the ones who know.</summary>
    public const int MaxAdvisers = 12;

    /// <param name="Advisers">An advice process's named advisers (user ids).</param>
    /// <param name="Options">A time poll's candidate times, in the proposer's zone (empty entries already left out).</param>
    public sealed record Input(string Question, string Proposal, string Background, DateTime? ClosesLocal, int? Quorum, DecisionVisibility Visibility,
        DecisionKind Kind = DecisionKind.Consent, IReadOnlyList<string>? Advisers = null, IReadOnlyList<DateTime>? Options = null);

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
        var advisers = input.Kind == DecisionKind.Advice ? input.Advisers!.Distinct().ToList() : [];
        // Advice is asked of people in the space only: nobody outside it hears of (or reads) the proposal.
        if (advisers.Any(a => a == circle.UserId || !members.Contains(a)))
        {
            return (Outcome.Refused($"Ask {circle.Members} for advice (not yourself): someone you chose is not among them.", "Advisers"), null);
        }
        var decision = new Decision
        {
            Id = Guid.NewGuid(),
            CongregationId = circle.CongregationId,
            CrewId = circle.CrewId,
            WorkingGroupId = circle.WorkingGroupId,
            Kind = input.Kind,
            ProposerUserId = circle.UserId,
            Question = input.Question.Trim(),
            Proposal = input.Proposal.Trim(),
            Background = input.Background.Trim(),
            ClosesAt = TimeZones.ToUtc(LocalDateTime.FromDateTime(input.ClosesLocal!.Value), zone),
            Quorum = input.Kind == DecisionKind.Consent ? input.Quorum : null,
            Visibility = input.Visibility,
            Version = 1,
            CreatedAt = now,
        };
        db.Decisions.Add(decision);
        db.DecisionAdvisers.AddRange(advisers.Select(a => new DecisionAdviser { DecisionId = decision.Id, UserId = a }));
        if (input.Kind == DecisionKind.TimePoll)
        {
            db.DecisionOptions.AddRange(input.Options!.Distinct().Order().Select((local, i) => new DecisionOption
            {
                Id = Guid.NewGuid(),
                DecisionId = decision.Id,
                Position = i,
                StartsAt = TimeZones.ToUtc(LocalDateTime.FromDateTime(local), zone),
            }));
        }
        var proposer = await db.Users.Where(u => u.Id == circle.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var others = members.Where(m => m != circle.UserId && !advisers.Contains(m)).ToList();
        var path = circle.PathOf(decision.Id);
        var about = DecisionNotices.OpenAbout(decision.Id);
        var proposal = UpdatesMarkdownText(decision.Proposal);
        var times = input.Kind == DecisionKind.TimePoll ? input.Options!.Distinct().Count() : 0;
        // Each person reads it in their own language; the question and the proposal are the proposer's own words.
        switch (input.Kind)
        {
            case DecisionKind.Advice:
                await notices.SendAsync(advisers, $"{circle.Topic}.decision-advice", path, () => new NoticeWords(
                    strings["Email.Decision.Advice.Subject", proposer, decision.Question],
                    [strings["Email.Decision.Advice.AsksYou", proposer, circle.Name, decision.Question], proposal, strings["Email.Decision.Advice.SayWhat", proposer]],
                    strings["Email.Decision.Advice.Action"]), cancellationToken, about);
                await notices.SendAsync(others, $"{circle.Topic}.decision-open", path, () => new NoticeWords(
                    strings["Email.Decision.Hearing.Subject", proposer, decision.Question],
                    [strings["Email.Decision.Hearing.Text", proposer, circle.Name, decision.Question], proposal, strings["Email.Decision.Hearing.Anyone"]],
                    strings["Email.Decision.Hearing.Action"]), cancellationToken, about);
                break;
            case DecisionKind.TimePoll:
                await notices.SendAsync(others, $"{circle.Topic}.decision-open", path, () => new NoticeWords(
                    strings["Email.Decision.Poll.Subject", decision.Question],
                    [strings["Email.Decision.Poll.Looking", proposer, circle.Name, decision.Question], strings.Plural("Email.Decision.Poll.Say", times)],
                    strings["Email.Decision.Poll.Action"]), cancellationToken, about);
                break;
            default:
                await notices.SendAsync(others, $"{circle.Topic}.decision-open", path, () => new NoticeWords(
                    strings["Email.Decision.Consent.Subject", proposer, circle.Name, decision.Question],
                    [strings["Email.Decision.Consent.Text", proposer, circle.Name, decision.Question], proposal, strings["Email.Decision.Consent.HowToAnswer"]],
                    strings["Email.Decision.Consent.Action"]), cancellationToken, about);
                break;
        }
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
        if (proposal.Length == 0 && input.Kind != DecisionKind.TimePoll)
        {
            problems.Add(("Proposal", input.Kind == DecisionKind.Advice ? "Write what you are thinking of deciding, so the people you ask can advise on it."
                : "Write the proposal itself: what would happen if everyone consents."));
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
        if (!Enum.IsDefined(input.Kind))
        {
            problems.Add(("Kind", "Choose how this is decided: by consent, by an advice process, or a time poll."));
        }
        else if (input.Kind == DecisionKind.Advice)
        {
            var advisers = input.Advisers?.Distinct().Count() ?? 0;
            if (advisers == 0)
            {
                problems.Add(("Advisers", "Name at least one person to ask for advice: someone affected by it, or someone who knows about it."));
            }
            else if (advisers > MaxAdvisers)
            {
                problems.Add(("Advisers", $"Ask at most {MaxAdvisers} people by name; everyone else here may still add their advice."));
            }
        }
        else if (input.Kind == DecisionKind.TimePoll)
        {
            var options = input.Options?.Distinct().ToList() ?? [];
            if (options.Count < MinOptions)
            {
                problems.Add(("Options", $"Give at least {MinOptions} different times to choose from."));
            }
            else if (options.Count > MaxOptions)
            {
                problems.Add(("Options", $"Give at most {MaxOptions} times; fewer make it easier to answer."));
            }
            else if (options.Any(o => TimeZones.ToUtc(LocalDateTime.FromDateTime(o), zone) <= nowUtc))
            {
                problems.Add(("Options", "Every time on the poll needs to be in the future."));
            }
            else if (options.Any(o => TimeZones.ToUtc(LocalDateTime.FromDateTime(o), zone) > nowUtc.AddDays(365)))
            {
                problems.Add(("Options", "Keep the times within a year from now."));
            }
        }
        return problems;
    }
}

/// <summary>The column sizes of the decision tables, as the forms check them.</summary>
public static class DecisionConfigurationLimits
{
    public const int Question = 200, Text = 8000, Note = 2000;
}
