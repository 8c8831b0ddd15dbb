using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>
/// A member answers a lesson the crew might offer its congregation: consent, or keep it in the crew. It is shared when
/// every member it asks has consented (<see cref="CrewLessonSharing"/>); one "not this one" keeps it private. Answering
/// again replaces the answer, so a member can change their mind while the lesson stands.
/// </summary>
public sealed class AnswerLesson(HubDbContext db, TimeProvider time, Notifier notifier, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CrewView view, Guid lessonId, bool consents, CancellationToken cancellationToken = default)
    {
        var lesson = await db.CrewLessons.AsNoTracking().Where(l => l.Id == lessonId && l.CrewId == view.Crew.Id)
            .Select(l => new { l.SharedAt }).SingleOrDefaultAsync(cancellationToken);
        if (lesson is null)
        {
            return Outcome.Refused(strings["Crews.Ops.LessonGone"]);
        }
        if (!CrewLessonSharing.Asks(view.Me, lesson.SharedAt))
        {
            return Outcome.Refused(view.IsJoined
                ? strings["Crews.Ops.LessonBeforeYou"]
                : strings["Crews.Ops.LessonMembersOnly"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await db.CrewLessonAnswers.Where(a => a.LessonId == lessonId && a.UserId == view.Me.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Consents, consents).SetProperty(a => a.AnsweredAt, now), cancellationToken);
        if (changed == 0)
        {
            db.CrewLessonAnswers.Add(new CrewLessonAnswer { Id = Guid.NewGuid(), LessonId = lessonId, UserId = view.Me.UserId, Consents = consents, AnsweredAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same member answered twice at once: the other answer is in; this one replaces it.
                db.ChangeTracker.Clear();
                await db.CrewLessonAnswers.Where(a => a.LessonId == lessonId && a.UserId == view.Me.UserId)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Consents, consents).SetProperty(a => a.AnsweredAt, now), cancellationToken);
            }
        }
        await notifier.ResolveAsync(ShareLesson.About(lessonId), view.Me.UserId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
