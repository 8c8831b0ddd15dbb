using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// Each member answers privately: what worked, what did not, and whether to continue, pause or
/// leave. When the last answer is in, the crew learns only the outcome in numbers.
/// </summary>
public sealed class AnswerRetrospective(HubDbContext db, TimeProvider time, Notifier notifier, IStringLocalizer<Strings> strings)
{
    /// <summary>What the "your retrospective is open" notice is about, so that answering marks it done.</summary>
    public static string About(Guid crewId, int term) => $"crew-retrospective:{crewId}:{term}";

    public async Task<Outcome> RunAsync(CrewView view, string worked, string didNot, RetrospectiveChoice choice, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused(strings["Crews.Ops.RetroMembersOnly"]);
        }
        if (!view.InRetrospective)
        {
            return Outcome.Refused(strings["Crews.Ops.RetroNotOpen"]);
        }
        var crew = await db.Crews.SingleAsync(c => c.Id == view.Crew.Id, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        crew.Stage = CrewStage.Retrospective;
        var answer = await db.RetrospectiveAnswers.SingleOrDefaultAsync(a => a.CrewId == crew.Id && a.Term == crew.Term && a.UserId == view.Me.UserId, cancellationToken);
        if (answer is null)
        {
            answer = new RetrospectiveAnswer { Id = Guid.NewGuid(), CrewId = crew.Id, Term = crew.Term, UserId = view.Me.UserId };
            db.RetrospectiveAnswers.Add(answer);
        }
        answer.WhatWorked = worked.Trim();
        answer.WhatDidNot = didNot.Trim();
        answer.Choice = choice;
        answer.AnsweredAt = now;
        await notifier.ResolveAsync(About(crew.Id, crew.Term), view.Me.UserId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var members = await db.CrewMembers.Where(m => m.CrewId == crew.Id && m.Status == CrewMemberStatus.Joined).ToListAsync(cancellationToken);
        var answers = await db.RetrospectiveAnswers.Where(a => a.CrewId == crew.Id && a.Term == crew.Term).ToListAsync(cancellationToken);
        if (members.All(m => answers.Any(a => a.UserId == m.UserId)))
        {
            Conclude(crew, members, answers, now);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Those who continue form the next term; everyone else steps out without anyone seeing who.</summary>
    private static void Conclude(Crew crew, List<CrewMember> members, List<RetrospectiveAnswer> answers, DateTime now)
    {
        var continuing = members.Where(m => answers.Single(a => a.UserId == m.UserId).Choice == RetrospectiveChoice.Continue)
            .OrderBy(m => m.Position).ToList();
        if (continuing.Count >= 2)
        {
            foreach (var member in members.Except(continuing))
            {
                // Pause keeps a way back; leave closes it. Either way the crew sees only the number who continue.
                member.Status = answers.Single(a => a.UserId == member.UserId).Choice == RetrospectiveChoice.Pause
                    ? CrewMemberStatus.Paused : CrewMemberStatus.Left;
                member.LeftAt = now;
            }
            for (var i = 0; i < continuing.Count; i++)
            {
                continuing[i].Position = i;
            }
            crew.JoinedCount = continuing.Count;
            crew.Term += 1;
            crew.Stage = CrewStage.Forming;
            crew.LastOutcome = CrewOutcomes.Continues(continuing.Count, members.Count); // in English: each reader reads it in their own language (CrewOutcomes.Say)
        }
        else
        {
            crew.Stage = CrewStage.Disbanded;
            crew.LastOutcome = CrewOutcomes.Ended;
        }
    }
}
