using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Platform.Data;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// A small community of invented people, so a new host sees the hub in use. Each capability adds
/// its part here (congregations, crews, gatherings, the commons...). Safe to run twice.
/// </summary>
public static class SeedDemoCommunity
{
    /// <summary>Invented names; the addresses use the reserved .example domain, so no mail reaches anyone.</summary>
    internal static readonly (string Name, string Email)[] People =
    [
        ("Ilse Marrow", "ilse@demo.hub.example"),
        ("Tomas Brightwater", "tomas@demo.hub.example"),
        ("Noor Haddad-Lind", "noor@demo.hub.example"),
        ("Pilar Vance", "pilar@demo.hub.example"),
        ("Kofi Mensah-Reed", "kofi@demo.hub.example"),
        ("Wren Castellano", "wren@demo.hub.example"),
        ("Sami Ortolan", "sami@demo.hub.example"),
        ("Hanna Birchfield", "hanna@demo.hub.example"),
        ("Dario Fennimore", "dario@demo.hub.example"),
        ("Mele Tupou-Hart", "mele@demo.hub.example"),
    ];

    /// <summary>
    /// The languages some demo members chose: two near Lisbon read the hub in Portuguese, the online commons' host in
    /// Berlin in German; the others never chose, so their pages follow their browser and their emails are in English.
    /// </summary>
    private static string? DemoLanguage(string email) => email switch
    {
        "noor@demo.hub.example" or "pilar@demo.hub.example" => "pt-PT",
        "hanna@demo.hub.example" => "de",
        _ => null,
    };

    /// <summary>Two congregations, each held by two hosts, with Friends and Partners and one request waiting.</summary>
    private static async Task SeedCongregationsAsync(HubDbContext db, DateTime now)
    {
        var people = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Email!, u => u.Id);
        string Id(int index) => people[People[index].Email];

        Congregation Make(string slug, string name, string purpose, string place, bool online, string languages, MembershipPolicy policy, string questions)
        {
            var c = new Congregation
            {
                Id = Guid.NewGuid(),
                Slug = slug,
                Name = name,
                Purpose = purpose,
                Place = place,
                IsOnline = online,
                Languages = languages,
                Policy = policy,
                JoinQuestions = questions,
                CreatedAt = now.AddMonths(-14),
            };
            c.Levels.Add(new MembershipLevel { Id = Guid.NewGuid(), CongregationId = c.Id, Name = "Friend", Rank = 0 });
            c.Levels.Add(new MembershipLevel { Id = Guid.NewGuid(), CongregationId = c.Id, Name = "Partner", Rank = 1, CanInvite = true });
            db.Congregations.Add(c);
            return c;
        }

        void Member(Congregation c, int person, bool partner, bool host, int monthsAgo, bool careContact = false) => db.Memberships.Add(new Membership
        {
            Id = Guid.NewGuid(),
            CongregationId = c.Id,
            UserId = Id(person),
            LevelId = c.Levels[partner ? 1 : 0].Id,
            IsHost = host,
            JoinedAt = now.AddMonths(-monthsAgo),
            IsCareContact = careContact,
            AgreementsAcceptedAt = now.AddMonths(-monthsAgo),
        });

        var riverside = Make("riverside", "Riverside Congregation",
            "Freelancers and cooperators along the river who gather at the spring and autumn full moons, so that crews can form and work can be shared.",
            "Lisbon", false, "English, Português", MembershipPolicy.Request, "What draws you to Riverside?\nWhich crew or project are you part of now, if any?");
        (riverside.Latitude, riverside.Longitude) = (38.71, -9.14); // on the map, by the river
        Member(riverside, 0, partner: true, host: true, 14);
        // Two care contacts, one a host and one not, so that a concern about either can go to the other.
        Member(riverside, 1, partner: true, host: true, 14, careContact: true);
        Member(riverside, 2, partner: true, host: false, 11, careContact: true);
        // Agreements published before anyone joined, so every member accepted them on joining.
        riverside.AgreementsPublishedAt = now.AddMonths(-15);
        db.CongregationAgreements.Add(new CongregationAgreement
        {
            Id = Guid.NewGuid(),
            CongregationId = riverside.Id,
            PublishedAt = now.AddMonths(-15),
            Text = "## How we are together\n\n- We listen to understand, and let each person finish.\n- What is shared in a crew stays in the crew.\n"
                + "- Anyone may say no to an invitation, without giving a reason.\n- We ask before we touch, photograph or post about someone.\n\n"
                + "## When something goes wrong\n\nTell the person, if you feel safe to, or raise a concern with our two care contacts. "
                + "They acknowledge it within three days and keep it between you and them.",
        });
        Member(riverside, 3, partner: false, host: false, 9);
        Member(riverside, 4, partner: false, host: false, 6);
        Member(riverside, 5, partner: false, host: false, 2);

