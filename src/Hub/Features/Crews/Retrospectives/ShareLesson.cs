using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>
/// A second choice, apart from sharing with the crew: offering something the crew learned to its congregation. The one
/// who offers it consents by offering; it reaches the lessons page when every member has consented (<see cref="AnswerLesson"/>,
/// <see cref="CrewLessonSharing"/>), without the crew's name unless the crew signs it; any member takes it back (<see cref="WithdrawLesson"/>).
/// The others are asked by a notice (and email, as each chose), since the lesson waits for every one of them.
/// </summary>
public sealed class ShareLesson(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, PublicAddress address,
    IStringLocalizer<Strings> strings)
{
    public const int MaxLength = 2000;

    public async Task<Outcome> RunAsync(CrewView view, string text, bool signed, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused(strings["Crews.Ops.LessonOfferMembersOnly"]);
        }
        if (view.Crew.CongregationId is not { } congregationId)
        {
            return Outcome.Refused(strings["Crews.Ops.LessonNoCongregation"]);
        }
        if (LookBack.Open(view) is not { } lookBack)
        {
            return Outcome.Refused(strings["Crews.Ops.LessonNotOpen"]);
        }
        text = (text ?? "").Trim();
        if (text == "")
        {
            return Outcome.Refused(strings["Crews.Ops.LessonEmpty"], "Lesson");
        }
        if (text.Length > MaxLength)
        {
            return Outcome.Refused(strings["Crews.Ops.LessonLength", MaxLength, text.Length], "Lesson");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var id = Guid.NewGuid();
        db.CrewLessons.Add(new CrewLesson
        {
            Id = id,
            CongregationId = congregationId,
            CrewId = view.Crew.Id,
            Term = lookBack.Term,
            Text = text,
            Signed = signed,
            SharedByUserId = view.Me.UserId,
            SharedAt = now,
            Answers = [new CrewLessonAnswer { Id = Guid.NewGuid(), LessonId = id, UserId = view.Me.UserId, Consents = true, AnsweredAt = now }],
        });
        var congregation = await db.Congregations.AsNoTracking().Where(c => c.Id == congregationId).Select(c => c.Name).SingleAsync(cancellationToken);
        var url = $"/crews/{view.Crew.Id}/retrospective#lessons";
        var asked = view.Joined.Where(m => m.UserId != view.Me.UserId && CrewLessonSharing.Asks(m, now)).ToList();
        var notices = new List<Notice>(asked.Count);
        foreach (var m in asked)
        {
            // The lesson stays in the words it was written in; what is asked around it is in each member's language.
            using var language = RecipientLanguage.Of(m.User.Language);
            string title = strings["Email.Lesson.Subject", view.Crew.Name, congregation];
            notices.Add(new Notice(m.UserId, "crew.lesson", title, url,
                templates.Compose(m.User.Email!, m.User.DisplayName, title,
                [
                    strings["Email.Lesson.Offer", view.Me.User.DisplayName, congregation],
                    $"“{text}”",
                    signed ? strings["Email.Lesson.Signed", view.Crew.Name] : strings["Email.Lesson.Unsigned"],
                    strings["Email.Lesson.EveryMember"],
                ],
                (strings["Email.Lesson.Action"], address.Absolute(url)),
                strings["Email.Crew.NewsFooter"]))
            { About = About(id) });
        }
        await notifier.NotifyManyAsync(notices, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }

    /// <summary>What a member's notice about the lesson is about, so answering it (or its withdrawal) marks it done.</summary>
    public static string About(Guid lessonId) => $"crew-lesson:{lessonId}";
}
