using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>The focus person prepares their case: the situation, what they tried, the question they bring. Only the crew reads it.</summary>
public sealed class SaveCasePreparation(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(MeetingInRoom room, string? situation, string? tried, string? question, CancellationToken cancellationToken = default)
    {
        if (!room.View.IsJoined || !room.IsFocus)
        {
            return Outcome.Refused(strings["Meetings.Ops.FocusPrepares"]);
        }
        (situation, tried, question) = (situation?.Trim() ?? "", tried?.Trim() ?? "", question?.Trim() ?? "");
        var problems = new List<(string, string)>();
        if (situation.Length > 4000)
        {
            problems.Add(("Situation", strings["Meetings.Ops.SituationLength"]));
        }
        if (tried.Length > 4000)
        {
            problems.Add(("Tried", strings["Meetings.Ops.TriedLength"]));
        }
        if (question.Length > 1000)
        {
            problems.Add(("Question", strings["Meetings.Ops.QuestionLength"]));
        }
        if (situation == "" && tried == "" && question == "")
        {
            problems.Add(("Question", strings["Meetings.Ops.QuestionRequired"]));
        }
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return refused;
        }
        var preparation = await db.CasePreparations.SingleOrDefaultAsync(p => p.MeetingId == room.Meeting.Id, cancellationToken);
        if (preparation is null)
        {
            preparation = new CasePreparation { MeetingId = room.Meeting.Id, CrewId = room.Crew.Id };
            db.CasePreparations.Add(preparation);
        }
        (preparation.UserId, preparation.Situation, preparation.Tried, preparation.Question, preparation.UpdatedAt) =
            (room.View.Me.UserId, situation, tried, question, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
