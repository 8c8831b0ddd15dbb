using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Conversations;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// Three conversations in Riverside (lifts to the autumn gathering, with replies from Noor and Kofi, a reaction
/// and an edited post; a spare desk; soup after the full-moon call, closed once settled) and one in the Tuesday
/// case clinic, so the crew's own threads show too; and one among the network's hosts (Hanna of the Online Commons
/// asks, Ilse of Riverside answers), so a host finds the space already in use.
/// </summary>
internal static class SeedDemoConversations
{
    public static async Task RunAsync(HubDbContext db, DateTime now)
    {
        var riverside = await db.Congregations.SingleAsync(c => c.Slug == "riverside");
        var clinic = await db.Crews.Where(c => c.Name == "Tuesday case clinic").Select(c => c.Id).FirstOrDefaultAsync();
        var people = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Email!, u => u.Id);
        string Id(int index) => people[SeedDemoCommunity.People[index].Email];

        ConversationThread Thread(string title, int startedBy, double daysAgo, Guid? congregation, Guid? crew = null) => new()
        {
            Id = Guid.NewGuid(),
            CongregationId = congregation,
            CrewId = crew,
            Title = title,
            StartedByUserId = Id(startedBy),
            CreatedAt = now.AddDays(-daysAgo),
            LastPostAt = now.AddDays(-daysAgo),
        };
        ConversationPost Post(ConversationThread thread, int author, double daysAgo, string text)
        {
            var post = new ConversationPost { Id = Guid.NewGuid(), ThreadId = thread.Id, AuthorUserId = Id(author), Text = text, CreatedAt = now.AddDays(-daysAgo) };
            thread.Posts.Add(post);
            if (post.CreatedAt > thread.LastPostAt)
            {
                thread.LastPostAt = post.CreatedAt;
            }
            return post;
        }

        var lifts = Thread("Lifts to the autumn gathering", 3, 4, riverside.Id);
        Post(lifts, 3, 4, "Who is driving to the autumn gathering at the farm? I can take **three people** from Alcântara on Saturday morning, leaving around 9:00.\n\n"
            + "If you need a lift, or have seats, say so here and we can sort it out together.");
        var noor = Post(lifts, 2, 3.8, "I'd love a seat, @Pilar Vance. I can bring a flask of coffee and the folding chairs from the co-working.");
        noor.Versions.Add(new ConversationPostVersion { Id = Guid.NewGuid(), PostId = noor.Id, Text = "I'd love a seat, @Pilar Vance.", WrittenAt = noor.CreatedAt, ReplacedAt = noor.CreatedAt.AddMinutes(6) });
        noor.EditedAt = noor.CreatedAt.AddMinutes(6);
        var kofi = Post(lifts, 4, 3.5, "I have two seats from Almada, leaving a bit later (around 10:30). Anyone on the south side of the river, come with me.");
        Post(lifts, 3, 3.2, "Wonderful. So far: Noor with me, two seats left with Kofi. I'll post the final list on Thursday.");
        noor.Reactions.Add(new ConversationReaction { Id = Guid.NewGuid(), PostId = noor.Id, UserId = Id(3), Kind = ConversationReactionKind.ThankYou, CreatedAt = now.AddDays(-3.7) });
        kofi.Reactions.Add(new ConversationReaction { Id = Guid.NewGuid(), PostId = kofi.Id, UserId = Id(3), Kind = ConversationReactionKind.PlusOne, CreatedAt = now.AddDays(-3.4) });
        kofi.Reactions.Add(new ConversationReaction { Id = Guid.NewGuid(), PostId = kofi.Id, UserId = Id(5), Kind = ConversationReactionKind.ThankYou, CreatedAt = now.AddDays(-3.3) });

        var desk = Thread("A spare desk at the co-working, Mondays and Fridays", 5, 1.5, riverside.Id);
        Post(desk, 5, 1.5, "My desk by the window is free on Mondays and Fridays until the end of the year. Bring your own mug; the plant needs water on Fridays.");

        var soup = Thread("Soup after the full-moon call?", 1, 12, riverside.Id);
        Post(soup, 1, 12, "After the next full-moon call, shall we cook a big pot of soup at my place for whoever is around? Nothing fancy: bring bread or a bit of cheese.");
        Post(soup, 0, 11.5, "Yes please. I'll bring lentils and a second pot.");
        soup.ClosedAt = now.AddDays(-9);
        soup.ModeratedByUserId = Id(1);
        soup.ModerationReason = "Settled: soup at Tomas's after the call. Thank you all!";

        var hosts = Thread("How long do you keep a crew call open?", 7, 6, null);
        hosts.ForNetworkHosts = true;
        Post(hosts, 7, 6, "Our last crew call closed after ten days with only two people, and the crew never started. "
            + "How long do you leave a call open, and do you nudge people who said maybe?");
        Post(hosts, 0, 5.5, "We keep ours open until the gathering after next, about three weeks, and the hosts mention it at the gathering itself. "
            + "Most people join in the last few days, once they have met the caller in person.");

        db.ConversationThreads.AddRange(lifts, desk, soup, hosts);
        if (clinic != Guid.Empty)
        {
            var clinicThread = Thread("Reading for next Tuesday", 2, 2, null, clinic);
            Post(clinicThread, 2, 2, "Before next week, I'd like us to read the short essay on listening in the handbook. It fits the case I want to bring.");
            Post(clinicThread, 0, 1.6, "Read it on the train this morning. Looking forward to Tuesday.");
            db.ConversationThreads.Add(clinicThread);
        }
        await db.SaveChangesAsync();
    }
}
