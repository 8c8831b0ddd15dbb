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
            return (Outcome.Refused(strings["Decisions.Refused.OnlyMembersPropose", circle.MembersIn(strings)]), null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var members = await circle.MemberIdsAsync(db, cancellationToken);
        if (Outcome.RefusedAll(Problems(input, zone, now, members.Count, strings)) is { } refused)
        {
            return (refused, null);
        }
        var advisers = input.Kind == DecisionKind.Advice ? input.Advisers!.Distinct().ToList() : [];
        // Advice is asked of people in the space only: nobody outside it hears of (or reads) the proposal.
        if (advisers.Any(a => a == circle.UserId || !members.Contains(a)))
        {
            return (Outcome.Refused(strings["Decisions.Refused.AdvisersOutside", circle.MembersIn(strings)], "Advisers"), null);
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
    public static IReadOnlyList<(string Field, string Message)> Problems(Input input, DateTimeZone zone, DateTime nowUtc, int members,
        IStringLocalizer<Strings> strings)
    {
        List<(string, string)> problems = [];
        var question = input.Question.Trim();
        if (question.Length == 0)
        {
            problems.Add(("Question", strings["Decisions.Problem.QuestionEmpty"].Value));
        }
        else if (question.Length > DecisionConfigurationLimits.Question)
        {
            problems.Add(("Question", strings["Decisions.Problem.QuestionLong", N(DecisionConfigurationLimits.Question)].Value));
        }
        var proposal = input.Proposal.Trim();
        if (proposal.Length == 0 && input.Kind != DecisionKind.TimePoll)
        {
            problems.Add(("Proposal", strings[input.Kind == DecisionKind.Advice ? "Decisions.Problem.ProposalEmptyAdvice" : "Decisions.Problem.ProposalEmpty"].Value));
        }
        else if (proposal.Length > DecisionConfigurationLimits.Text)
        {
            problems.Add(("Proposal", strings["Decisions.Problem.ProposalLong", N(DecisionConfigurationLimits.Text)].Value));
        }
        if (input.Background.Trim().Length > DecisionConfigurationLimits.Text)
        {
            problems.Add(("Background", strings["Decisions.Problem.BackgroundLong", N(DecisionConfigurationLimits.Text)].Value));
        }
        if (input.ClosesLocal is not { } local)
        {
            problems.Add(("Closes", strings["Decisions.Problem.ClosesEmpty"].Value));
        }
        else
        {
            var closes = TimeZones.ToUtc(LocalDateTime.FromDateTime(local), zone);
            if (closes < nowUtc + MinOpen)
            {
                problems.Add(("Closes", strings["Decisions.Problem.ClosesSoon"].Value));
            }
            else if (closes > nowUtc.AddDays(MaxDays))
            {
                problems.Add(("Closes", strings["Decisions.Problem.ClosesFar", MaxDays].Value));
            }
        }
        if (input.Quorum is { } quorum && (quorum < 1 || quorum > Math.Max(members, 1)))
        {
            problems.Add(("Quorum", strings["Decisions.Problem.Quorum", N(Math.Max(members, 1))].Value));
        }
        if (!Enum.IsDefined(input.Visibility))
        {
            problems.Add(("Visibility", strings["Decisions.Problem.Visibility"].Value));
        }
        if (!Enum.IsDefined(input.Kind))
        {
            problems.Add(("Kind", strings["Decisions.Problem.Kind"].Value));
        }
        else if (input.Kind == DecisionKind.Advice)
        {
            var advisers = input.Advisers?.Distinct().Count() ?? 0;
            if (advisers == 0)
            {
                problems.Add(("Advisers", strings["Decisions.Problem.AdvisersNone"].Value));
            }
            else if (advisers > MaxAdvisers)
            {
                problems.Add(("Advisers", strings["Decisions.Problem.AdvisersMany", MaxAdvisers].Value));
            }
        }
        else if (input.Kind == DecisionKind.TimePoll)
        {
            var options = input.Options?.Distinct().ToList() ?? [];
            if (options.Count < MinOptions)
            {
                problems.Add(("Options", strings["Decisions.Problem.OptionsFew", MinOptions].Value));
            }
            else if (options.Count > MaxOptions)
            {
                problems.Add(("Options", strings["Decisions.Problem.OptionsMany", MaxOptions].Value));
            }
            else if (options.Any(o => TimeZones.ToUtc(LocalDateTime.FromDateTime(o), zone) <= nowUtc))
            {
                problems.Add(("Options", strings["Decisions.Problem.OptionsPast"].Value));
            }
            else if (options.Any(o => TimeZones.ToUtc(LocalDateTime.FromDateTime(o), zone) > nowUtc.AddDays(365)))
            {
                problems.Add(("Options", strings["Decisions.Problem.OptionsFar"].Value));
            }
        }
        return problems;
    }

    /// <summary>A number for a sentence, in the reader's language.</summary>
    private static string N(int value) => value.ToString("N0", DateFormats.Culture);
}

/// <summary>The column sizes of the decision tables, as the forms check them.</summary>
public static class DecisionConfigurationLimits
{
    public const int Question = 200, Text = 8000, Note = 2000;
}
