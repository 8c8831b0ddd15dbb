using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Maps;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>What a host fills in for an event; times are wall-clock in <see cref="TimeZone"/>.</summary>
public sealed record EventInput(
    EventScale Scale,
    Guid? CongregationId,
    Guid? CrewId,
    string Title,
    string Description,
    EventKind Kind,
    EventVisibility Visibility,
    bool IsOnline,
    string Address,
    string CallLink,
    string StartDate,
    string StartTime,
    string EndDate,
    string EndTime,
    string TimeZone,
    string Recurrence,
    int? Capacity,
    bool RequiresApproval,
    string Questions,
    AttendeeListVisibility AttendeeList)
{
    /// <summary>Where the event is on the map (in person only); null leaves what is stored as it is, an empty input takes the point away.</summary>
    public MapPlace.Input? Place { get; init; }
}

/// <summary>
/// Creates an event for a crew, a congregation or the network. Everything is checked before anything
/// is saved; a public event is announced to every registered sink in the same unit of work.
/// </summary>
public sealed class CreateEvent(HubDbContext db, TimeProvider time, IEnumerable<IAnnouncementSink> sinks, PublicAddress links, CoHosts.DecideProposedEvent proposals,
    IStringLocalizer<Strings> strings)
{
    /// <param name="hostChecked">The caller has decided who may host (finding a time: a working group's starter confirms its meetings).</param>
    public async Task<(Outcome Outcome, Guid? Id)> RunAsync(Viewer viewer, EventInput input, bool hostChecked = false, CancellationToken cancellationToken = default)
    {
        var congregationId = input.CongregationId;
        if (input.Scale == EventScale.Crew)
        {
            var crew = await db.Crews.AsNoTracking().Where(c => c.Id == input.CrewId).Select(c => new { c.CongregationId }).SingleOrDefaultAsync(cancellationToken);
            if (crew is null)
            {
                return (Outcome.Refused(strings["Gatherings.Refused.ChooseCrew"], "Owner"), null);
            }
            congregationId = crew.CongregationId;
        }
        var proposed = false;
        if (!hostChecked && !viewer.CanCreateFor(input.Scale, input.CongregationId, input.CrewId) && viewer.CanProposeFor(input.Scale, input.CongregationId))
        {
            // A member's event for their congregation: up at once where the congregation says so or their level hosts events, else a proposal.
            var atOnce = await db.Congregations.AsNoTracking().Where(c => c.Id == input.CongregationId).Select(c => c.MembersEventsGoUpAtOnce).SingleAsync(cancellationToken);
            proposed = !atOnce && !viewer.PutsOnEventsIn(input.CongregationId!.Value);
        }
        else if (!hostChecked && !viewer.CanCreateFor(input.Scale, input.CongregationId, input.CrewId))
        {
            return (Outcome.Refused(strings[input.Scale switch
            {
                EventScale.Network => "Gatherings.Refused.OnlyAdminsNetwork",
                EventScale.Congregation => "Gatherings.Refused.OnlyMembersCongregation",
                _ => "Gatherings.Refused.OnlyMembersCrew",
            }], "Owner"), null);
        }
        var checkedInput = Check(input, strings);
        if (!checkedInput.Outcome.Succeeded)
        {
            return (checkedInput.Outcome, null);
        }
        if (input.Visibility == EventVisibility.CrewOnly && input.Scale != EventScale.Crew)
        {
            return (Outcome.Refused(strings["Gatherings.Refused.CrewOnly"], "Visibility"), null);
        }
        if (input.Visibility == EventVisibility.CongregationOnly && congregationId is null)
        {
            return (Outcome.Refused(strings["Gatherings.Refused.CongregationOnly"], "Visibility"), null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var e = new GatheringEvent
        {
            Id = Guid.NewGuid(),
            Scale = input.Scale,
            CongregationId = congregationId,
            CrewId = input.Scale == EventScale.Crew ? input.CrewId : null,
            CreatedByUserId = viewer.UserId!,
            CreatedAt = now,
            UpdatedAt = now,
        };
        Apply(e, input, checkedInput);
        db.GatheringEvents.Add(e);
        if (proposed)
        {
            // Seen by the proposer and the congregation's hosts only, and announced once a host says yes.
            e.Approval = EventApproval.Proposed;
            await proposals.AskHostsAsync(e, viewer, cancellationToken);
        }
        else
        {
            await AnnounceOnceAsync(e, sinks, links, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (proposed)
        {
            proposals.Wake();
        }
        return (Outcome.Done, e.Id);
    }

    /// <summary>
    /// Announces a public event to every sink, once in its life: <see cref="GatheringEvent.AnnouncedAt"/>
    /// is set in the same unit of work, so an edit that makes it public again is not news twice.
    /// </summary>
    internal static async Task AnnounceOnceAsync(GatheringEvent e, IEnumerable<IAnnouncementSink> sinks, PublicAddress links, DateTime now, CancellationToken cancellationToken)
    {
        if (e.Visibility != EventVisibility.Public || e.AnnouncedAt is not null)
        {
            return;
        }
        var zone = EventTime.FindZone(e.TimeZone)!;
        // Absolute: the announcement is read in a chat room, far from the hub.
        var announcement = new Announcement(Announcement.NewEvent, e.Title, links.Absolute($"/gatherings/{e.Id}"),
            $"{e.Kind}: {EventTime.Format(e.StartsAt, zone)} ({e.TimeZone})", now);
        foreach (var sink in sinks)
        {
            await sink.AnnounceAsync(announcement, cancellationToken);
        }
        e.AnnouncedAt = now;
    }

    internal sealed record Checked(Outcome Outcome, NodaTime.DateTimeZone? Zone = null, DateTime StartUtc = default, DateTime EndUtc = default, string Recurrence = "",
        (double Latitude, double Longitude)? Point = null);

    /// <summary>The checks shared by creating and editing: every message names its field.</summary>
    internal static Checked Check(EventInput input, IStringLocalizer strings)
    {
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.Title"], "Title"));
        }
        if (input.Title.Trim().Length > 160)
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.TitleLong"], "Title"));
        }
        var zone = EventTime.FindZone(input.TimeZone);
        if (zone is null)
        {
            return new(Outcome.Refused(Platform.Web.TimeZones.Refusal(strings, input.TimeZone), "TimeZone"));
        }
        if (!EventTime.TryParseLocal(input.StartDate, input.StartTime, out var start))
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.Start", EventTime.FirstYear, EventTime.LastYear], "Start"));
        }
        var endDate = string.IsNullOrWhiteSpace(input.EndDate) ? input.StartDate : input.EndDate;
        if (!EventTime.TryParseLocal(endDate, input.EndTime, out var end))
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.End", EventTime.LastYear], "End"));
        }
        var recurrence = "";
        if (LunarRhythm.IsLunar(input.Recurrence?.Trim() ?? ""))
        {
            // The first pulse on or after the chosen day, at the chosen time.
            recurrence = input.Recurrence!.Trim();
            var first = LunarRhythm.Starts(recurrence, start, zone, DateTime.MaxValue.AddYears(-1)).First();
            end += first - start;
            start = first;
        }
        else if (!string.IsNullOrWhiteSpace(input.Recurrence))
        {
            if (!RecurrenceRule.TryParse(input.Recurrence, out var rule, out var error, strings))
            {
                return new(Outcome.Refused(strings["Gatherings.Refused.Recurrence", error], "Recurrence"));
            }
            // DTSTART must be an occurrence of its own rule (RFC 5545): move to the first date the rule gives.
            var snapped = rule.Snap(start);
            end += snapped - start;
            start = snapped;
            recurrence = rule.ToString();
        }
        var startUtc = EventTime.ToUtc(start, zone);
        var endUtc = EventTime.ToUtc(end, zone);
        if (endUtc <= startUtc)
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.EndBeforeStart", end.ToString("yyyy-MM-dd HH:mm", null), start.ToString("yyyy-MM-dd HH:mm", null)], "End"));
        }
        if (endUtc - startUtc > TimeSpan.FromDays(31))
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.TooLong"], "End"));
        }
        if (input.Capacity is < 1 or > 100000)
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.Capacity"], "Capacity"));
        }
        if (!input.IsOnline && string.IsNullOrWhiteSpace(input.Address))
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.Address"], "Address"));
        }
        if (input.IsOnline && !string.IsNullOrWhiteSpace(input.CallLink)
            && !(Uri.TryCreate(input.CallLink.Trim(), UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp)))
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.CallLink"], "CallLink"));
        }
        (double, double)? point = null;
        if (!input.IsOnline && input.Place is { IsEmpty: false } place)
        {
            var problems = new List<(string, string)>();
            point = MapPlace.Read(place, problems, strings);
            if (Outcome.RefusedAll(problems) is { } refused)
            {
                return new(refused);
            }
        }
        return new(Outcome.Done, zone, startUtc, endUtc, recurrence, point);
    }

    internal static void Apply(GatheringEvent e, EventInput input, Checked c)
    {
        e.Title = input.Title.Trim();
        e.Description = input.Description?.Trim() ?? "";
        e.Kind = input.Kind;
        e.Visibility = input.Visibility;
        e.IsOnline = input.IsOnline;
        e.Address = input.IsOnline ? "" : input.Address.Trim();
        e.CallLink = input.IsOnline ? input.CallLink?.Trim() ?? "" : "";
        e.TimeZone = c.Zone!.Id;
        e.StartsAt = c.StartUtc;
        e.EndsAt = c.EndUtc;
        e.Recurrence = c.Recurrence;
        e.Capacity = input.Capacity;
        e.RequiresApproval = input.RequiresApproval;
        e.Questions = input.Questions?.Trim() ?? "";
        e.AttendeeList = input.AttendeeList;
        if (input.Place is not null || input.IsOnline)
        {
            (e.Latitude, e.Longitude) = (c.Point?.Latitude, c.Point?.Longitude);
        }
    }
}
