using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// Both demo crews keep agreements everyone accepted; the Tuesday case clinic's first retrospective has reflections
/// three of its four chose to share and two changes carried into term 2 (they open its first meeting); Riverside's
/// lessons page has two lessons, one signed by the closed Spring experiment, one from a crew that stays unnamed.
/// </summary>
internal static class SeedDemoRetrospectives
{
    public static async Task RunAsync(HubDbContext db, DateTime now)
    {
        var crews = await db.Crews.Include(c => c.Members).Include(c => c.Meetings).AsSplitQuery() // two collections: no warning in the host's first-start log
            .Where(c => c.Name == "Tuesday case clinic" || c.Name == "Spring experiment").ToListAsync();
        var clinic = crews.Single(c => c.Name == "Tuesday case clinic");
        var spring = crews.Single(c => c.Name == "Spring experiment");
        var clinicPeople = clinic.Members.OrderBy(m => m.Position).Select(m => m.UserId).ToList();
        var termEnded = clinic.Meetings.Where(m => m.Term == 1).Max(m => m.StartsAt);

        Agree(db, clinic.Id, clinicPeople, clinic.CreatedAt.AddDays(12),
            "Confidentiality: what someone brings to the crew stays in the crew, unless they say it may travel.\n\n"
            + "Attendance: we come every Tuesday we can, and say so in the chat by Monday evening when we cannot.\n\n"
            + "Check-in: two minutes each, with a timer; the focus person's case gets the rest of the hour.\n\n"
            + "How we decide: together, by consent. A proposal goes ahead when nobody sees a reason it would harm the crew or one of us.\n\n"
            + "How we end: every term ends with a retrospective. Anyone may pause or leave there, with thanks and without explaining.");
        Agree(db, spring.Id, [.. spring.Members.OrderBy(m => m.Position).Select(m => m.UserId)], spring.CreatedAt.AddDays(15),
            "What is said here stays here.\n\nWe meet every other Thursday at lunch; cameras on if we can.\n\nWe decide by consent.\n\nAfter six meetings we look back, and anyone may step out.");

        // The private answers: all four continued (nobody else reads them; the crew saw only the outcome).
        foreach (var userId in clinicPeople)
        {
            db.RetrospectiveAnswers.Add(new RetrospectiveAnswer
            {
                Id = Guid.NewGuid(),
                CrewId = clinic.Id,
                Term = 1,
                UserId = userId,
                Choice = RetrospectiveChoice.Continue,
                AnsweredAt = termEnded.AddDays(2),
            });
        }
        (string Worked, string DidNot, string Change)[] shared =
        [
            ("Having a whole hour on my case, twice in six weeks. I left each of those meetings with a next step I could actually take.",
                "Check-ins ran long and ate into the case.", "Keep check-ins to two minutes each, with a timer."),
            ("Being listened to without anyone rushing to fix things.", "I didn't know until the day whose case it was.",
                "Say at the end of each meeting whose case comes next."),
            ("The mirroring round: hearing my situation back in someone else's words.", "", "Keep check-ins to two minutes each, with a timer."),
        ];
        for (var i = 0; i < shared.Length; i++)
        {
            db.SharedReflections.Add(new SharedReflection
            {
                Id = Guid.NewGuid(),
                CrewId = clinic.Id,
                Term = 1,
                AtMeeting = 0,
                UserId = clinicPeople[i],
                WhatWorked = shared[i].Worked,
                WhatDidNot = shared[i].DidNot,
                OneChange = shared[i].Change,
                SharedAt = termEnded.AddDays(2).AddHours(i),
            });
        }
        string[] changes = ["Keep check-ins to two minutes each, with a timer.", "Say at the end of each meeting whose case comes next."];
        for (var i = 0; i < changes.Length; i++)
        {
            db.CrewChanges.Add(new CrewChange
            {
                Id = Guid.NewGuid(),
                CrewId = clinic.Id,
                Term = 1,
                AtMeeting = 0,
                Text = changes[i],
                AddedByUserId = clinicPeople[i],
                AddedAt = termEnded.AddDays(3).AddHours(i),
            });
        }

        db.CrewLessons.Add(new CrewLesson
        {
            Id = Guid.NewGuid(),
            CongregationId = spring.CongregationId!.Value,
            CrewId = spring.Id,
            Term = 1,
            Signed = true,
            SharedByUserId = spring.Members.OrderBy(m => m.Position).First().UserId,
            SharedAt = now.AddMonths(-4),
            Text = "Fortnightly at lunchtime was too thin for us: by the time we had caught up, the hour was over. If you can, meet weekly for the first term, and keep lunch calls for crews that already know each other.",
        });
        db.CrewLessons.Add(new CrewLesson
        {
            Id = Guid.NewGuid(),
            CongregationId = clinic.CongregationId!.Value,
            CrewId = clinic.Id,
            Term = 1,
            Signed = false,
            SharedByUserId = clinicPeople[1],
            SharedAt = termEnded.AddDays(4),
            Text = "Time the check-in. Two minutes each sounds strict, but it gave the person in focus the hour they came for, and nobody felt cut short.",
        });
        // Both crews consented, every member, so the lessons are on Riverside's page.
        foreach (var lesson in db.ChangeTracker.Entries<CrewLesson>().Select(e => e.Entity).ToList())
        {
            var crewPeople = lesson.CrewId == spring.Id ? spring.Members.Select(m => m.UserId).ToList() : clinicPeople.ToList();
            lesson.Answers.AddRange(crewPeople.Select((userId, i) => new CrewLessonAnswer
            {
                Id = Guid.NewGuid(),
                LessonId = lesson.Id,
                UserId = userId,
                Consents = true,
                AnsweredAt = lesson.SharedAt.AddHours(i),
            }));
        }
        await db.SaveChangesAsync();
    }

    private static void Agree(HubDbContext db, Guid crewId, IReadOnlyList<string> people, DateTime at, string text)
    {
        var agreement = new Agreement
        {
            Id = Guid.NewGuid(),
            CrewId = crewId,
            Version = 1,
            Text = text,
            ProposedByUserId = people[0],
            State = AgreementState.InForce,
            ProposedAt = at,
            InForceAt = at.AddDays(3),
        };
        for (var i = 0; i < people.Count; i++)
        {
            agreement.Acceptances.Add(new AgreementAcceptance { Id = Guid.NewGuid(), AgreementId = agreement.Id, UserId = people[i], AcceptedAt = at.AddDays(i) });
        }
        db.Agreements.Add(agreement);
    }
}
