using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// A member calls a crew in their congregation: "a crew about this, in this zone, at this hour (or we'll find
/// one): who wants in?". The other members hear of it through their notices (at once, in the digest, or
/// only in the hub, as each chose for their congregations).
/// </summary>
public sealed class PostCall(HubDbContext db, TimeProvider time, CallNotices notices, IStringLocalizer<Strings> strings)
{
    /// <summary>A member may keep a few calls open in one congregation at once, not more.</summary>
    public const int MaxOpenPerCaller = 3;

    public sealed record Input(string Name, string Purpose, CrewCallKind Kind, string TimeZone, bool FindATime, DayOfWeek? UsualDay,
        TimeOnly? UsualTime, int Size, DateOnly? EndsOn);

    public async Task<(Outcome Outcome, Guid? Id)> RunAsync(CongregationView view, Input input, CancellationToken cancellationToken = default)
    {
        if (!view.IsMember || view.UserId is null)
        {
            return (Outcome.Refused(strings["Crews.Calls.OnlyMembersPost", view.Congregation.Name]), null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (Outcome.RefusedAll(Problems(input, now, strings)) is { } refused)
        {
            return (refused, null);
        }
        var open = await db.CrewCalls.CountAsync(c => c.CongregationId == view.Congregation.Id && c.CallerUserId == view.UserId
            && c.State == CrewCallState.Open && c.ClosesAt > now, cancellationToken);
        if (open >= MaxOpenPerCaller)
        {
            return (Outcome.Refused(strings["Crews.Calls.TooManyOpen", open]), null);
        }
        var zone = CrewSchedule.FindZone(input.TimeZone)!;
        var call = new CrewCall
        {
            Id = Guid.NewGuid(),
            CongregationId = view.Congregation.Id,
            CallerUserId = view.UserId,
            Name = input.Name.Trim(),
            Purpose = input.Purpose.Trim(),
            Kind = input.Kind,
            TimeZone = zone.Id,
            UsualDay = input.FindATime ? null : input.UsualDay,
            UsualTime = input.FindATime ? null : input.UsualTime,
            Size = input.Size,
            EndsOn = input.EndsOn!.Value,
            ClosesAt = CallTimes.ClosesAt(input.EndsOn.Value, zone),
            State = CrewCallState.Open,
            CreatedAt = now,
        };
        db.CrewCalls.Add(call);
        var caller = await db.Users.Where(u => u.Id == view.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var members = await db.Memberships.Where(m => m.CongregationId == view.Congregation.Id && m.UserId != view.UserId)
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        await notices.PostedAsync(members, view.Congregation.Slug, view.Congregation.Name, call, caller, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notices.Wake();
        return (Outcome.Done, call.Id);
    }

    /// <summary>The checks that need no database, so a page can show them beside its own in one go.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(Input input, DateTime nowUtc, IStringLocalizer strings)
    {
        List<(string, string)> problems = [];
        var name = input.Name.Trim();
        if (name.Length is 0 or > 120)
        {
            problems.Add(("Name", strings["Crews.Calls.NameRequired"]));
        }
        var purpose = input.Purpose.Trim();
        if (purpose.Length == 0)
        {
            problems.Add(("Purpose", strings["Crews.Calls.PurposeRequired"]));
        }
        else if (purpose.Length > 2000)
        {
            problems.Add(("Purpose", strings["Crews.Calls.PurposeLength"]));
        }
        if (!Enum.IsDefined(input.Kind))
        {
            problems.Add(("Kind", strings["Crews.Calls.KindRequired"]));
        }
        var zone = CrewSchedule.FindZone(input.TimeZone);
        if (zone is null)
        {
            problems.Add(("TimeZone", Platform.Web.TimeZones.Refusal(strings, input.TimeZone)));
        }
        if (!input.FindATime && (input.UsualDay is null || input.UsualTime is null))
        {
            problems.Add(("UsualTime", strings["Crews.Calls.HourRequired"]));
        }
        if (input.Size is < CrewsFeature.MinSize or > CrewsFeature.MaxSize)
        {
            problems.Add(("Size", strings["Crews.Calls.SizeRange", CrewsFeature.MinSize, CrewsFeature.MaxSize]));
        }
        if (input.EndsOn is not { } end)
        {
            problems.Add(("EndsOn", strings["Crews.Calls.EndsOnRequired"]));
        }
        else if (zone is not null)
        {
            var today = CallTimes.Today(zone, nowUtc);
            if (end < today)
            {
                problems.Add(("EndsOn", strings["Crews.Calls.EndsOnPast"]));
            }
            else if (end > today.AddDays(CallTimes.MaxWeeks * 7))
            {
                problems.Add(("EndsOn", strings["Crews.Calls.EndsOnFar", CallTimes.MaxWeeks]));
            }
        }
        return problems;
    }
}
