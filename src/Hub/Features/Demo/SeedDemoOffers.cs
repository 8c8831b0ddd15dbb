using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Offers;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// Riverside's offers and requests: four offers (bookkeeping hours, a workshop bench, a translation lead, an evening of
/// website help) and two requests (a quiet room to write in, someone to review a grant application), one answered.
/// </summary>
internal static class SeedDemoOffers
{
    public static async Task RunAsync(HubDbContext db, DateTime now)
    {
        var riverside = await db.Congregations.SingleAsync(c => c.Slug == "riverside");
        var people = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Email!, u => u.Id);
        string Id(int index) => people[SeedDemoCommunity.People[index].Email];
        OfferPost Post(int person, OfferPostKind kind, OfferCategory category, string title, string details, string skills, string place, bool online,
            int daysLeft, int daysAgo) => new()
            {
                Id = Guid.NewGuid(),
                Kind = kind,
                Category = category,
                CongregationId = riverside.Id,
                PosterUserId = Id(person),
                Title = title,
                Details = details,
                Skills = skills,
                Place = place,
                Online = online,
                ExpiresAt = now.AddDays(daysLeft),
                CreatedAt = now.AddDays(-daysAgo),
            };
        var bookkeeping = Post(0, OfferPostKind.Offer, OfferCategory.Skill, "Two hours of bookkeeping help a month",
            "I keep the books for two cooperatives. If your year-end or your first invoices worry you, I can sit with you for two hours a month until spring.\n\n- Spreadsheets or a simple ledger\n- I do not file taxes for anyone",
            "bookkeeping, spreadsheets, invoicing", "Lisbon, Alcântara", true, 40, 6);
        var bench = Post(1, OfferPostKind.Offer, OfferCategory.Tools, "A workshop bench and hand tools on Saturday mornings",
            "My shared workshop has a free bench on Saturday mornings. Bring your project; the saws, clamps and sanders are there.",
            "woodwork, repairs", "Lisbon, Marvila", false, 25, 10);
        var translation = Post(5, OfferPostKind.Offer, OfferCategory.WorkLead, "A translation lead I cannot take",
            "A friend's small publisher asked me to translate a 40-page guide from Portuguese into English by the end of next month. I am too new to the language; they pay fairly and are kind to work with.",
            "translation, Portuguese, English", "", true, 12, 2);
        var website = Post(4, OfferPostKind.Offer, OfferCategory.Time, "An evening of help with your website",
            "One evening a week I can help a member or a crew set up or tidy a simple website. Bring the words; we make it together.",
            "web design, writing for the web", "", true, 30, 4);
        var room = Post(3, OfferPostKind.Request, OfferCategory.Space, "A quiet room to write in, two mornings a week",
            "I am finishing a long report and my flat is loud. A spare room or a corner of a studio, two mornings a week for a month, would help a lot. I can pay a little or trade hours of editing.",
            "editing, proofreading", "Lisbon", false, 20, 3);
        var grant = Post(2, OfferPostKind.Request, OfferCategory.Skill, "Someone to read our grant application before we send it",
            "Our case clinic crew is applying for a small fund for the community kitchen. We would love one careful reader with grant experience, for an hour, before the deadline.",
            "grant writing, fundraising", "", true, 15, 1);
        db.OfferPosts.AddRange(bookkeeping, bench, translation, website, room, grant);
        db.OfferAnswers.Add(new OfferAnswer
        {
            Id = Guid.NewGuid(),
            PostId = room.Id,
            FromUserId = Id(1),
            Message = "The workshop has a small office at the back that nobody uses before noon. Tuesday and Thursday mornings are yours if you like; come by on Saturday and I will show you.",
            ShareEmail = false,
            SentAt = now.AddDays(-2),
        });
        await db.SaveChangesAsync();
    }
}
