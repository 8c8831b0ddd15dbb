using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Newsletter;

/// <summary>
/// Files an issue in the archive and queues one delivery per recipient, all in one transaction
/// with its announcement; <see cref="NewsletterSender"/> then works through the queue at its pace.
/// </summary>
public sealed class SendNewsletterIssue(
    HubDbContext db, UpdatesAccess access, PublicAddress links, IEnumerable<IAnnouncementSink> sinks,
    NewsletterSignal signal, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public sealed record Input(string Subject, string Markdown, NewsletterSegment Segment, Guid? CongregationId);

    public async Task<Outcome> CheckAsync(ClaimsPrincipal user, Input input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Subject))
        {
            return Outcome.Refused(strings["Updates.Refused.NoSubject"], "Subject");
        }
        if (input.Subject.Trim().Length > 200)
        {
            return Outcome.Refused(strings["Updates.Refused.LongSubject"], "Subject");
        }
        if (string.IsNullOrWhiteSpace(input.Markdown))
        {
            return Outcome.Refused(strings["Updates.Refused.NoText"], "Markdown");
        }
        if (input.Markdown.Length > 100_000)
        {
            return Outcome.Refused(strings["Updates.Refused.LongText", 100_000.ToString("N0", DateFormats.Culture)], "Markdown");
        }
        if (input.Segment == NewsletterSegment.Congregation)
        {
            if (input.CongregationId is null)
            {
                return Outcome.Refused(strings["Updates.Refused.ChooseCongregation"], "CongregationId");
            }
            var hosted = await access.HostedAsync(user, cancellationToken);
            if (!UpdatesAccess.IsAdmin(user) && hosted.All(h => h.Id != input.CongregationId))
            {
                return Outcome.Refused(strings["Updates.Refused.NotYourCongregation"], "CongregationId");
            }
            if (!await db.Congregations.AnyAsync(c => c.Id == input.CongregationId, cancellationToken))
            {
                return Outcome.Refused(strings["Updates.Refused.CongregationGone"], "CongregationId");
            }
        }
        else if (!UpdatesAccess.IsAdmin(user))
        {
            return Outcome.Refused(strings["Updates.Refused.WholeList"], "Segment");
        }
        return Outcome.Done;
    }

    public Task<int> CountRecipientsAsync(Input input, CancellationToken cancellationToken) =>
        NewsletterAudience.Of(db, input.Segment, input.CongregationId).CountAsync(cancellationToken);

    public async Task<(Outcome Outcome, Guid IssueId)> RunAsync(ClaimsPrincipal user, Input input, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(user, input, cancellationToken);
        if (!check.Succeeded)
        {
            return (check, Guid.Empty);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var issue = new NewsletterIssue
        {
            Id = Guid.NewGuid(),
            Subject = input.Subject.Trim(),
            Markdown = input.Markdown,
            Html = UpdatesMarkdown.ToHtml(input.Markdown),
            Segment = input.Segment,
            CongregationId = input.Segment == NewsletterSegment.Congregation ? input.CongregationId : null,
            SentByUserId = UpdatesAccess.UserId(user)!,
            SentAt = now,
            BaseUrl = links.Base,
        };
        var recipients = await NewsletterAudience.Of(db, input.Segment, issue.CongregationId)
            .Select(s => s.Id).ToListAsync(cancellationToken);
        issue.Recipients = recipients.Count;
        db.NewsletterIssues.Add(issue);
        db.NewsletterDeliveries.AddRange(recipients.Select(id => new NewsletterDelivery
        {
            Id = Guid.NewGuid(),
            IssueId = issue.Id,
            SubscriberId = id,
            NextAttemptAt = now,
        }));
        var announcement = new Announcement(Announcement.Newsletter, issue.Subject, links.Absolute($"/newsletter/{issue.Id}"),
            Summary(input.Markdown), now);
        foreach (var sink in sinks)
        {
            await sink.AnnounceAsync(announcement, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return (Outcome.Done, issue.Id);
    }

    /// <summary>The first words, for chat messages and feed summaries.</summary>
    public static string Summary(string markdown)
    {
        var text = UpdatesMarkdown.ToText(markdown).ReplaceLineEndings(" ");
        return text.Length <= 280 ? text : text[..277].TrimEnd() + "…";
    }
}
