using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.People;

/// <summary>
/// A person's pathway, built from real records: crews joined, meetings hosted, congregations; and one next
/// step, offered the way a host would offer it. Without a crew, that step is the ways into one the hub has
/// today: a formation round open in one of their congregations, the congregation's next date, calling a crew.
/// </summary>
[Authorize]
public sealed class PathwayModel(HubDbContext db, IEnumerable<IUpcomingEvents> calendars, TimeProvider time) : HubPageModel
{
    public sealed record Entry(Guid Id, string Slug, string Name, string Note);

    /// <summary>One way forward: what to do, where, and a sentence on why it might suit.</summary>
    public sealed record Way(string Text, string Url, string Note);

    public IReadOnlyList<Entry> Crews { get; private set; } = [];
    public IReadOnlyList<Entry> Congregations { get; private set; } = [];
    public int MeetingsHosted { get; private set; }
    public int Hosting { get; private set; }
    public DateTime? NetworkMemberSince { get; private set; }

    /// <summary>The next step's heading and a few words; null when the person has no congregation and no crew (the page's empty state).</summary>
    public (string Heading, string Text)? NextStep { get; private set; }
    public IReadOnlyList<Way> Ways { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = time.GetUtcNow().UtcDateTime;
        var crews = await db.CrewMembers.AsNoTracking()
            .Where(m => m.UserId == me && (m.Status == CrewMemberStatus.Joined || m.Status == CrewMemberStatus.Left || m.Status == CrewMemberStatus.Paused))
            .Select(m => new { m.Crew.Id, m.Crew.Name, m.Status, m.JoinedAt, m.Crew.Stage }).ToListAsync(cancellationToken);
        Crews = [.. crews.Select(c => new Entry(c.Id, "", c.Name,
            $"joined {c.JoinedAt:MMMM yyyy}{(c.Status == CrewMemberStatus.Left ? ", since left" : c.Status == CrewMemberStatus.Paused ? ", paused" : c.Stage == CrewStage.Disbanded ? ", closed" : "")}"))];
        MeetingsHosted = await db.CrewMeetings.CountAsync(m => m.HostUserId == me && m.StartsAt <= now, cancellationToken);
        var congregations = await db.Memberships.AsNoTracking().Where(m => m.UserId == me)
            .OrderBy(m => m.JoinedAt)
            .Select(m => new { m.Congregation.Id, m.Congregation.Slug, m.Congregation.Name, Level = m.Level.Name, m.IsHost, m.JoinedAt })
            .ToListAsync(cancellationToken);
        Congregations = [.. congregations.Select(c => new Entry(c.Id, c.Slug, c.Name, $"{c.Level}{(c.IsHost ? ", host" : "")} since {c.JoinedAt:MMMM yyyy}"))];
        Hosting = congregations.Count(c => c.IsHost);
        NetworkMemberSince = await db.Users.Where(u => u.Id == me).Select(u => u.NetworkMemberSince).SingleAsync(cancellationToken);

        var current = crews.FirstOrDefault(c => c.Status == CrewMemberStatus.Joined && c.Stage != CrewStage.Disbanded);
        if (current is null && congregations.Count > 0)
        {
            NextStep = ("A crew", "You are not in a crew at the moment. It is where most of the practice happens: three to six people who meet for a few "
                + "weeks, then look back together, free to go on or not. Here are the ways in; none asks more than a short experiment.");
            var ids = congregations.Select(c => c.Id).ToList();
            var rounds = await db.FormationRounds.AsNoTracking()
                .Where(r => r.CongregationId != null && ids.Contains(r.CongregationId.Value) && r.Stage == FormationStage.Open && r.PreferencesDueAt > now && !r.Participants.Any(p => p.UserId == me))
                .OrderBy(r => r.PreferencesDueAt).Take(3)
                .Select(r => new { r.Id, r.Title, r.CongregationId, r.PreferencesDueAt }).ToListAsync(cancellationToken);
            var ways = new List<Way>();
            foreach (var r in rounds)
            {
                var c = congregations.First(c => c.Id == r.CongregationId);
                ways.Add(new Way($"Take part in “{r.Title}”", $"/congregations/{c.Slug}/formation/{r.Id}",
                    $"{c.Name} is forming crews: say whom you would like to meet with and when you are free, until {r.PreferencesDueAt:d MMMM}."));
            }
            foreach (var c in congregations.Take(3))
            {
                foreach (var calendar in calendars)
                {
                    if ((await calendar.ForCongregationAsync(c.Id, asMember: true, 1, cancellationToken)) is [var next, ..])
                    {
                        ways.Add(new Way($"Come to “{next.Title}”", next.Url,
                            $"{c.Name}'s next date, on {next.StartsAtUtc:d MMMM}: a good place to meet people you might form a crew with."));
                        break;
                    }
                }
            }
            var first = congregations[0];
            ways.Add(new Way("Call a crew", $"/crews/new?congregation={first.Slug}",
                "Think of two or three people you would like to know better, and invite them to six meetings and a retrospective."));
            Ways = ways;
        }
        else if (current is not null && MeetingsHosted == 0)
        {
            NextStep = ("Host a meeting", $"Hosting rotates in a crew: when your turn comes in {current.Name}, you guide one meeting, and the practices "
                + "page has everything you need. Nobody hosts alone for long.");
            Ways = [new Way($"Open {current.Name}", $"/crews/{current.Id}", "See whose turn it is to host, and when.")];
        }
        else if (current is not null && Hosting == 0 && congregations.Count > 0)
        {
            NextStep = ("Help hold a congregation", "You have hosted in a crew. A congregation needs people who make space for many crews to form: "
                + "a working group that welcomes newcomers or prepares a gathering is a good start, always with others.");
            Ways = [.. congregations.Take(3).Select(c => new Way($"Working groups of {c.Name}", $"/congregations/{c.Slug}/working-groups",
                "Join one for its term, or start one with a few others."))];
        }
        else if (current is not null)
        {
            NextStep = ("Look back", "A few lines in your private journal: what your groups gave you lately, and what you would like to bring to them.");
            Ways = [new Way("Write in your journal", "/me/journal", "Only you read it.")];
        }
    }
}
