using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Data.People;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// The Self and Pair scales of the demo: profiles with their own visibility choices and usual free
/// hours (so shared slots and formation rounds have something to work with), and a running dyad.
/// Journals stay empty: they are private even in a demo.
/// </summary>
internal static class SeedDemoSelves
{
    private sealed record Self(string Pronouns, string Bio, string Interests, string Offers, string Seeks, string City, string Zone,
        (DayOfWeek Day, int From, int To)[] Free);

    private static readonly Self[] Selves =
    [
        new("she/her", "Gardener and bookkeeper for two housing co-ops. I host Riverside because I needed it to exist.",
            "cooperatives, gardening, facilitation", "Bookkeeping help for small groups", "A peer coach for hosting", "Lisbon", "Europe/Lisbon",
            [(DayOfWeek.Tuesday, 18, 21), (DayOfWeek.Thursday, 18, 21)]),
        new("he/him", "Carpenter. I like meetings that end on time.", "woodwork, conflict, walking", "Building things", "Better listening",
            "Lisbon", "Europe/Lisbon", [(DayOfWeek.Tuesday, 19, 22), (DayOfWeek.Saturday, 9, 12)]),
        new("they/them", "Researcher on mutual aid. Called the Tuesday case clinic.", "mutual aid, research, case clinic", "Reading drafts",
            "A crew that stays", "Porto", "Europe/Lisbon", [(DayOfWeek.Tuesday, 18, 21), (DayOfWeek.Wednesday, 18, 20)]),
        new("she/her", "Nurse on night shifts; mornings are my evenings.", "care work, sleep, choirs", "Listening", "Rest",
            "", "Europe/Lisbon", [(DayOfWeek.Monday, 9, 12), (DayOfWeek.Tuesday, 19, 21)]),
        new("he/him", "Software developer learning to slow down.", "open source, cycling, cooperatives", "Web help", "Accountability",
            "", "Africa/Accra", [(DayOfWeek.Tuesday, 18, 21), (DayOfWeek.Sunday, 16, 19)]),
        new("", "New here. Curious about crews.", "music, cooking", "", "Friends in a new city", "", "Europe/Lisbon",
            [(DayOfWeek.Thursday, 19, 22)]),
        new("he/him", "Teacher in a small town, far from any congregation.", "education, permaculture", "Lesson plans", "A crew online",
            "", "America/Toronto", [(DayOfWeek.Thursday, 13, 16)]),
        new("she/her", "Hosts the online commons with Sami.", "facilitation, online meetings", "Hosting calls", "Co-hosts",
            "", "Europe/Berlin", [(DayOfWeek.Thursday, 19, 21)]),
        new("", "", "", "", "", "", "Europe/Rome", []),
        new("she/her", "Moved to Lisbon last month.", "dance, languages", "Portuguese practice", "A crew", "Lisbon", "Europe/Lisbon",
            [(DayOfWeek.Tuesday, 18, 20)]),
    ];

    /// <summary>Skills, by the same order as the people, so a congregation's members can be found by skill.</summary>
    private static readonly string[] SkillsOf =
    [
        "bookkeeping, facilitation, gardening", "carpentry, repairs", "research, grant writing, facilitation", "care work, listening",
        "web design, programming", "cooking", "teaching, permaculture", "facilitation, online meetings", "", "Portuguese, dance",
    ];

    public static async Task RunAsync(HubDbContext db, DateTime now)
    {
        var people = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Email!, u => u.Id);
        string Id(int index) => people[SeedDemoCommunity.People[index].Email];
        for (var i = 0; i < Selves.Length; i++)
        {
            var s = Selves[i];
            var grid = new char[168];
            Array.Fill(grid, '0');
            foreach (var (day, from, to) in s.Free)
            {
                for (var hour = from; hour < to; hour++)
                {
                    grid[((int)day + 6) % 7 * 24 + hour] = '1'; // the grid starts on Monday
                }
            }
            db.Profiles.Add(new Profile
            {
                UserId = Id(i),
                Pronouns = s.Pronouns,
                Bio = s.Bio,
                Interests = s.Interests,
                Offers = s.Offers,
                Skills = SkillsOf[i],
                Seeks = s.Seeks,
                City = s.City,
                TimeZone = s.Zone,
                Availability = new string(grid),
                UpdatedAt = now.AddDays(-i),
                // Not everyone shares the same: one person shows their bio to everyone, one keeps their city to themselves.
                BioVisibility = i == 0 ? Visibility.Everyone : Visibility.MyGroups,
                CityVisibility = i == 1 ? Visibility.OnlyMe : Visibility.MyGroups,
            });
        }
        var dyad = new Dyad
        {
            Id = Guid.NewGuid(),
            Kind = DyadKind.PeerCoaching,
            CheckInPractice = "peer-coaching-pair", // their check-ins follow the library's practice for pairs
            ProposerUserId = Id(0),
            PartnerUserId = Id(3),
            Intention = "Two hosts coaching each other through the autumn gathering.",
            TermWeeks = 8,
            Status = DyadStatus.Active,
            ProposedAt = now.AddDays(-24),
            StartedAt = now.AddDays(-23),
            EndsAt = now.AddDays(-23 + 8 * 7),
        };
        dyad.CheckIns.Add(new DyadCheckIn
        {
            Id = Guid.NewGuid(),
            DyadId = dyad.Id,
            AuthorUserId = Id(3),
            WrittenAt = now.AddDays(-9),
            Text = "Talked about saying no to a third project. Next: one conversation with the venue, not five.",
        });
        db.Dyads.Add(dyad);
        await db.SaveChangesAsync();
    }
}
