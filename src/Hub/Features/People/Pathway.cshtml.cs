using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.People;

/// <summary>
/// A person's pathway, built from real records: crews joined, meetings hosted, congregations; and one next
/// step, offered the way a host would offer it. Without a crew, that step is the ways into one the hub has
/// today: a formation round open in one of their congregations, the congregation's next date, calling a crew.
/// </summary>
[Authorize]
public sealed class PathwayModel(HubDbContext db, IEnumerable<IUpcomingEvents> calendars, TimeProvider time, IStringLocalizer<Strings> strings) : HubPageModel
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
            strings[c.Status == CrewMemberStatus.Left ? "People.Pathway.JoinedSinceLeft" : c.Status == CrewMemberStatus.Paused ? "People.Pathway.JoinedPaused"
                : c.Stage == CrewStage.Disbanded ? "People.Pathway.JoinedClosed" : "People.Pathway.Joined", c.JoinedAt is { } joined ? DateFormats.Format(joined, "MMMM yyyy") : ""]))];
        MeetingsHosted = await db.CrewMeetings.CountAsync(m => m.HostUserId == me && m.StartsAt <= now, cancellationToken);
        var congregations = await db.Memberships.AsNoTracking().Where(m => m.UserId == me)
            .OrderBy(m => m.JoinedAt)
            .Select(m => new { m.Congregation.Id, m.Congregation.Slug, m.Congregation.Name, Level = m.Level.Name, m.IsHost, m.JoinedAt })
            .ToListAsync(cancellationToken);
        Congregations = [.. congregations.Select(c => new Entry(c.Id, c.Slug, c.Name,
            strings[c.IsHost ? "People.Pathway.LevelHostSince" : "People.Pathway.LevelSince", c.Level, c.JoinedAt is { } joined ? DateFormats.Format(joined, "MMMM yyyy") : ""]))];
        Hosting = congregations.Count(c => c.IsHost);
        NetworkMemberSince = await db.Users.Where(u => u.Id == me).Select(u => u.NetworkMemberSince).SingleAsync(cancellationToken);

        var current = crews.FirstOrDefault(c => c.Status == CrewMemberStatus.Joined && c.Stage != CrewStage.Disbanded);
        if (current is null && congregations.Count > 0)
        {
            NextStep = (strings["People.Pathway.Step.Crew"], strings["People.Pathway.Step.CrewText"]);
            var ids = congregations.Select(c => c.Id).ToList();
            var rounds = await db.FormationRounds.AsNoTracking()
                .Where(r => r.CongregationId != null && ids.Contains(r.CongregationId.Value) && r.Stage == FormationStage.Open && r.PreferencesDueAt > now && !r.Participants.Any(p => p.UserId == me))
                .OrderBy(r => r.PreferencesDueAt).Take(3)
                .Select(r => new { r.Id, r.Title, r.CongregationId, r.PreferencesDueAt }).ToListAsync(cancellationToken);
            var ways = new List<Way>();
            foreach (var r in rounds)
            {
                var c = congregations.First(c => c.Id == r.CongregationId);
                ways.Add(new Way(strings["People.Pathway.Way.Round", r.Title], $"/congregations/{c.Slug}/formation/{r.Id}",
                    strings["People.Pathway.Way.RoundNote", c.Name, DateFormats.Format(r.PreferencesDueAt, "d MMMM")]));
            }
            foreach (var c in congregations.Take(3))
            {
                foreach (var calendar in calendars)
                {
                    if ((await calendar.ForCongregationAsync(c.Id, asMember: true, 1, cancellationToken)) is [var next, ..])
                    {
                        ways.Add(new Way(strings["People.Pathway.Way.Date", next.Title], next.Url,
                            strings["People.Pathway.Way.DateNote", c.Name, DateFormats.Format(next.StartsAtUtc, "d MMMM")]));
                        break;
                    }
                }
            }
            var first = congregations[0];
            ways.Add(new Way(strings["People.Pathway.Way.Call"], $"/crews/new?congregation={first.Slug}", strings["People.Pathway.Way.CallNote"]));
            Ways = ways;
        }
        else if (current is not null && MeetingsHosted == 0)
        {
            NextStep = (strings["People.Pathway.Step.Host"], strings["People.Pathway.Step.HostText", current.Name]);
            Ways = [new Way(strings["People.Pathway.Way.Open", current.Name], $"/crews/{current.Id}", strings["People.Pathway.Way.OpenNote"])];
        }
        else if (current is not null && Hosting == 0 && congregations.Count > 0)
        {
            NextStep = (strings["People.Pathway.Step.Hold"], strings["People.Pathway.Step.HoldText"]);
            Ways = [.. congregations.Take(3).Select(c => new Way(strings["People.Pathway.Way.Groups", c.Name], $"/congregations/{c.Slug}/working-groups",
                strings["People.Pathway.Way.GroupsNote"]))];
        }
        else if (current is not null)
        {
            NextStep = (strings["People.Pathway.Step.LookBack"], strings["People.Pathway.Step.LookBackText"]);
            Ways = [new Way(strings["People.Pathway.Way.Journal"], "/me/journal", strings["People.Pathway.Way.JournalNote"])];
        }
    }
}
