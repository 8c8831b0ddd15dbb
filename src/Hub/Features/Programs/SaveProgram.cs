using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>
/// Creates or changes a practice program and computes its rooms there and then (never on a page view):
/// the same seed every time, the search budget of FormationOptions (about a second), the best schedule found kept.
/// A program may be tied to a gathering its facilitator put on: the people going are then its cohort.
/// </summary>
public sealed class SaveProgram(HubDbContext db, TimeProvider time, SyncCohort sync, IStringLocalizer<Strings> strings)
{
    public sealed record Input(string Name, string Participants, string Calls, string Absences, Guid? GatheringId = null);

    public async Task<(Outcome Outcome, Guid Id)> RunAsync(string facilitatorId, Guid? id, Input input, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return (Outcome.Refused(strings["Programs.Refused.Name"], "Name"), Guid.Empty);
        }
        var (plan, errors) = ProgramPlan.Read(input.Participants, input.Calls, input.Absences, tied: input.GatheringId is not null);
        if (plan is null)
        {
            var (field, message) = errors.First();
            return (Outcome.Refused(message.In(strings), field), Guid.Empty);
        }
        PracticeProgram program;
        if (id is null)
        {
            program = new PracticeProgram
            {
                Id = Guid.NewGuid(),
                FacilitatorUserId = facilitatorId,
                Seed = RandomNumberGenerator.GetInt32(1, int.MaxValue),
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            db.PracticePrograms.Add(program);
        }
        else
        {
            program = await db.PracticePrograms.Include(p => p.Participants)
                .SingleOrDefaultAsync(p => p.Id == id && p.FacilitatorUserId == facilitatorId, cancellationToken)
                ?? throw new InvalidOperationException("The page checked the program is the facilitator's.");
            if (program.GatheringId is not null && input.GatheringId != program.GatheringId)
            {
                return (Outcome.Refused(strings["Programs.Refused.StaysTied"], "GatheringId"), Guid.Empty);
            }
        }
        if (input.GatheringId is { } gatheringId && gatheringId != program.GatheringId
            && !await TieableGatherings(facilitatorId).AnyAsync(e => e.Id == gatheringId, cancellationToken))
        {
            return (Outcome.Refused(strings["Programs.Refused.Gathering"], "GatheringId"), Guid.Empty);
        }
        program.Name = input.Name.Trim();
        program.CallSizes = string.Join(", ", plan.Sizes.Select(s => s?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"));
        program.Absences = input.Absences.Trim();
        program.GatheringId = input.GatheringId;
        await sync.ApplyAsync(program, plan, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, program.Id);
    }

    /// <summary>
    /// The gatherings a facilitator may tie a program to, not cancelled, not over: ones they put on, ones they co-host,
    /// and their congregation's own when they host it.
    /// </summary>
    /// <param name="tied">The gathering the program is tied to already: listed even once over.</param>
    public IQueryable<Data.Gatherings.GatheringEvent> TieableGatherings(string facilitatorId, Guid? tied = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.GatheringEvents.AsNoTracking().Where(e => e.Id == tied || ((e.CreatedByUserId == facilitatorId
                || db.EventCoHosts.Any(c => c.EventId == e.Id && c.UserId == facilitatorId && c.Status == Data.Gatherings.CoHostStatus.Accepted)
                || (e.CongregationId != null && db.Memberships.Any(m => m.CongregationId == e.CongregationId && m.UserId == facilitatorId && m.IsHost)))
            && e.CancelledAt == null && (e.EndsAt > now || e.Recurrence != "")));
    }

    public static Microsolidarity.Grouping.Schedule Compute(ProgramPlan plan, Microsolidarity.Grouping.SearchOptions options, CancellationToken cancellationToken)
    {
        var people = plan.Participants.Count;
        var sizes = plan.Sizes.Select((size, call) => size ?? people - plan.Absences.Count(a => a.Call == call)).ToArray();
        var request = new Microsolidarity.Grouping.ScheduleRequest(people, sizes) { Absences = [.. plan.Absences.Select(a => (a.Call, a.Person))] };
        return Microsolidarity.Grouping.BuildSchedule.Run(request, options, cancellation: cancellationToken);
    }

    /// <summary>32 random bytes: not guessable, not listed anywhere but the facilitator's page.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
