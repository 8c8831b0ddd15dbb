using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsolidarity.Grouping;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>
/// Keeps a cohort in step with its gathering: everyone going is a participant, someone who stops going is kept in
/// the list but away from every call (so the rooms of calls already held stay as they were), and the rooms of the
/// calls to come are computed again. Someone who says they can't go to one date (or waits for a place on it) is away from that call only. Runs
/// after every answer that moves someone (<see cref="IEventAnsweredHandler"/>: an answer, a host's decision, the
/// waitlist moving up, an unpaid place lapsing), and whenever the program is saved.
/// </summary>
public sealed class SyncCohort(HubDbContext db, TimeProvider time, IOptions<FormationOptions> options, ProgramAccess access) : IEventAnsweredHandler
{
    public async Task OnAnsweredAsync(Guid eventId, string userId, CancellationToken cancellationToken)
    {
        var programs = await db.PracticePrograms.Where(p => p.GatheringId == eventId).Select(p => p.Id).ToListAsync(cancellationToken);
        if (programs.Count == 0)
        {
            return;
        }
        // The room search costs up to its budget in this request: run it only when the answer moved the person into
        // or out of the cohort (a "maybe" turned "can't go", or a second "going", changes nobody's rooms).
        var going = await db.Rsvps.AnyAsync(r => r.EventId == eventId && r.UserId == userId && r.Status == RsvpStatus.Going, cancellationToken);
        var placed = await db.PracticeParticipants.Where(p => programs.Contains(p.ProgramId) && p.UserId == userId)
            .Select(p => new { p.ProgramId, p.Left }).ToListAsync(cancellationToken);
        foreach (var id in programs)
        {
            var row = placed.FirstOrDefault(p => p.ProgramId == id);
            if (row is null ? going : row.Left == going || (going && await AwayChangedAsync(id, userId, cancellationToken)))
            {
                await RunAsync(id, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Whether a participant's "can't go" to single dates no longer matches the rooms of the calls to come: away from a
    /// call they still have a room in, or back for a call they are away from.
    /// </summary>
    private async Task<bool> AwayChangedAsync(Guid programId, string userId, CancellationToken cancellationToken)
    {
        var program = await db.PracticePrograms.AsNoTracking().Include(p => p.Participants).SingleAsync(p => p.Id == programId, cancellationToken);
        var view = new ProgramView(program);
        if (view.People.FirstOrDefault(p => p.UserId == userId && !p.Left) is not { } me)
        {
            return false;
        }
        var answers = await DatedAnswersAsync(program.GatheringId!.Value, userId, cancellationToken);
        var dates = await access.CallDatesAsync(program, view.Rooms.Length, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        for (var c = 0; c < dates.Count && c < view.Rooms.Length; c++)
        {
            if (dates[c].StartsAt <= now || view.Rooms[c].Length == 0 || !answers.TryGetValue(dates[c].OriginalStart, out var status))
            {
                continue;
            }
            var away = view.RoomOf(c, me.Position) is null;
            if (away != IsAway(status))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// An answer to one date that keeps the person out of that call's rooms: can't go, or no place yet (on the waitlist,
    /// or waiting for the hosts' yes). A "maybe" keeps their room.
    /// </summary>
    private static bool IsAway(RsvpStatus status) => status is RsvpStatus.CantGo or RsvpStatus.Waitlisted or RsvpStatus.AwaitingApproval;

    /// <summary>A person's answers to single dates of a gathering, by the date's original start.</summary>
    private async Task<Dictionary<DateTime, RsvpStatus>> DatedAnswersAsync(Guid gatheringId, string? userId, CancellationToken cancellationToken) =>
        (await db.Rsvps.AsNoTracking().Where(r => r.EventId == gatheringId && r.OccurrenceId != null && (userId == null || r.UserId == userId))
            .Select(r => new { r.Occurrence!.OriginalStart, r.Status }).ToListAsync(cancellationToken))
            .GroupBy(r => r.OriginalStart).ToDictionary(g => g.Key, g => g.First().Status);

    public async Task RunAsync(Guid programId, CancellationToken cancellationToken = default)
    {
        var program = await db.PracticePrograms.Include(p => p.Participants).SingleOrDefaultAsync(p => p.Id == programId, cancellationToken);
        if (program is null)
        {
            return;
        }
        var listed = program.Participants.Where(p => !p.FromGathering && !p.Left).OrderBy(p => p.Position).Select(p => (p.Name, p.Email)).ToList();
        var plan = ProgramPlan.Read(string.Join("\n", listed.Select(p => $"{p.Name}, {p.Email}")), program.CallSizes, "", tied: true).Plan;
        if (plan is null)
        {
            return;
        }
        await ApplyAsync(program, plan, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The people going to a gathering, with their names and addresses: one query.</summary>
    private async Task<List<(string UserId, string Name, string Email)>> GoingAsync(Guid gatheringId, CancellationToken cancellationToken) =>
        [.. (await db.Rsvps.AsNoTracking().Where(r => r.EventId == gatheringId && r.Status == RsvpStatus.Going)
            .Select(r => new { r.UserId, r.User.DisplayName, r.User.Email }).Distinct().ToListAsync(cancellationToken))
            .DistinctBy(r => r.UserId).OrderBy(r => r.DisplayName, StringComparer.Ordinal).Select(r => (r.UserId, r.DisplayName, r.Email ?? ""))];

    /// <summary>
    /// Brings the participants of a tracked program in line with the plan's list (and, for a cohort, the people going),
    /// and computes the rooms; the caller saves.
    /// </summary>
    public async Task ApplyAsync(PracticeProgram program, ProgramPlan plan, CancellationToken cancellationToken)
    {
        var rows = program.Participants.OrderBy(p => p.Position).ToList();
        var keep = 0;
        // A cohort's people who can't go to one date (or have no place on it yet): away from that call.
        var awayFromDate = new List<(int Call, PracticeParticipant Row)>();
        var old = JsonSerializer.Deserialize<int[][][]>(program.Rooms) ?? [];
        if (program.GatheringId is { } gatheringId)
        {
            // A cohort's positions never change: people who leave stay in the list, away.
            var going = await GoingAsync(gatheringId, cancellationToken);
            var goingIds = going.Select(g => g.UserId).ToHashSet();
            var byEmail = going.GroupBy(g => g.Email.ToUpperInvariant()).ToDictionary(g => g.Key, g => g.First().UserId);
            foreach (var row in rows)
            {
                if (row.FromGathering)
                {
                    row.Left = row.UserId is null || !goingIds.Contains(row.UserId);
                }
                else
                {
                    var entry = plan.Participants.FirstOrDefault(p => p.Email.Equals(row.Email, StringComparison.OrdinalIgnoreCase));
                    row.Left = entry.Email is null;
                    row.Name = entry.Name ?? row.Name;
                    if (row.UserId is null && byEmail.TryGetValue(row.Email.ToUpperInvariant(), out var user))
                    {
                        row.UserId = user;
                    }
                }
            }
            foreach (var (name, email) in plan.Participants.Where(p => !rows.Any(r => r.Email.Equals(p.Email, StringComparison.OrdinalIgnoreCase))))
            {
                var row = NewRow(program, rows.Count, name, email);
                row.UserId = byEmail.GetValueOrDefault(email.ToUpperInvariant());
                rows.Add(row);
            }
            foreach (var (userId, name, email) in going.Where(g => !rows.Any(r => r.UserId == g.UserId)))
            {
                var row = NewRow(program, rows.Count, name, email);
                row.UserId = userId;
                row.FromGathering = true;
                rows.Add(row);
            }
            // The rooms of calls already held stay as they were.
            var dates = await access.CallDatesAsync(program, plan.Calls, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            keep = dates.Count(d => d.StartsAt <= now);
            var cantGo = (await db.Rsvps.AsNoTracking()
                .Where(r => r.EventId == gatheringId && r.OccurrenceId != null
                    && (r.Status == RsvpStatus.CantGo || r.Status == RsvpStatus.Waitlisted || r.Status == RsvpStatus.AwaitingApproval))
                .Select(r => new { r.UserId, r.Occurrence!.OriginalStart }).ToListAsync(cancellationToken))
                .Select(r => (r.UserId, r.OriginalStart)).ToHashSet();
            for (var c = 0; c < dates.Count; c++)
            {
                awayFromDate.AddRange(rows.Where(r => r.UserId is not null && !r.Left && cantGo.Contains((r.UserId, dates[c].OriginalStart))).Select(r => (c, r)));
            }
        }
        else
        {
            // Someone who stays keeps their secret link; someone new gets one; someone removed loses theirs.
            var before = rows.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
            rows = [];
            for (var i = 0; i < plan.Participants.Count; i++)
            {
                var (name, email) = plan.Participants[i];
                if (!before.Remove(email, out var participant))
                {
                    participant = NewRow(program, i, name, email);
                }
                participant.Name = name;
                participant.Position = i;
                rows.Add(participant);
            }
            db.PracticeParticipants.RemoveRange(before.Values);
            old = [];
        }

        // Who is away from which call: the facilitator's lines (people of the list), and everyone who left.
        var absences = new HashSet<(int Call, int Person)>();
        foreach (var (call, person) in plan.Absences)
        {
            var email = plan.Participants[person].Email;
            if (rows.FindIndex(r => r.Email.Equals(email, StringComparison.OrdinalIgnoreCase)) is var at and >= 0)
            {
                absences.Add((call, at));
            }
        }
        foreach (var (call, row) in awayFromDate.Where(a => a.Call < plan.Calls))
        {
            absences.Add((call, row.Position));
        }
        foreach (var row in rows.Where(r => r.Left))
        {
            for (var c = 0; c < plan.Calls; c++)
            {
                absences.Add((c, row.Position));
            }
        }
        var present = rows.Count(r => !r.Left);
        if (present < 2)
        {
            // A cohort still gathering: no rooms until two people are going.
            program.Rooms = JsonSerializer.Serialize(Enumerable.Range(0, plan.Calls).Select(_ => Array.Empty<int[]>()).ToArray());
            program.RepeatedPairs = 0;
        }
        else
        {
            var sizes = new int[plan.Calls];
            for (var c = 0; c < plan.Calls; c++)
            {
                var here = rows.Count - absences.Count(a => a.Call == c);
                if (here < 2)
                {
                    // Too few left in a call to meet: only those who left stay away.
                    absences.RemoveWhere(a => a.Call == c && !rows[a.Person].Left);
                    here = present;
                }
                sizes[c] = Math.Max(2, Math.Min(plan.Sizes[c] ?? here, here));
            }
            var request = new ScheduleRequest(rows.Count, sizes) { Absences = [.. absences] };
            var schedule = BuildSchedule.Run(request, options.Value.Search(program.Seed), cancellation: cancellationToken);
            var calls = schedule.Rounds;
            for (var c = 0; c < Math.Min(keep, Math.Min(old.Length, calls.Length)); c++)
            {
                calls[c] = old[c];
            }
            program.Rooms = JsonSerializer.Serialize(calls);
            // A call in one room (the full circle) is everyone together on purpose: repeats count in the breakout rooms only.
            program.RepeatedPairs = ScheduleChecker.RepeatPairs(schedule with { Rounds = [.. calls.Where(call => call.Length > 1)] });
        }
        program.ComputedAt = time.GetUtcNow().UtcDateTime;
    }

    private PracticeParticipant NewRow(PracticeProgram program, int position, string name, string email)
    {
        var row = new PracticeParticipant { Id = Guid.NewGuid(), ProgramId = program.Id, Position = position, Name = name, Email = email, Secret = SaveProgram.NewSecret() };
        db.PracticeParticipants.Add(row);
        return row;
    }
}
