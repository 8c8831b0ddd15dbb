using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>Asking to join, in one's own words; every host hears of it.</summary>
public sealed class RequestToJoin(HubDbContext db, TimeProvider time, Notifier notifier, CongregationEmails emails, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, string answers, CancellationToken cancellationToken = default)
    {
        if (view.UserId is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.SignInToAsk"]);
        }
        if (view.IsMember)
        {
            return Outcome.Refused(strings["Congregations.Refused.MemberAlready"]);
        }
        if (view.Congregation.Policy != MembershipPolicy.Request)
        {
            return Outcome.Refused(strings["Congregations.Refused.NoRequests"]);
        }
        if (!string.IsNullOrWhiteSpace(view.Congregation.JoinQuestions) && string.IsNullOrWhiteSpace(answers))
        {
            return Outcome.Refused(strings["Congregations.Refused.AnswerQuestions"], "Answers");
        }
        var pending = await db.JoinRequests.AnyAsync(r => r.CongregationId == view.Congregation.Id && r.UserId == view.UserId
            && r.Status == JoinRequestStatus.Pending, cancellationToken);
        if (pending)
        {
            return Outcome.Refused(strings["Congregations.Refused.RequestWaiting"]);
        }
        var request = new JoinRequest
        {
            Id = Guid.NewGuid(),
            CongregationId = view.Congregation.Id,
            UserId = view.UserId,
            Answers = answers.Trim(),
            Status = JoinRequestStatus.Pending,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.JoinRequests.Add(request);
        var requester = await db.Users.Where(u => u.Id == view.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var hosts = await db.Memberships.Where(m => m.CongregationId == view.Congregation.Id && m.IsHost)
            .Select(m => new { m.UserId, m.User.Email, m.User.DisplayName, m.User.Language }).ToListAsync(cancellationToken);
        var notices = new List<Notice>();
        foreach (var host in hosts)
        {
            using var language = RecipientLanguage.Of(host.Language);
            notices.Add(new Notice(host.UserId, "congregation.join-request", emails.RequestReceivedTitle(view.Congregation, requester), $"/congregations/{view.Congregation.Slug}/host",
            emails.RequestReceived(view.Congregation, host.Email!, host.DisplayName, requester))
            { About = DecideJoinRequest.About(request.Id) });
        }
        await notifier.NotifyManyAsync(notices, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }
}
