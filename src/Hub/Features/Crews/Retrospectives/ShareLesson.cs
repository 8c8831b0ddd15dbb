using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>
/// A second choice, apart from sharing with the crew: offering something the crew learned to its congregation. The one
/// who offers it consents by offering; it reaches the lessons page when every member has consented (<see cref="AnswerLesson"/>,
/// <see cref="CrewLessonSharing"/>), without the crew's name unless the crew signs it; any member takes it back (<see cref="WithdrawLesson"/>).
/// </summary>
public sealed class ShareLesson(HubDbContext db, TimeProvider time)
{
    public const int MaxLength = 2000;

    public async Task<Outcome> RunAsync(CrewView view, string text, bool signed, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused("Only members of the crew offer its lessons.");
        }
        if (view.Crew.CongregationId is not { } congregationId)
        {
            return Outcome.Refused("This crew stands on its own, so there is no congregation to offer a lesson to.");
        }
        if (LookBack.Open(view) is not { } lookBack)
        {
            return Outcome.Refused("Lessons are offered from a retrospective; the next one opens with the term's last meeting.");
        }
        text = (text ?? "").Trim();
        if (text == "")
        {
            return Outcome.Refused("Write what the crew learned that others might use.", "Lesson");
        }
        if (text.Length > MaxLength)
        {
            return Outcome.Refused($"A lesson is a short paragraph: at most {MaxLength} characters ({text.Length} now).", "Lesson");
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
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
