using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// Riverside's register of responsibilities: Ilse, who started it, still holds several and is handing them out; her
/// hand-over of the welcome to Wren waits for Wren's answer, and the money is due for review.
/// </summary>
internal static class SeedDemoResponsibilities
{
    public static async Task RunAsync(HubDbContext db, DateTime now)
    {
        var riverside = await db.Congregations.SingleAsync(c => c.Slug == "riverside");
        var people = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Email!, u => u.Id);
        string Id(int index) => people[SeedDemoCommunity.People[index].Email];
        var today = DateOnly.FromDateTime(now);

        Responsibility Add(string name, string description, int? reviewInDays, params (int Person, int MonthsAgo)[] holders)
        {
            var r = new Responsibility
            {
                Id = Guid.NewGuid(),
                CongregationId = riverside.Id,
                Name = name,
                Description = description,
                ReviewOn = reviewInDays is { } days ? today.AddDays(days) : null,
                CreatedAt = now.AddMonths(-13),
            };
            // A date already past was told about when it came.
            r.ReviewNoticeFor = r.ReviewOn <= today ? r.ReviewOn : null;
            r.Holders.AddRange(holders.Select(h => new ResponsibilityHolder { ResponsibilityId = r.Id, UserId = Id(h.Person), Since = now.AddMonths(-h.MonthsAgo) }));
            db.Responsibilities.Add(r);
            return r;
        }

        Add("Hosting the gatherings", "Finds the room and the date for the spring and autumn full moons, invites everyone, and holds the day with a co-host.", 75, (0, 13), (1, 13));
        Add("The chat", "Lets new members into the group chat, keeps the channels tidy, and reminds us of the agreements when it gets heated.", null, (2, 10));
        Add("The money", "Keeps the common pot: collects the monthly contributions, pays the room and the childcare, and shows the numbers at each gathering.", -9, (1, 12));
        Add("The newsletter", "Gathers news from the crews and working groups and sends the letter out after each full moon.", 120, (3, 5));
        var welcome = Add("Welcoming newcomers", "Answers requests to join within a week, meets each newcomer for a coffee, and introduces them to a crew with room.", 60, (0, 13));
        Add("Accounts elsewhere", "Keeps the list of Riverside's accounts on other sites (the web address, the bank, the video calls, the shared folder) and who can get into each.", 150, (0, 13));

        db.ResponsibilityOffers.Add(new ResponsibilityOffer
        {
            Id = Guid.NewGuid(),
            ResponsibilityId = welcome.Id,
            CongregationId = riverside.Id,
            UserId = Id(5),
            OfferedByUserId = Id(0),
            HandOverFromUserId = Id(0),
            Note = "You were new not long ago and you remember what helped. I'd walk you through the first two requests with you, and I'm a message away after that.",
            Status = OfferStatus.Waiting,
            CreatedAt = now.AddDays(-3),
        });
        db.CongregationHostActions.Add(new CongregationHostAction
        {
            Id = Guid.NewGuid(),
            CongregationId = riverside.Id,
            ByUserId = Id(3),
            What = "took over the responsibility The newsletter from Ilse Marrow",
            At = now.AddMonths(-5),
        });
        await db.SaveChangesAsync();
    }
}
