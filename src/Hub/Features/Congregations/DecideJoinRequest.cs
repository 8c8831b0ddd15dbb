using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>A host says yes or no to a request; the person hears either way.</summary>
public sealed class DecideJoinRequest(HubDbContext db, TimeProvider time, Notifier notifier, CongregationEmails emails, IStringLocalizer<Strings> strings)
{
    /// <summary>What the hosts' notices of a request are about: one host's answer marks every host's notice done.</summary>
    public static string About(Guid requestId) => $"join-request:{requestId}";

    public async Task<Outcome> RunAsync(CongregationView view, Guid requestId, bool accept, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Congregations.Refused.RequestsOnlyHosts"]);
        }
        var request = await db.JoinRequests.Include(r => r.User)
            .SingleOrDefaultAsync(r => r.Id == requestId && r.CongregationId == view.Congregation.Id, cancellationToken);
        if (request is null || request.Status != JoinRequestStatus.Pending)
        {
            return Outcome.Refused(strings["Congregations.Refused.RequestAnswered"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        request.Status = accept ? JoinRequestStatus.Accepted : JoinRequestStatus.Declined;
        request.DecidedAt = now;
        request.DecidedByUserId = view.UserId;
        await db.SaveChangesAsync(cancellationToken);
        if (accept)
        {
            await JoinCongregation.AddMemberAsync(db, view.Congregation.Id, request.UserId, now, cancellationToken);
        }
        using (RecipientLanguage.Of(request.User.Language))
        {
            await notifier.NotifyAsync(new Notice(request.UserId, "congregation.request-decided", emails.RequestDecidedTitle(view.Congregation, accept), $"/congregations/{view.Congregation.Slug}",
                emails.RequestDecided(view.Congregation, request.User.Email!, request.User.DisplayName, accept)), cancellationToken);
        }
        await notifier.ResolveAsync(About(request.Id), null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }
}
