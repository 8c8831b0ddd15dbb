using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Introductions;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>Where one takes part in introductions and what one shares there, and one's introductions with one's own answers.</summary>
[PersonalDataOf(typeof(IntroductionMember), typeof(IntroductionPerson))]
internal sealed class IntroductionsPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Introductions";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var places = await db.IntroductionMembers.CountAsync(m => m.UserId == user.Id, cancellationToken);
        var introductions = await db.IntroductionPeople.CountAsync(p => p.UserId == user.Id, cancellationToken);
        return [$"Introductions in {places} congregation(s), with the line you share, and your place in {introductions} introduction(s) with your answers."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        TakingPart = await db.IntroductionMembers.Where(m => m.UserId == user.Id).OrderBy(m => m.JoinedAt)
            .Select(m => new
            {
                Congregation = db.Congregations.Where(c => c.Id == m.CongregationId).Select(c => c.Name).Single(),
                m.EveryWeeks,
                m.Share,
                m.Paused,
                m.JoinedAt,
                m.LastIntroducedAt,
            }).ToListAsync(cancellationToken),
        // Whom one was introduced to is one's own memory; what they answered is theirs, so it is not here.
        Introductions = await db.IntroductionPeople.Where(p => p.UserId == user.Id).OrderBy(p => p.Introduction.MadeAt)
            .Select(p => new
            {
                Congregation = db.Congregations.Where(c => c.Id == p.Introduction.CongregationId).Select(c => c.Name).Single(),
                p.Introduction.MadeAt,
                With = p.Introduction.People.Where(o => o.UserId != user.Id).Select(o => o.User.DisplayName).ToList(),
                YouShared = p.Share,
                Answer = p.Answer.HasValue ? p.Answer.Value.ToString() : null,
                p.AnsweredAt,
            }).ToListAsync(cancellationToken),
    };

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        await db.IntroductionPeople.Where(p => p.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.IntroductionMembers.Where(m => m.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
    }
}
