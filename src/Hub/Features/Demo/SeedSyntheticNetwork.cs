using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.Conversations;
using Microsolidarity.Hub.Data.Crews;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// A large synthetic network of invented people for load tests ("200 congregations of 200"):
/// <c>hub seed --members 40000 --congregations 200</c>. People get no password and cannot sign in.
/// <c>--posts N</c> adds conversations: N posts shared out over the congregations, the first congregation's first
/// thread 200 posts long (the longest a load test reads), the rest threads of ten.
/// Written in batches with change tracking off, so 40,000 people take seconds, not minutes.
/// </summary>
public static class SeedSyntheticNetwork
{
    private static readonly string[] Given = ["Ada", "Bram", "Cleo", "Dario", "Edda", "Femi", "Gale", "Hedda", "Ilan", "Juno", "Kaia", "Lio",
        "Mira", "Nils", "Odile", "Pim", "Quinn", "Rosa", "Sol", "Tove", "Ugo", "Vera", "Wim", "Xeni", "Yara", "Zeno"];
    private static readonly string[] Family = ["Alder", "Brook", "Cairn", "Dune", "Ember", "Fern", "Glen", "Heath", "Isle", "Juniper", "Kestrel",
        "Linden", "Marsh", "Nettle", "Orchard", "Pine", "Quarry", "Rowan", "Sedge", "Thistle", "Umber", "Vale", "Willow", "Yarrow"];
    private static readonly string[] Places = ["Lisbon", "Porto", "Berlin", "Leipzig", "Ghent", "Lyon", "Bologna", "Kraków", "Tartu", "Cork",
        "Toronto", "Oaxaca", "Montevideo", "Wellington", "Online"];

    /// <summary>Where each place is on the map (the same order as <see cref="Places"/>; online has none).</summary>
    private static readonly (double Latitude, double Longitude)?[] Coordinates = [(38.72, -9.14), (41.15, -8.61), (52.52, 13.40), (51.34, 12.37),
        (51.05, 3.72), (45.76, 4.84), (44.49, 11.34), (50.06, 19.94), (58.38, 26.72), (51.90, -8.47), (43.65, -79.38), (17.07, -96.73),
        (-34.90, -56.16), (-41.29, 174.78), null];

    /// <summary>How long the first congregation's first thread is: the thread a load test reads.</summary>
    public const int LongestThread = 200;

    /// <summary>How many posts each other thread has.</summary>
    private const int ThreadLength = 10;

