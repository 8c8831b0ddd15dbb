using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Introductions;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>
/// A week after an introduction, asks each person in it who has not answered yet "did you meet?". Each
/// introduction is claimed by a conditional update of <see cref="Introduction.AskedAt"/>, so two nodes ask once.
/// </summary>
public sealed class AskDidYouMeet(HubDbContext db, TimeProvider time, IOptions<IntroductionOptions> options, IntroductionNotices notices,
    IStringLocalizer<Strings> strings)
{
    /// <summary>The introductions asked about.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var before = now.AddDays(-options.Value.AskAfterDays);
        var due = await db.Introductions.AsNoTracking().Where(i => i.AskedAt == null && i.MadeAt <= before)
            .OrderBy(i => i.MadeAt).Select(i => i.Id).Take(200).ToListAsync(cancellationToken);
        var asked = 0;
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.Introductions.Where(i => i.Id == id && i.AskedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AskedAt, now), cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }
            var introduction = await db.Introductions.AsNoTracking().Where(i => i.Id == id)
                .Select(i => new
                {
                    Slug = db.Congregations.Where(c => c.Id == i.CongregationId).Select(c => c.Slug).Single(),
                    People = i.People.Select(p => new { p.UserId, p.Answer, p.User.DisplayName }).ToList(),
                }).SingleAsync(cancellationToken);
            foreach (var person in introduction.People.Where(p => p.Answer is null))
            {
                List<string> names = [.. introduction.People.Where(p => p.UserId != person.UserId).Select(p => p.DisplayName)];
                await notices.SendAsync([person.UserId], "introductions.did-you-meet", IntroductionNotices.PathOf(introduction.Slug, id), () =>
                {
                    var others = IntroductionLetters.Names(names, strings);
                    return new NoticeWords(strings["Email.Introduction.DidYouMeet.Subject", others],
                        [strings["Email.Introduction.DidYouMeet.Text", others], strings["Email.Introduction.DidYouMeet.Answer"]],
                        strings["Email.Introduction.DidYouMeet.Action"]);
                }, cancellationToken, IntroductionNotices.AskAbout(id));
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            asked++;
        }
        if (asked > 0)
        {
            notices.Wake();
        }
        return asked;
    }
}
