using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Introductions;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>One person's own answer to "did you meet?" for an introduction they were in; they may change it.</summary>
public sealed class AnswerDidYouMeet(HubDbContext db, TimeProvider time, IntroductionNotices notices, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid introductionId, IntroductionAnswer answer, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(answer))
        {
            return Outcome.Refused(strings["Introductions.Refused.ChooseAnswer"], "Answer");
        }
        var mine = await db.IntroductionPeople
            .SingleOrDefaultAsync(p => p.IntroductionId == introductionId && p.UserId == view.UserId
                && p.Introduction.CongregationId == view.Congregation.Id, cancellationToken);
        if (mine is null)
        {
            return Outcome.Refused(strings["Introductions.Refused.NotYours"]);
        }
        mine.Answer = answer;
        mine.AnsweredAt = time.GetUtcNow().UtcDateTime;
        await notices.ResolveAsync(IntroductionNotices.AskAbout(introductionId), view.UserId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
