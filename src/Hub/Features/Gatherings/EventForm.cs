using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Gatherings;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>The event form as posted: every field a string or a simple value, so what was typed comes back on an error.</summary>
public sealed class EventForm
{
    /// <summary>"network", "congregation:{id}" or "crew:{id}".</summary>
    public string Owner { get; set; } = "";
    public string? Title { get; set; }
    public string? Description { get; set; }
    public EventKind Kind { get; set; } = EventKind.Gathering;
    public EventVisibility Visibility { get; set; } = EventVisibility.Public;
    public bool IsOnline { get; set; }
    public string? Address { get; set; }
    public string? CallLink { get; set; }

    /// <summary>Where on the map, for an event in person: a listed city, or the two numbers as typed.</summary>
    public string? City { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? StartDate { get; set; }
    public string? StartTime { get; set; } = "19:00";
    public string? EndDate { get; set; }
    public string? EndTime { get; set; } = "21:00";
    public string? TimeZone { get; set; }

    /// <summary>"" (once), "weekly", "fortnightly", "monthly-weekday", "monthly-day" or "custom".</summary>
    public string? Repeat { get; set; } = "";
    public string? Rule { get; set; }
    public int? Capacity { get; set; }
    public bool RequiresApproval { get; set; }
    public string? Questions { get; set; }
    public AttendeeListVisibility AttendeeList { get; set; } = AttendeeListVisibility.Attendees;

    public static readonly string[] DayCodes = ["", "MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>The RRULE for the chosen repetition; the monthly choices take their day from the start date.</summary>
    public string RecurrenceText()
    {
        var date = NodaTime.Text.LocalDatePattern.Iso.Parse(StartDate ?? "");
        if (Repeat is "custom")
        {
            return Rule ?? "";
        }
        if (Repeat is "full-moon" or "new-moon")
        {
            return Repeat == "full-moon" ? LunarRhythm.Full : LunarRhythm.New;
        }
        if (string.IsNullOrEmpty(Repeat) || !date.Success)
        {
            return Repeat is null or "" ? "" : "FREQ=WEEKLY";
        }
        var d = date.Value;
        var nth = (d.Day - 1) / 7 + 1;
        return Repeat switch
        {
            "weekly" => "FREQ=WEEKLY",
            "fortnightly" => "FREQ=WEEKLY;INTERVAL=2",
            "monthly-weekday" => $"FREQ=MONTHLY;BYDAY={(nth == 5 ? -1 : nth)}{DayCodes[(int)d.DayOfWeek]}",
            "monthly-day" => $"FREQ=MONTHLY;BYMONTHDAY={d.Day}",
            _ => "",
        };
    }

    public EventInput ToInput()
    {
        var scale = EventScale.Network;
        Guid? congregation = null, crew = null;
        var parts = (Owner ?? "").Split(':', 2); // an empty field binds as null
        if (parts.Length == 2 && Guid.TryParse(parts[1], out var id))
        {
            (scale, congregation, crew) = parts[0] == "crew" ? (EventScale.Crew, (Guid?)null, (Guid?)id) : (EventScale.Congregation, id, null);
        }
        return new EventInput(scale, congregation, crew, Title ?? "", Description ?? "", Kind, Visibility, IsOnline, Address ?? "", CallLink ?? "",
            StartDate ?? "", StartTime ?? "", EndDate ?? "", EndTime ?? "", TimeZone ?? "", RecurrenceText(), Capacity, RequiresApproval, Questions ?? "", AttendeeList)
        {
            Place = new(City, Latitude, Longitude),
        };
    }

    public static EventForm From(GatheringEvent e)
    {
        var zone = EventTime.FindZone(e.TimeZone)!;
        var start = EventTime.ToLocal(e.StartsAt, zone);
        var end = EventTime.ToLocal(e.EndsAt, zone);
        return new EventForm
        {
            Owner = e.Scale switch { EventScale.Crew => $"crew:{e.CrewId}", EventScale.Congregation => $"congregation:{e.CongregationId}", _ => "network" },
            Title = e.Title,
            Description = e.Description,
            Kind = e.Kind,
            Visibility = e.Visibility,
            IsOnline = e.IsOnline,
            Address = e.Address,
            CallLink = e.CallLink,
            Latitude = e.Latitude?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Longitude = e.Longitude?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StartDate = start.Date.ToString("yyyy-MM-dd", null),
            StartTime = start.ToString("HH:mm", null),
            EndDate = end.Date == start.Date ? "" : end.Date.ToString("yyyy-MM-dd", null),
            EndTime = end.ToString("HH:mm", null),
            TimeZone = e.TimeZone,
            Repeat = e.Recurrence == "" ? "" : e.Recurrence == LunarRhythm.Full ? "full-moon" : e.Recurrence == LunarRhythm.New ? "new-moon" : "custom",
            Rule = e.Recurrence,
            Capacity = e.Capacity,
            RequiresApproval = e.RequiresApproval,
            Questions = e.Questions,
            AttendeeList = e.AttendeeList,
        };
    }

    /// <summary>The owners the viewer may create events for, as (value, label).</summary>
    public static async Task<IReadOnlyList<(string Value, string Label)>> OwnersAsync(HubDbContext db, Viewer viewer, IStringLocalizer words, CancellationToken cancellationToken)
    {
        var owners = new List<(string, string)>();
        if (viewer.IsAdmin)
        {
            owners.Add(("network", words["Gatherings.Form.Owner.Network"]));
        }
        var mine = viewer.Congregations.ToList();
        var congregations = await db.Congregations.AsNoTracking().Where(c => viewer.IsAdmin || mine.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.MembersEventsGoUpAtOnce }).ToListAsync(cancellationToken);
        // Members propose events for their congregations; the label says when a host's yes comes first.
        owners.AddRange(congregations.Select(c => ($"congregation:{c.Id}",
            words[c.MembersEventsGoUpAtOnce || viewer.PutsOnEventsIn(c.Id) ? "Gatherings.Form.Owner.Congregation" : "Gatherings.Form.Owner.CongregationProposal", c.Name].Value)));
        var crewIds = viewer.Crews.ToList();
        var crews = await db.Crews.AsNoTracking().Where(c => crewIds.Contains(c.Id) && c.Stage != CrewStage.Disbanded).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        owners.AddRange(crews.Select(c => ($"crew:{c.Id}", words["Gatherings.Form.Owner.Crew", c.Name].Value)));
        return owners;
    }

    /// <summary>The kind in the reader's language.</summary>
    public static string KindLabel(IStringLocalizer words, EventKind kind) => words[$"Gatherings.Kind.{kind}"];

    /// <summary>Who may see the event, in the reader's language.</summary>
    public static string VisibilityLabel(IStringLocalizer words, EventVisibility v) => words[$"Gatherings.Visibility.{v}"];
}
