using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsolidarity.Grouping;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Introductions;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>
/// Makes every round that is due: in each congregation with at least two people opted in and not on pause,
/// every <see cref="IntroductionOptions.RoundDays"/> days (the first a few days after the first opt-in). The
/// pairs come from the pair rotation (<see cref="IntroducePairs"/>) over everyone's past introductions there,
/// preferring shared free hours; each person gets a letter.
/// </summary>
public sealed class MakeIntroductions(HubDbContext db, TimeProvider time, IOptions<IntroductionOptions> options, IOptions<FormationOptions> search,
    IntroductionLetters letters, Notifier notifier)
{
    /// <summary>The rounds made.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var waiting = await db.IntroductionMembers.AsNoTracking().Where(m => !m.Paused)
            .GroupBy(m => m.CongregationId)
            .Where(g => g.Count() >= 2)
            .Select(g => new { CongregationId = g.Key, FirstJoined = g.Min(m => m.JoinedAt) })
            .ToListAsync(cancellationToken);
        var ids = waiting.Select(w => w.CongregationId).ToList();
        var last = await db.IntroductionRounds.AsNoTracking().Where(r => ids.Contains(r.CongregationId))
            .GroupBy(r => r.CongregationId)
            .Select(g => new { CongregationId = g.Key, MadeAt = g.Max(r => r.MadeAt), Number = g.Max(r => r.Number) })
            .ToDictionaryAsync(r => r.CongregationId, cancellationToken);
        var made = 0;
        foreach (var congregation in waiting)
        {
            var previous = last.GetValueOrDefault(congregation.CongregationId);
            var due = previous is null
                ? congregation.FirstJoined <= now.AddDays(-settings.FirstRoundDays)
                : previous.MadeAt <= now.AddDays(-settings.RoundDays);
            if (due && await RoundAsync(congregation.CongregationId, (previous?.Number ?? 0) + 1, now, cancellationToken))
            {
                made++;
            }
        }
        return made;
    }

    /// <summary>The next round of one congregation, whatever the time; false when fewer than two are due or another node took them.</summary>
    public async Task<bool> RoundAsync(Guid congregationId, int number, DateTime now, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        // Every four weeks means every other round: anyone introduced in the last round but not this one waits.
        var fourWeeksDue = now.AddDays(-(settings.RoundDays + settings.RoundDays / 2));
        var members = await db.IntroductionMembers.AsNoTracking()
            .Where(m => m.CongregationId == congregationId && !m.Paused
                && db.Memberships.Any(x => x.CongregationId == congregationId && x.UserId == m.UserId)
                && (m.EveryWeeks <= 2 || m.LastIntroducedAt == null || m.LastIntroducedAt <= fourWeeksDue))
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.UserId, m.Share })
            .ToListAsync(cancellationToken);
        if (members.Count < 2)
        {
            return false;
        }
        var congregation = await db.Congregations.AsNoTracking().Where(c => c.Id == congregationId)
            .Select(c => new { c.Name, c.Slug }).SingleAsync(cancellationToken);
        var userIds = members.Select(m => m.UserId).ToList();
        var index = userIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var met = await db.IntroductionPeople.AsNoTracking()
            .Where(p => p.Introduction.CongregationId == congregationId && userIds.Contains(p.UserId))
            .Select(p => new { p.IntroductionId, p.UserId })
            .ToListAsync(cancellationToken);
        var history = met.GroupBy(p => p.IntroductionId)
            .SelectMany(g => IntroducePairs.PairsOf([.. g.Select(p => index[p.UserId]).Distinct()]))
            .ToList();
        var hours = await FreeHours.LoadAsync(db, userIds, now, cancellationToken);
        var round = IntroducePairs.Run(new IntroductionRequest(members.Count)
        {
            History = history,
            SharedHours = (a, b) => hours.Shared(userIds[a], userIds[b]),
        }, search.Value.Search(number), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The claim: everyone in this round, unless another node introduced them a moment ago.
        var memberIds = members.Select(m => m.Id).ToList();
        var recently = now.AddDays(-1);
        var claimed = await db.IntroductionMembers
            .Where(m => memberIds.Contains(m.Id) && (m.LastIntroducedAt == null || m.LastIntroducedAt < recently))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastIntroducedAt, now), cancellationToken);
        if (claimed != members.Count)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        var row = new IntroductionRound { Id = Guid.NewGuid(), CongregationId = congregationId, Number = number, MadeAt = now };
        var groups = new List<IntroductionLetters.Group>();
        foreach (var (group, i) in round.Groups.Select((g, i) => (g, i)))
        {
            var people = group.Select(p => members[p]).ToList();
            var (first, second) = hours.Suggest([.. people.Select(p => p.UserId)]);
            var introduction = new Introduction
            {
                Id = Guid.NewGuid(),
                CongregationId = congregationId,
                MadeAt = now,
                FirstTime = first,
                SecondTime = second,
                Question = (number * 3 + i) % StarterQuestions.All.Count,
                People = [.. people.Select(p => new IntroductionPerson { Id = Guid.NewGuid(), UserId = p.UserId, Share = p.Share })],
            };
            row.Introductions.Add(introduction);
            groups.Add(new(introduction.Id, [.. people.Select(p => new IntroductionLetters.Person(p.UserId, p.Share))], first, second, introduction.Question));
        }
        db.IntroductionRounds.Add(row);
        await letters.SendAsync(congregation.Name, congregation.Slug, groups, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Wake();
        return true;
    }
}
