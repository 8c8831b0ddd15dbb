using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsolidarity.Grouping;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Configuration;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>
/// Creates or changes a practice program and computes its rooms there and then (never on a page view):
/// the same seed every time, the search budget of FormationOptions (about a second), the best schedule found kept.
/// </summary>
public sealed class SaveProgram(HubDbContext db, TimeProvider time, IOptions<FormationOptions> options)
{
    public sealed record Input(string Name, string Participants, string Calls, string Absences);

    public async Task<(Outcome Outcome, Guid Id)> RunAsync(string facilitatorId, Guid? id, Input input, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return (Outcome.Refused("Give the program a name, such as \"Autumn practice calls\".", "Name"), Guid.Empty);
        }
        var (plan, errors) = ProgramPlan.Read(input.Participants, input.Calls, input.Absences);
        if (plan is null)
        {
            var (field, message) = errors.First();
            return (Outcome.Refused(message, field), Guid.Empty);
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
        }
        program.Name = input.Name.Trim();
        program.CallSizes = string.Join(", ", plan.Sizes.Select(s => s?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"));
        program.Absences = input.Absences.Trim();

        // Someone who stays keeps their secret link; someone new gets one; someone removed loses theirs.
        var before = program.Participants.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        var kept = new List<PracticeParticipant>();
        for (var i = 0; i < plan.Participants.Count; i++)
        {
            var (name, email) = plan.Participants[i];
            if (!before.Remove(email, out var participant))
            {
                participant = new PracticeParticipant { Id = Guid.NewGuid(), ProgramId = program.Id, Email = email, Secret = NewSecret() };
                db.PracticeParticipants.Add(participant);
            }
            participant.Name = name;
            participant.Position = i;
            kept.Add(participant);
        }
        db.PracticeParticipants.RemoveRange(before.Values);

        var schedule = Compute(plan, options.Value.Search(program.Seed), cancellationToken);
        program.Rooms = JsonSerializer.Serialize(schedule.Rounds);
        // A call in one room (the full circle) is everyone together on purpose: repeats count in the breakout rooms only.
        program.RepeatedPairs = ScheduleChecker.RepeatPairs(schedule with { Rounds = [.. schedule.Rounds.Where(call => call.Length > 1)] });
        program.ComputedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, program.Id);
    }

    public static Schedule Compute(ProgramPlan plan, SearchOptions options, CancellationToken cancellationToken)
    {
        var people = plan.Participants.Count;
        var sizes = plan.Sizes.Select((size, call) => size ?? people - plan.Absences.Count(a => a.Call == call)).ToArray();
        var request = new ScheduleRequest(people, sizes) { Absences = [.. plan.Absences.Select(a => (a.Call, a.Person))] };
        return BuildSchedule.Run(request, options, cancellation: cancellationToken);
    }

    /// <summary>32 random bytes: not guessable, not listed anywhere but the facilitator's page.</summary>
    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
