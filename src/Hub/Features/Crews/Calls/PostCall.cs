using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// A member calls a crew in their congregation: "a crew about this, in this zone, at this hour (or we'll find
/// one): who wants in?". The other members hear of it through their notices (at once, in the digest, or
/// only in the hub, as each chose for their congregations).
/// </summary>
public sealed class PostCall(HubDbContext db, TimeProvider time, CallNotices notices)
{
    /// <summary>A member may keep a few calls open in one congregation at once, not more.</summary>
    public const int MaxOpenPerCaller = 3;

    public sealed record Input(string Name, string Purpose, CrewCallKind Kind, string TimeZone, bool FindATime, DayOfWeek? UsualDay,
        TimeOnly? UsualTime, int Size, DateOnly? EndsOn);

    public async Task<(Outcome Outcome, Guid? Id)> RunAsync(CongregationView view, Input input, CancellationToken cancellationToken = default)
    {
        if (!view.IsMember || view.UserId is null)
        {
            return (Outcome.Refused($"Only members of {view.Congregation.Name} post calls here."), null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (Outcome.RefusedAll(Problems(input, now)) is { } refused)
        {
            return (refused, null);
        }
        var open = await db.CrewCalls.CountAsync(c => c.CongregationId == view.Congregation.Id && c.CallerUserId == view.UserId
            && c.State == CrewCallState.Open && c.ClosesAt > now, cancellationToken);
        if (open >= MaxOpenPerCaller)
        {
            return (Outcome.Refused($"You have {open} calls open here already. Start or close one of them before calling another."), null);
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
        var when = call.UsualDay is { } day && call.UsualTime is { } at
            ? $"It would meet on {day}s at {at:HH\\:mm} ({call.TimeZone})."
            : $"The hour is open: the crew would find a time together (its zone is {call.TimeZone}).";
        await notices.SendAsync(members, "congregation.crew-call", $"{caller} is calling a crew in {view.Congregation.Name}: {call.Name}",
            CallNotices.PathOf(view.Congregation.Slug, call.Id),
            [
                $"{caller} is calling a crew of {call.Size}, “{call.Name}”: {KindInEnglish(call.Kind)}.",
                call.Purpose,
                when,
                $"If it speaks to you, ask to join with a line or two before {call.EndsOn:d MMMM}. {caller} answers each request.",
            ], "See the call", cancellationToken, CallNotices.CallAbout(call.Id));
        await db.SaveChangesAsync(cancellationToken);
        notices.Wake();
        return (Outcome.Done, call.Id);
    }

    /// <summary>The checks that need no database, so a page can show them beside its own in one go.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(Input input, DateTime nowUtc)
    {
        List<(string, string)> problems = [];
        var name = input.Name.Trim();
        if (name.Length is 0 or > 120)
        {
            problems.Add(("Name", "Give the crew a name of up to 120 characters."));
        }
        var purpose = input.Purpose.Trim();
        if (purpose.Length == 0)
        {
            problems.Add(("Purpose", "Say what the crew is for: people decide from this whether to ask."));
        }
        else if (purpose.Length > 2000)
        {
            problems.Add(("Purpose", "Keep the purpose under 2,000 characters."));
        }
        if (!Enum.IsDefined(input.Kind))
        {
            problems.Add(("Kind", "Choose the kind of crew."));
        }
        var zone = CrewSchedule.FindZone(input.TimeZone);
        if (zone is null)
        {
            problems.Add(("TimeZone", Platform.Web.TimeZones.Refusal(input.TimeZone)));
        }
        if (!input.FindATime && (input.UsualDay is null || input.UsualTime is null))
        {
            problems.Add(("UsualTime", "Choose a day and an hour, or tick “We'll find a time together”."));
        }
        if (input.Size is < CrewsFeature.MinSize or > CrewsFeature.MaxSize)
        {
            problems.Add(("Size", $"A crew is {CrewsFeature.MinSize} to {CrewsFeature.MaxSize} people, you included: small enough for one conversation."));
        }
        if (input.EndsOn is not { } end)
        {
            problems.Add(("EndsOn", "Choose the last day people can ask to join; two or three weeks is usual."));
        }
        else if (zone is not null)
        {
            var today = CallTimes.Today(zone, nowUtc);
            if (end < today)
            {
                problems.Add(("EndsOn", "The last day for requests cannot be in the past."));
            }
            else if (end > today.AddDays(CallTimes.MaxWeeks * 7))
            {
                problems.Add(("EndsOn", $"Choose a day within {CallTimes.MaxWeeks} weeks; you can call again if the crew is not full by then."));
            }
        }
        return problems;
    }

    // Notices still go out in English; the recipient's language is chosen where notices are localised.
    private static string KindInEnglish(CrewCallKind kind) => kind switch
    {
        CrewCallKind.PeerSupport => "peer support",
        CrewCallKind.Commitments => "commitments and accountability",
        CrewCallKind.Learning => "learning together",
        CrewCallKind.Project => "a project together",
        _ => "something else",
    };
}
