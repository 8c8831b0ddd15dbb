using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Decisions;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// Two consent decisions in Riverside: Pilar's move to the library's community room, changed to meet Noor's concern
/// and adopted with changes (in the log), and Noor's childcare fund, open with a few answers, one of them a disagree.
/// Beside them Wren's advice process (a shared tool shelf, advice asked of Tomas and Ilse, one adviser and one
/// other member answered so far), a time poll for the spring pulse call, and the autumn gathering team's poll for
/// its venue visit, in the working group's own decisions.
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

        var shelf = new Decision
        {
            Id = Guid.NewGuid(),
            CongregationId = riverside.Id,
            Kind = DecisionKind.Advice,
            ProposerUserId = Id(5),
            Question = "Shall I set up a shared tool shelf at the library room?",
            Proposal = "I would like to keep a **small shelf of shared tools** at the library's community room: a drill, a sewing kit, a bike pump, a first-aid box. "
                + "Members borrow by writing their name in a notebook on the shelf. I look after it and buy nothing without asking.",
            Background = "Three people asked for a drill this month, and I have two.",
            ClosesAt = now.AddDays(4),
            Visibility = DecisionVisibility.Names,
            Version = 1,
            CreatedAt = now.AddDays(-3),
        };
        shelf.Advisers.AddRange([new DecisionAdviser { DecisionId = shelf.Id, UserId = Id(1) }, new DecisionAdviser { DecisionId = shelf.Id, UserId = Id(0) }]);
        shelf.Answers.AddRange(
        [
            Answer(shelf, 1, DecisionResponse.Support, "Yes, and ask the library first whether they mind: they were generous with the room and we want to keep it that way.", 1, 2),
            Answer(shelf, 4, DecisionResponse.Concerns, "Tools go missing. A notebook works while we are few; say now what happens when something breaks, so nobody feels blamed later.", 1, 1),
        ]);
        db.Decisions.Add(shelf);

        // Candidate times at 19:00 Lisbon time on the next three Thursdays and a Sunday morning: shown to each reader in their own zone.
        var lisbon = NodaTime.DateTimeZoneProviders.Tzdb["Europe/Lisbon"];
        DateTime At(int days, int hour) => Platform.Web.TimeZones.ToUtc(
            Platform.Web.TimeZones.ToLocal(now, lisbon).Date.PlusDays(days).AtMidnight().PlusHours(hour), lisbon);
        Decision Poll(Guid? workingGroup, int proposer, string question, string proposal, (int Days, int Hour)[] times, (int Person, PollAvailability[] Answers)[] answers)
        {
            var poll = new Decision
            {
                Id = Guid.NewGuid(),
                CongregationId = riverside.Id,
                WorkingGroupId = workingGroup,
                Kind = DecisionKind.TimePoll,
                ProposerUserId = Id(proposer),
                Question = question,
                Proposal = proposal,
                ClosesAt = now.AddDays(3),
                Visibility = DecisionVisibility.Names,
                Version = 1,
                CreatedAt = now.AddDays(-1),
            };
            poll.Options.AddRange(times.Select((t, i) => new DecisionOption { Id = Guid.NewGuid(), DecisionId = poll.Id, Position = i, StartsAt = At(t.Days, t.Hour) }));
            foreach (var (person, said) in answers)
            {
                foreach (var (option, availability) in poll.Options.Zip(said))
                {
                    option.Answers.Add(new DecisionPollAnswer
                    {
                        Id = Guid.NewGuid(),
                        OptionId = option.Id,
                        DecisionId = poll.Id,
                        UserId = Id(person),
                        Availability = availability,
                        AnsweredAt = now.AddHours(-20 + person),
                    });
                }
            }
            db.Decisions.Add(poll);
            return poll;
        }
        const PollAvailability Y = PollAvailability.Yes, M = PollAvailability.IfNeedBe, N = PollAvailability.No;
        Poll(null, 0, "When shall we hold the spring pulse call?",
            "An hour online to hear how everyone is, and what the crews are up to. The link comes with the chosen time.",
            [(8, 19), (10, 19), (15, 19), (18, 11)],
            [(0, [Y, Y, N, M]), (2, [M, Y, N, Y]), (6, [N, Y, Y, N]), (7, [Y, M, N, Y]), (9, [Y, Y, M, N])]);
        var team = await db.WorkingGroups.Where(g => g.CongregationId == riverside.Id).Select(g => (Guid?)g.Id).FirstOrDefaultAsync();
        if (team is not null)
        {
            Poll(team, 1, "When can we visit the venue by the river together?",
                "The owner shows us the hall and the garden; it takes about two hours.",
                [(6, 10), (7, 16), (13, 10)],
                [(3, [Y, N, M]), (4, [M, Y, Y])]);
        }
        await db.SaveChangesAsync();
    }
}
