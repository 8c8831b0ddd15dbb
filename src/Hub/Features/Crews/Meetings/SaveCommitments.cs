using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>A member's own commitments for the next meeting (up to three), read by the crew at its next check-in.</summary>
public sealed class SaveCommitments(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public const int Most = 3;
    public const int MaxLength = 500;

    public async Task<Outcome> RunAsync(MeetingInRoom room, IReadOnlyList<string?> texts, CancellationToken cancellationToken = default)
    {
        if (!room.View.IsJoined)
        {
            return Outcome.Refused(strings["Meetings.Ops.MembersCommit"]);
        }
        var kept = texts.Take(Most).Select(t => t?.Trim() ?? "").ToList();
        var problems = kept.Select((t, i) => (Text: t, Field: $"Commitments[{i}]"))
            .Where(t => t.Text.Length > MaxLength).Select(t => (t.Field, strings["Meetings.Ops.CommitmentLength", MaxLength].Value)).ToList();
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return refused;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var userId = room.View.Me.UserId;
        await db.MeetingCommitments.Where(c => c.MeetingId == room.Meeting.Id && c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        db.MeetingCommitments.AddRange(kept.Where(t => t != "").Select((t, i) => new MeetingCommitment
        {
            Id = Guid.NewGuid(),
            MeetingId = room.Meeting.Id,
            CrewId = room.Crew.Id,
            UserId = userId,
            Position = i,
            Text = t,
            WrittenAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