        var online = Make("online-commons", "Online Commons",
            "An online congregation for people far from any other: monthly calls on the new moon, a yearly gathering, crews that meet by video.",
            "", true, "English", MembershipPolicy.Open, "");
        Member(online, 6, partner: true, host: true, 8);
        Member(online, 7, partner: true, host: true, 8);
        Member(online, 5, partner: false, host: false, 3);
        Member(online, 8, partner: false, host: false, 1);

        db.JoinRequests.Add(new JoinRequest
        {
            Id = Guid.NewGuid(),
            CongregationId = riverside.Id,
            UserId = Id(9),
            Status = JoinRequestStatus.Pending,
            CreatedAt = now.AddDays(-2),
            Answers = "I moved to Lisbon last month and a friend from my old crew told me about Riverside.\nNo crew yet: I would love to find one.",
        });
        var welcome = new WorkingGroup
        {
            Id = Guid.NewGuid(),
            CongregationId = riverside.Id,
            Name = "Autumn gathering team",
            Purpose = "Find a venue by the river, plan the two days, and make sure every newcomer is welcomed by name.",
            EndsOn = DateOnly.FromDateTime(now.AddMonths(2)),
            StartedByUserId = Id(1),
            CreatedAt = now.AddDays(-20),
        };
        foreach (var person in new[] { 1, 3, 4 })
        {
            welcome.Members.Add(new WorkingGroupMember { WorkingGroupId = welcome.Id, UserId = Id(person), JoinedAt = now.AddDays(-20 + person) });
        }
        db.WorkingGroups.Add(welcome);
        await db.SaveChangesAsync();

