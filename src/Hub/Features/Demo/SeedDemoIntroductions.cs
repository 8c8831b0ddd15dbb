using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Introductions;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// Introductions running in Riverside: five members take part (Pilar every four weeks), and a round ten days
/// ago introduced Noor to Kofi, who met, and Tomas, Pilar and Wren as a trio, where Pilar has not met them yet
/// and Wren has not answered. The next round comes in a few days.
/// </summary>
internal static class SeedDemoIntroductions
{
    public static async Task RunAsync(HubDbContext db, DateTime now)
    {
        var riverside = await db.Congregations.SingleAsync(c => c.Slug == "riverside");
        var people = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Email!, u => u.Id);
        string Id(int index) => people[SeedDemoCommunity.People[index].Email];
        var madeAt = now.AddDays(-10);
        var shares = new Dictionary<int, string>
        {
            [1] = "I host Riverside's gatherings and I'm learning to step back so others can host too.",
            [2] = "Freelance illustrator; curious about how crews share work and money.",
            [3] = "I grow vegetables on a shared plot and would love to talk about land and commons.",
            [4] = "I run a small repair workshop and I'm looking for a crew that keeps me honest about rest.",
            [5] = "New to Riverside. I coach teams for a living and miss being coached myself.",
        };
        foreach (var (person, share) in shares)
        {
            db.IntroductionMembers.Add(new IntroductionMember
            {
                Id = Guid.NewGuid(),
                CongregationId = riverside.Id,
                UserId = Id(person),
                EveryWeeks = person == 3 ? 4 : 2,
                Share = share,
                JoinedAt = now.AddDays(-12 - person),
                LastIntroducedAt = madeAt,
            });
        }
        var round = new IntroductionRound { Id = Guid.NewGuid(), CongregationId = riverside.Id, Number = 1, MadeAt = madeAt };
        Introduction Introduce(int question, DateTime? first, DateTime? second, params (int Person, IntroductionAnswer? Answer)[] who)
        {
            var introduction = new Introduction
            {
                Id = Guid.NewGuid(),
                CongregationId = riverside.Id,
                MadeAt = madeAt,
                FirstTime = first,
                SecondTime = second,
                Question = question,
                AskedAt = madeAt.AddDays(7),
            };
            foreach (var (person, answer) in who)
            {
                introduction.People.Add(new IntroductionPerson
                {
                    Id = Guid.NewGuid(),
                    UserId = Id(person),
                    Share = shares[person],
                    Answer = answer,
                    AnsweredAt = answer is null ? null : madeAt.AddDays(8),
                });
            }
            round.Introductions.Add(introduction);
            return introduction;
        }
        var day = new DateTime(madeAt.Year, madeAt.Month, madeAt.Day, 0, 0, 0, DateTimeKind.Utc);
        Introduce(0, day.AddDays(2).AddHours(18), day.AddDays(4).AddHours(8), (2, IntroductionAnswer.Met), (4, IntroductionAnswer.Met));
        Introduce(4, day.AddDays(3).AddHours(19), null, (1, IntroductionAnswer.Met), (3, IntroductionAnswer.NotYet), (5, null));
        db.IntroductionRounds.Add(round);
        await db.SaveChangesAsync();
    }
}
