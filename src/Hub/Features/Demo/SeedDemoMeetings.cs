using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// The demo crews' meetings as a crew that uses the room leaves them: a plan for each crew, the held meetings
/// finished in their room with notes and everyone's commitments, and the next meeting planned by its host, with the
/// focus person's case prepared.
/// </summary>
internal static class SeedDemoMeetings
{
    private const string CrewPlan = "check-in:12;case-clinic:55;commitments-round:10;check-out:7";

    private static readonly string[][] Commitments =
    [
        ["Write to two former clients and ask what they valued.", "Block Friday mornings for deep work."],
        ["Have the conversation with my sister about our mother's care."],
        ["Sketch the workshop outline and send it to the crew.", "Say no to one new request this week.", "Walk three evenings."],
        ["Ask my manager for the training budget."],
    ];

    public static async Task RunAsync(HubDbContext db, DateTime now)
    {
        var crews = await db.Crews.Include(c => c.Meetings).Include(c => c.Members).AsSplitQuery().Where(c => c.Meetings.Any()).ToListAsync(); // two collections: split, as EF asks
        foreach (var crew in crews)
        {
            db.CrewPlans.Add(new CrewPlan { CrewId = crew.Id, Steps = CrewPlan, AnyoneMoves = crew.Stage != CrewStage.Meeting });
            var members = crew.Members.OrderBy(m => m.Position).Select(m => m.UserId).ToList();
            var held = crew.Meetings.Where(m => m.Term == crew.Term && m.StartsAt < now).OrderBy(m => m.Number).ToList();
            foreach (var meeting in held)
            {
                db.MeetingRooms.Add(new MeetingRoom
                {
                    MeetingId = meeting.Id,
                    CrewId = crew.Id,
                    Plan = CrewPlan,
                    Step = 4, // past its last step: the meeting is over
                    StepStartedAt = meeting.StartsAt.AddMinutes(84),
                    Version = 9,
                });
                if (meeting.Notes == "")
                {
                    meeting.Notes = "A quiet check-in. The case was about saying no without guilt; three questions stayed with the case giver. We ended on time.";
                }
                for (var p = 0; p < members.Count; p++)
                {
                    var mine = Commitments[(p + meeting.Number) % Commitments.Length];
                    db.MeetingCommitments.AddRange(mine.Select((text, i) => new MeetingCommitment
                    {
                        Id = Guid.NewGuid(),
                        MeetingId = meeting.Id,
                        CrewId = crew.Id,
                        UserId = members[p],
                        Position = i,
                        Text = text,
                        WrittenAt = meeting.StartsAt.AddMinutes(80),
                    }));
                }
            }
            // A crew that renewed keeps its earlier term within reach: the last meeting of that term went through the
            // room, and its record (at /crews/<id>/terms/<t>/meetings/<n>/room) shows the plan it ran and its notes.
            if (crew.Term > 1 && crew.Meetings.Where(m => m.Term == crew.Term - 1 && m.StartsAt < now).MaxBy(m => m.Number) is { } lastOfTerm)
            {
                db.MeetingRooms.Add(new MeetingRoom
                {
                    MeetingId = lastOfTerm.Id,
                    CrewId = crew.Id,
                    Plan = "check-in:10;retrospective:60;check-out:10",
                    Step = 3,
                    StepStartedAt = lastOfTerm.StartsAt.AddMinutes(80),
                    Version = 7,
                });
                if (lastOfTerm.Notes == "")
                {
                    lastOfTerm.Notes = "The last meeting of the term: we looked back instead of taking a case. Everyone wants to go on; we keep Tuesdays and try a timekeeper.";
                }
            }
            if (crew.Stage == CrewStage.Meeting && crew.Meetings.Where(m => m.Term == crew.Term && m.StartsAt >= now).MinBy(m => m.StartsAt) is { } next)
            {
                // The host gives the case more time this once; the focus person has written a few lines.
                db.MeetingRooms.Add(new MeetingRoom { MeetingId = next.Id, CrewId = crew.Id, Plan = "check-in:10;case-clinic:65;check-out:8", Version = 1 });
                db.CasePreparations.Add(new CasePreparation
                {
                    MeetingId = next.Id,
                    CrewId = crew.Id,
                    UserId = next.FocusUserId,
                    Situation = "I lead a small team that has doubled this year. I still answer every question myself, and evenings are disappearing.",
                    Tried = "A shared list of questions, which nobody reads; one afternoon a week without meetings, which lasted a fortnight.",
                    Question = "What would I have to believe about my team to let them answer without me?",
                    UpdatedAt = now.AddDays(-1),
                });
            }
        }
        await db.SaveChangesAsync();
    }
}
