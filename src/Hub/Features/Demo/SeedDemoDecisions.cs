using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Decisions;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// Two consent decisions in Riverside: Pilar's move to the library's community room, changed to meet Noor's concern
/// and adopted with changes (in the log), and Noor's childcare fund, open with a few answers, one of them a disagree.
/// </summary>
internal static class SeedDemoDecisions
{
    public static async Task RunAsync(HubDbContext db, DateTime now)
    {
        var riverside = await db.Congregations.SingleAsync(c => c.Slug == "riverside");
        var people = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Email!, u => u.Id);
        string Id(int index) => people[SeedDemoCommunity.People[index].Email];

        var room = new Decision
        {
            Id = Guid.NewGuid(),
            CongregationId = riverside.Id,
            ProposerUserId = Id(3),
            Question = "Shall we hold our monthly gathering in the library's community room?",
            Proposal = "From next month we meet in the **community room of the Alcântara library**, second Saturday, 15:00 to 18:00.\n\n"
                + "- The room is free for community groups and takes 40 people.\n- It has step-free access and a small kitchen.\n"
                + "- We try it for three months and look back together at the third gathering.",
            Background = "The café upstairs has become too loud for rounds of sharing, and two of us cannot manage its stairs. The library offered the room when I asked in March.",
            ClosesAt = now.AddDays(-12),
            Quorum = 4,
            Visibility = DecisionVisibility.Names,
            Version = 2,
            AmendedAt = now.AddDays(-16),
            Result = DecisionResult.AdoptedWithChanges,
            ResultNote = "We meet in the library's community room from next month, second Saturday 15:00 to 18:00, for three months, and look back together at the third gathering. Noor checks with the library whether children may come along.",
            ResultByUserId = Id(3),
            DecidedAt = now.AddDays(-11),
            OutcomeAskedAt = now.AddDays(-12),
            CreatedAt = now.AddDays(-20),
        };
        room.Amendments.Add(new DecisionAmendment
        {
            Id = Guid.NewGuid(),
            DecisionId = room.Id,
            Version = 1,
            Proposal = "From next month we meet in the **community room of the Alcântara library**, second Saturday, 15:00 to 18:00.\n\n"
                + "- The room is free for community groups and takes 40 people.\n- It has step-free access and a small kitchen.",
            Note = "Added a three-month trial and a look back, as Noor suggested.",
            AmendedAt = now.AddDays(-16),
        });
        DecisionAnswer Answer(Decision decision, int person, DecisionResponse response, string reason, int version, double daysAgo) => new()
        {
            Id = Guid.NewGuid(),
            DecisionId = decision.Id,
            UserId = Id(person),
            Response = response,
            Reason = reason,
            Version = version,
            AnsweredAt = now.AddDays(-daysAgo),
        };
        room.Answers.AddRange(
        [
            Answer(room, 0, DecisionResponse.Agree, "The stairs at the café have kept people away; this is kinder.", 1, 19),
            Answer(room, 2, DecisionResponse.Agree, "With a trial and a look back, yes gladly.", 2, 15),
            Answer(room, 1, DecisionResponse.Agree, "", 2, 15),
            Answer(room, 4, DecisionResponse.Abstain, "I'm away most of the spring; go ahead without me.", 1, 18),
            Answer(room, 5, DecisionResponse.Agree, "Good enough for now and safe enough to try.", 2, 14),
        ]);
        db.Decisions.Add(room);

        var childcare = new Decision
        {
            Id = Guid.NewGuid(),
            CongregationId = riverside.Id,
            ProposerUserId = Id(2),
            Question = "Shall we keep a small fund for childcare at gatherings?",
            Proposal = "We set aside **€40 from each gathering's contributions** for childcare, so parents of small children can come.\n\n"
                + "A parent who needs it asks one of the hosts; nobody has to explain why. What is not used stays in the fund.",
            Background = "Three people told me they would come more often if they did not have to pay a babysitter on top of the trip.",
            ClosesAt = now.AddDays(5).AddHours(3),
            Visibility = DecisionVisibility.Names,
            Version = 1,
            CreatedAt = now.AddDays(-2),
        };
        childcare.Answers.AddRange(
        [
            Answer(childcare, 4, DecisionResponse.Agree, "Yes: I would have come to the first gathering if this had existed.", 1, 1.5),
            Answer(childcare, 1, DecisionResponse.Abstain, "", 1, 1),
            Answer(childcare, 3, DecisionResponse.Disagree, "I like the idea, but €40 each time seems a lot while our contributions are small. Could we start with €20?", 1, 0.5),
        ]);
        db.Decisions.Add(childcare);
        await db.SaveChangesAsync();
    }
}