        // A crew of Riverside in the middle of its second term, and one closed after its first.
        var crew = new Crew
        {
            Id = Guid.NewGuid(),
            Name = "Tuesday case clinic",
            Purpose = "Peer coaching: each week one of us brings a challenge, the others listen and reflect.",
            CongregationId = riverside.Id,
            CallerUserId = Id(2),
            MeetingsPerTerm = 6,
            Cadence = CrewCadence.Weekly,
            SlotDay = DayOfWeek.Tuesday,
            SlotTime = new TimeOnly(19, 0),
            TimeZone = "Europe/Lisbon",
            Stage = CrewStage.Meeting,
            JoinedCount = 4,
            CreatedAt = now.AddDays(-100),
        };
        int[] crewPeople = [2, 3, 4, 0];
        for (var i = 0; i < crewPeople.Length; i++)
        {
            crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crew.Id, UserId = Id(crewPeople[i]), Status = CrewMemberStatus.Joined, Position = i, InvitedAt = now.AddDays(-100), JoinedAt = now.AddDays(-99) });
        }
        db.Crews.Add(crew);
        if (CrewSchedule.FindZone(crew.TimeZone) is { } lisbon)
        {
            // Its first term of six was held, ending with a retrospective where everyone chose to go on
            // (SeedDemoRetrospectives adds what they shared and the changes they carried into term 2).
            var first = CrewSchedule.NextDate(crew, lisbon, now).PlusWeeks(-2);
            db.CrewMeetings.AddRange(CrewSchedule.Plan(crew, first.PlusWeeks(-9), [.. crewPeople.Select(Id)], lisbon));
            crew.Term = 2;
            crew.RetrospectiveNoticeTerm = 1;
            crew.LastOutcome = "The crew continues, all four of you.";
            // Term 2: two meetings held, four to come: it began two weeks before the slot's next date.
            var meetings = CrewSchedule.Plan(crew, first, [.. crewPeople.Select(Id)], lisbon);
            meetings[0].Notes = "Check-in went long; we agreed to keep it to two minutes each. Case: finding fewer, better clients.";
            db.CrewMeetings.AddRange(meetings);
        }
        var closed = new Crew
        {
            Id = Guid.NewGuid(),
            Name = "Spring experiment",
            Purpose = "A first try at a crew after the spring gathering.",
            CongregationId = riverside.Id,
            CallerUserId = Id(5),
            MeetingsPerTerm = 6,
            Cadence = CrewCadence.Fortnightly,
            SlotDay = DayOfWeek.Thursday,
            SlotTime = new TimeOnly(12, 30),
            TimeZone = "Europe/Lisbon",
            Stage = CrewStage.Disbanded,
            JoinedCount = 3,
            CreatedAt = now.AddMonths(-7),
            LastOutcome = "The experiment has ended and the crew closes here. It stays in your history; new crews form at every gathering.",
        };
        int[] closedPeople = [5, 1, 3];
        for (var i = 0; i < closedPeople.Length; i++)
        {
            closed.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = closed.Id, UserId = Id(closedPeople[i]), Status = CrewMemberStatus.Joined, Position = i, InvitedAt = now.AddMonths(-7), JoinedAt = now.AddMonths(-7) });
        }
        db.Crews.Add(closed);
        if (CrewSchedule.FindZone(closed.TimeZone) is { } zone)
        {
            // Its six fortnightly meetings were held, so the care view's trend shows its months in a crew.
            db.CrewMeetings.AddRange(CrewSchedule.Plan(closed, CrewSchedule.NextDate(closed, zone, now.AddMonths(-7)), [.. closedPeople.Select(Id)], zone));
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Returns false when the demo community was there already.</summary>
    public static async Task<bool> RunAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        if (await HubSettings.HasAsync(db, HubSettings.DemoSeeded))
        {
            return false;
        }
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (name, email) in People)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }
            var person = new HubUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                CreatedAt = now,
                IsDemo = true,
                Language = DemoLanguage(email),
            };
            // Demo people have no password: they are there to be seen, not to sign in as.
            var created = await users.CreateAsync(person);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not add demo person {name}: " +
                    string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }
        await db.SaveChangesAsync();
        await SeedCongregationsAsync(db, now);
        await SeedDemoSelves.RunAsync(db, now);
        await SeedDemoUpdates.RunAsync(db, scope.ServiceProvider, now);
        await SeedDemoCommons.RunAsync(scope.ServiceProvider, now);
        await SeedDemoGatherings.RunAsync(db, now);
        await SeedDemoGatheringCrews.RunAsync(db, now);
        await SeedDemoFormationRound.RunAsync(db, now);
        await SeedDemoCrewCalls.RunAsync(db, now);
        await SeedDemoRetrospectives.RunAsync(db, now);
        await SeedDemoMeetings.RunAsync(db, now);
        await SeedDemoDecisions.RunAsync(db, now);
        await SeedDemoOffers.RunAsync(db, now);
        await SeedDemoConversations.RunAsync(db, now);
        await SeedDemoResponsibilities.RunAsync(db, now);
        await SeedDemoHostingTogether.RunAsync(db, now);
        await SeedDemoIntroductions.RunAsync(db, now);
        await SeedDemoCohort.RunAsync(db, now);
        await SeedDemoBoards.RunAsync(db, now);
        await SeedDemoHandbook.RunAsync(services);
        await SeedDemoCovers.RunAsync(db, scope.ServiceProvider);
        await HubSettings.SetAsync(db, HubSettings.DemoSeeded, "true", now);
        await db.SaveChangesAsync();
        return true;
    }
}
