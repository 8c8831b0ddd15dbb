using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Introductions;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>A member opts into introductions in a congregation, or changes how often and what they share.</summary>
public sealed class JoinIntroductions(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public const int ShareLength = 200;

    public static readonly IReadOnlyList<int> Cadences = [2, 4];

    public static IReadOnlyList<(string Field, string Message)> Problems(int everyWeeks, string share, IStringLocalizer strings)
    {
        List<(string, string)> problems = [];
        if (!Cadences.Contains(everyWeeks))
        {
            problems.Add(("EveryWeeks", strings["Introductions.Refused.Cadence"]));
        }
        if (share.Trim().Length > ShareLength)
        {
            problems.Add(("Share", strings["Introductions.Refused.ShareLength", ShareLength, share.Trim().Length]));
        }
        return problems;
    }

    /// <summary>Opts in, or saves new choices; true when this opted the person in.</summary>
    public async Task<(Outcome Outcome, bool Joined)> RunAsync(CongregationView view, int everyWeeks, string share, CancellationToken cancellationToken = default)
    {
        if (!view.IsMember || view.UserId is null)
        {
            return (Outcome.Refused(strings["Introductions.Refused.MembersOnly", view.Congregation.Name]), false);
        }
        if (Outcome.RefusedAll(Problems(everyWeeks, share, strings)) is { } refused)
        {
            return (refused, false);
        }
        var row = await db.IntroductionMembers.SingleOrDefaultAsync(m => m.CongregationId == view.Congregation.Id && m.UserId == view.UserId, cancellationToken);
        var joined = row is null;
        if (row is null)
        {
            row = new IntroductionMember
            {
                Id = Guid.NewGuid(),
                CongregationId = view.Congregation.Id,
                UserId = view.UserId,
                JoinedAt = time.GetUtcNow().UtcDateTime,
            };
            db.IntroductionMembers.Add(row);
        }
        row.EveryWeeks = everyWeeks;
        row.Share = share.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, joined);
    }
}