    public static async Task<(int People, int Congregations, string? LongThreadPath)> RunAsync(IServiceProvider services, int members, int congregations,
        TimeProvider time, int posts = 0)
    {
        if (members < 0 || congregations < 0 || (congregations > 0 && members < congregations * 2))
        {
            throw new ArgumentException("Give at least two members per congregation (each is held by two hosts).");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var run = Guid.NewGuid().ToString("N")[..6];
        string? longThreadPath = null;
        var ids = new List<string>(members);
        const int batch = 2000;
        for (var start = 0; start < members; start += batch)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(members, start + batch); i++)
            {
                var email = $"member{i}.{run}@synthetic.hub.example";
                var user = new HubUser
                {
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    DisplayName = $"{Given[i % Given.Length]} {Family[i / Given.Length % Family.Length]}",
                    CreatedAt = now,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                };
                ids.Add(user.Id);
                db.Users.Add(user);
            }
            await db.SaveChangesAsync();
        }
        for (var c = 0; c < congregations; c++)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var place = Places[c % Places.Length];
            var at = Coordinates[c % Places.Length];
            var congregation = new Congregation
            {
                Id = Guid.NewGuid(),
                Slug = $"synthetic-{run}-{c}",
                Name = $"{place} Congregation {c}",
                Purpose = "A synthetic congregation for load tests.",
                Place = place == "Online" ? "" : place,
                IsOnline = place == "Online",
                // Several congregations share a city: each a little apart (up to a few tens of kilometres), so all are seen.
                Latitude = at is null ? null : Math.Round(at.Value.Latitude + 0.25 * Math.Sin(c), 2),
                Longitude = at is null ? null : Math.Round(at.Value.Longitude + 0.35 * Math.Cos(c), 2),
                Languages = "English",
                Policy = (MembershipPolicy)(c % 3),
                CreatedAt = now,
            };
            var friend = new MembershipLevel { Id = Guid.NewGuid(), CongregationId = congregation.Id, Name = "Friend", Rank = 0 };
            var partner = new MembershipLevel { Id = Guid.NewGuid(), CongregationId = congregation.Id, Name = "Partner", Rank = 1, CanInvite = true };
            congregation.Levels.AddRange([friend, partner]);
            db.Congregations.Add(congregation);
            // Members are dealt out in turn, so every congregation gets the same share.
            var position = 0;
            for (var i = c; i < ids.Count; i += congregations, position++)
            {
                db.Memberships.Add(new Membership
                {
                    Id = Guid.NewGuid(),
                    CongregationId = congregation.Id,
                    UserId = ids[i],
                    IsHost = position < 2,
                    LevelId = position < 10 ? partner.Id : friend.Id,
                    JoinedAt = now.AddDays(-position % 400),
                });
            }
            var people = Enumerable.Range(0, position).Select(p => ids[c + p * congregations]).ToList();
            AddCrews(db, congregation, people, now);
            if (posts > 0)
            {
                // The posts shared out evenly; the remainder goes to the first congregations.
                var share = posts / congregations + (c < posts % congregations ? 1 : 0);
                var longest = AddConversations(db, congregation, people, share, first: c == 0, now);
                if (longest is { } thread)
                {
                    longThreadPath = $"/congregations/{congregation.Slug}/conversations/{thread}";
                }
            }
            await db.SaveChangesAsync();
        }
        return (members, congregations, longThreadPath);
    }

    /// <summary>
    /// Threads of the congregation's members, a post every few minutes, newest last: the first congregation's first
    /// thread is <see cref="LongestThread"/> posts long, every other thread <see cref="ThreadLength"/>. Returns the long thread's id.
    /// </summary>
    private static Guid? AddConversations(HubDbContext db, Congregation congregation, IReadOnlyList<string> members, int posts, bool first, DateTime now)
    {
        Guid? longest = null;
        var written = 0;
        for (var t = 0; written < posts; t++)
        {
            var length = Math.Min(posts - written, first && t == 0 ? LongestThread : ThreadLength);
            var started = now.AddMinutes(-5 * (posts - written));
            var thread = new ConversationThread
            {
                Id = Guid.NewGuid(),
                CongregationId = congregation.Id,
                Title = $"{Places[t % Places.Length]} plans, thread {t}",
                StartedByUserId = members[t % members.Count],
                CreatedAt = started,
                LastPostAt = started.AddMinutes(5 * (length - 1)),
            };
            for (var i = 0; i < length; i++)
            {
                thread.Posts.Add(new ConversationPost
                {
                    Id = Guid.NewGuid(),
                    ThreadId = thread.Id,
                    AuthorUserId = members[(t + i) % members.Count],
                    Text = $"Post {i} of this thread: who can **host** the next gathering, and who brings the _soup_? "
                        + "A [handbook page](/handbook) on hosting helps.\n\n- one thing\n- another",
                    CreatedAt = started.AddMinutes(5 * i),
                });
            }
            if (first && t == 0)
            {
                longest = thread.Id;
            }
            db.ConversationThreads.Add(thread);
            written += length;
        }
        return longest;
    }

    /// <summary>
    /// About half of a congregation's members in crews of four, so the care view has people in and out of crews:
    /// every fifth crew has not met for six weeks, every fifth other one ends its term within the week.
    /// </summary>
    private static void AddCrews(HubDbContext db, Congregation congregation, IReadOnlyList<string> members, DateTime now)
    {
        const int size = 4;
        for (var k = 0; (k + 1) * size <= members.Count / 2; k++)
        {
            var firstMeeting = (k % 5) switch
            {
                0 => now.AddDays(-77), // six weekly meetings that ended six weeks ago
                1 => now.AddDays(-28), // the term's last meeting in a week
                _ => now.AddDays(-14),
            };
            var crew = new Crew
            {
                Id = Guid.NewGuid(),
                Name = $"{Family[k % Family.Length]} crew {k}",
                Purpose = "A synthetic crew for load tests.",
                CongregationId = congregation.Id,
                CallerUserId = members[k * size],
                Stage = CrewStage.Meeting,
                JoinedCount = size,
                CreatedAt = firstMeeting.AddDays(-7),
            };
            for (var i = 0; i < size; i++)
            {
                var userId = members[k * size + i];
                crew.Members.Add(new CrewMember
                {
                    Id = Guid.NewGuid(),
                    CrewId = crew.Id,
                    UserId = userId,
                    Status = CrewMemberStatus.Joined,
                    Position = i,
                    InvitedAt = crew.CreatedAt,
                    JoinedAt = crew.CreatedAt
                });
            }
            for (var n = 0; n < crew.MeetingsPerTerm; n++)
            {
                var host = members[k * size + n % size];
                crew.Meetings.Add(new CrewMeeting
                {
                    Id = Guid.NewGuid(),
                    CrewId = crew.Id,
                    Term = 1,
                    Number = n + 1,
                    StartsAt = firstMeeting.AddDays(7 * n),
                    HostUserId = host,
                    FocusUserId = host
                });
            }
            db.Crews.Add(crew);
        }
    }
}
