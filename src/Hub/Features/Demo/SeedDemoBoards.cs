using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Boards;
using Microsolidarity.Hub.Data.Practices;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// The Tuesday case clinic's board (something noticed, a test running, two living agreements, tasks,
/// who is around and a known void), Riverside's own practice, and a few cards of Riverside's and the
/// crew's own.
/// </summary>
internal static class SeedDemoBoards
{
    public static async Task RunAsync(HubDbContext db, DateTime now)
    {
        var riverside = await db.Congregations.SingleAsync(c => c.Slug == "riverside");
        var crew = await db.Crews.SingleAsync(c => c.Name == "Tuesday case clinic");
        var people = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Email!, u => u.Id);
        string Id(int index) => people[SeedDemoCommunity.People[index].Email];

        var position = new Dictionary<BoardColumn, int>();
        void Card(BoardColumn column, int author, string text, int daysAgo)
        {
            var at = position.GetValueOrDefault(column);
            position[column] = at + 1;
            db.BoardCards.Add(new BoardCard
            {
                Id = Guid.NewGuid(),
                CrewId = crew.Id,
                Column = column,
                Position = at,
                Text = text,
                AuthorUserId = Id(author),
                CreatedAt = now.AddDays(-daysAgo),
                MovedAt = now.AddDays(-daysAgo / 2),
            });
        }
        Card(BoardColumn.Awareness, 3, "The case often starts ten minutes late because we chat first.", 6);
        Card(BoardColumn.Awareness, 4, "Nobody has asked Noor how her case turned out.", 2);
        Card(BoardColumn.Test, 2, "Until the next meeting: the host keeps time for the check-in, two minutes each.", 9);
        Card(BoardColumn.Test, 0, "Try one reflection each instead of questions, then the focus person chooses what to take.", 4);
        Card(BoardColumn.Mastery, 2, "We start on time, even when someone is missing; they join when they can.", 20);
        Card(BoardColumn.Mastery, 3, "The focus person says what kind of help they want before we begin.", 16);
        Card(BoardColumn.Tasks, 4, "Find a practice for the retrospective at the end of the term.", 5);
        Card(BoardColumn.Around, 3, "Around all week; slow to answer at weekends.", 1);
        Card(BoardColumn.Around, 0, "Away Thursday to Sunday, back for Tuesday.", 1);
        Card(BoardColumn.ToDo, 2, "Tomas: send the link to the call on Monday evening.", 3);
        Card(BoardColumn.Done, 4, "Kofi: shared the notes from the last case.", 7);
        Card(BoardColumn.KnownVoid, 2, "Inviting a fifth person: none of us has the room for it this cycle.", 3);

        // Riverside's own practice, written by one of its hosts, and a few cards of its own and the crew's.
        var practice = new LibraryPractice { Id = Guid.NewGuid(), CongregationId = riverside.Id, Slug = "river-walk-check-in", CurrentVersion = 1, CreatedAt = now.AddDays(-12), UpdatedAt = now.AddDays(-12) };
        practice.Versions.Add(new LibraryPracticeVersion
        {
            Id = Guid.NewGuid(),
            PracticeId = practice.Id,
            Number = 1,
            Title = "River walk check-in",
            Text = RiverWalk,
            Note = "How we open our gatherings by the river.",
            ChangedParts = "new practice",
            EditorUserId = Id(0),
            EditedAt = now.AddDays(-12),
        });
        db.LibraryPractices.Add(practice);
        void Own(Guid? crewId, Guid? congregationId, string kind, int author, string text, int daysAgo) => db.OwnCards.Add(new OwnCard
        {
            Id = Guid.NewGuid(),
            CrewId = crewId,
            CongregationId = congregationId,
            Kind = kind,
            Text = text,
            AuthorUserId = Id(author),
            CreatedAt = now.AddDays(-daysAgo),
        });
        Own(null, riverside.Id, "starter", 0, "What did the river carry away for you this month?", 11);
        Own(null, riverside.Id, "mission", 1, "Before the next gathering, have tea with a member you have not yet met.", 10);
        Own(null, riverside.Id, "activity", 0, "Walk in pairs to the bridge and back; swap who talks halfway.", 9);
        Own(crew.Id, null, "starter", 3, "Which case of ours would you like to hear the end of?", 5);
        Own(crew.Id, null, "mission", 2, "Send one crewmate a line about something they said that stayed with you.", 4);
        await db.SaveChangesAsync();
    }

    private const string RiverWalk = """
        ---
        title: River walk check-in
        summary: A check-in on foot, in pairs, before a gathering begins.
        purpose: >-
          Arriving is easier side by side than face to face. Walking in pairs along the river lets each person
          say how they are before the whole circle meets, and nobody arrives a stranger.
        scales: [congregation]
        minutes: 20
        timed_for: a circle of twelve, walking in pairs
        origin: Riverside Congregation's own way of opening a gathering, written down by its hosts.
        roles:
          - name: Host
            does: Pairs people up, keeps the time and calls everyone back.
        steps:
          - title: Pair up
            minutes: 2
            what: The host pairs people who know each other least.
            host_says: >-
              Find the person here you know least, and walk with them to the bridge.
          - title: Walk out
            minutes: 8
            what: One person speaks on the way out, the other listens.
            host_says: >-
              On the way out, one of you says how you are arriving. The other only listens.
          - title: Walk back
            minutes: 8
            what: Swap on the way back.
            host_says: >-
              At the bridge, swap. The listener speaks on the way back.
          - title: Arrive
            minutes: 2
            what: Everyone back in the circle; each pair says one word.
            host_says: >-
              Back in the circle: each pair, one word for the walk.
        prompts:
          - What are you bringing with you today?
          - What would you like to leave by the river?
        variations:
          - In the rain, walk the corridor of the hall instead.
        online: In breakout rooms of two, cameras off, each person walking where they are.
        in_person: Along the river path to the bridge and back.
        ---
        The walk ends at the circle, not at the bridge: the host waits at the meeting place.
        """;
}
