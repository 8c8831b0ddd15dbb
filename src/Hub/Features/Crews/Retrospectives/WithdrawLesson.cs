using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>
/// Any member of the crew takes one of its lessons off the congregation's page: an offer the crew can take back. The
/// notices that asked for consent are marked done, since there is nothing left to answer.
/// </summary>
public sealed class WithdrawLesson(HubDbContext db, Notifier notifier, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CrewView view, Guid lessonId, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused(strings["Crews.Ops.LessonWithdrawMembersOnly"]);
        }
        if (await db.CrewLessons.Where(l => l.Id == lessonId && l.CrewId == view.Crew.Id).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await notifier.ResolveAsync(ShareLesson.About(lessonId), null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return Outcome.Done;
    }
}
