using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>The words of every gathering email, each in its recipient's language; confirmations carry the date as an .ics file.</summary>
public sealed class GatheringEmails(EmailTemplates templates, AccountLinks links, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public string PageOf(GatheringEvent e) => links.Absolute($"/gatherings/{e.Id}", new Dictionary<string, string?>());

    private string Host => new Uri(PageOf(new GatheringEvent())).Host;

    private EmailAttachment Ics(GatheringEvent e, EventOccurrence o)
    {
        var writer = new CalendarWriter(Host, time.GetUtcNow().UtcDateTime, strings);
        writer.AddOccurrence(e, new Occurrence(o.OriginalStart, o.StartsAt, o.EndsAt, o.IsCancelled, o), PageOf(e), showCallLink: true);
        return new EmailAttachment("event.ics", "text/calendar; charset=utf-8; method=PUBLISH", writer.ToText(e.Title));
    }

    /// <summary>The date and time in the current language, in the event's zone (named beside it): "Do., 3. Dez. 2026, 19:30–21:00 (Europe/Berlin)".</summary>
    private static string When(GatheringEvent e, EventOccurrence o)
    {
        var zone = EventTime.FindZone(e.TimeZone) ?? DateTimeZone.Utc;
        var (start, end) = (EventTime.ToLocal(o.StartsAt, zone).ToDateTimeUnspecified(), EventTime.ToLocal(o.EndsAt, zone).ToDateTimeUnspecified());
        var first = DateFormats.Format(start, "ddd d MMM yyyy, HH:mm");
        var range = start.Date == end.Date ? $"{first}–{end:HH:mm}" : $"{first} – {DateFormats.Format(end, "ddd d MMM yyyy, HH:mm")}";
        return $"{range} ({zone.Id})";
    }

    private static string At(DateTime utc, DateTimeZone zone) => DateFormats.Format(EventTime.ToLocal(utc, zone).ToDateTimeUnspecified(), "ddd d MMM yyyy, HH:mm");

    private string Where(GatheringEvent e) => e.IsOnline
        ? (e.CallLink == "" ? strings["Gathering.OnlineNoLink"] : strings["Gathering.Online", e.CallLink])
        : strings["Gathering.At", e.Address];

    // Each notice below is written in the person's own language (a reminder comes from a job, a promotion from someone
    // else's cancellation): the scope is entered before any word is chosen.

    public Notice Going(GatheringEvent e, EventOccurrence o, HubUser person)
    {
        using var language = RecipientLanguage.Of(person.Language);
        return new(person.Id, "gathering.going", strings["Gathering.Going.Title", e.Title, When(e, o)], PageOf(e),
            templates.Compose(person.Email!, person.DisplayName, strings["Gathering.Going.Subject", e.Title],
                [strings["Gathering.Going.Confirmed", e.Title, When(e, o)], Where(e), strings["Gathering.Going.Calendar"]],
                (strings["Gathering.Action"], PageOf(e))) with
            { Attachment = Ics(e, o) });
    }

    /// <summary>The reminder before a date; before a cohort's call it also names the person's breakout room and who is in it.</summary>
    public Notice Reminder(GatheringEvent e, EventOccurrence o, HubUser person, int minutesBefore, IReadOnlyList<CohortRoom>? rooms = null)
    {
        using var language = RecipientLanguage.Of(person.Language);
        string title = minutesBefore >= 24 * 60 ? strings["Gathering.Reminder.Tomorrow", e.Title] : strings["Gathering.Reminder.InAnHour", e.Title];
        return new(person.Id, "gathering.reminder", title, PageOf(e),
            templates.Compose(person.Email!, person.DisplayName, title,
                [strings["Gathering.Reminder.Text", e.Title, When(e, o)], Where(e), .. (rooms ?? []).Select(RoomLine), strings["Gathering.Reminder.CannotCome"]],
                (strings["Gathering.Action"], PageOf(e)), footer: strings["Gathering.Reminder.Footer"]));
    }

    private string RoomLine(CohortRoom room)
    {
        var page = links.Absolute(room.Url, new Dictionary<string, string?>());
        if (room.FullCircle)
        {
            return strings["Gathering.Room.FullCircle", room.Call, room.Calls, room.Program, page];
        }
        var names = room.With.Select(m => m.Name).ToList();
        string with = names.Count switch
        {
            0 => strings["Gathering.Room.Nobody"],
            1 => names[0],
            _ => strings["Gathering.Room.And", string.Join(", ", names[..^1]), names[^1]],
        };
        return strings["Gathering.Room.With", room.Call, room.Program, room.Room, with, page];
    }

    public Notice Promoted(GatheringEvent e, EventOccurrence o, HubUser person, DateTime? payBy = null)
    {
        using var language = RecipientLanguage.Of(person.Language);
        string title = strings["Gathering.Promoted.Subject", e.Title];
        return new(person.Id, "gathering.promoted", title, PageOf(e),
            templates.Compose(person.Email!, person.DisplayName, title,
                [strings["Gathering.Promoted.Text", e.Title, When(e, o)],
                 payBy is { } by ? strings["Gathering.Promoted.PayBy", At(by, EventTime.FindZone(e.TimeZone) ?? DateTimeZone.Utc), e.TimeZone] : Where(e),
                 strings["Gathering.Promoted.CannotCome"]],
                (strings["Gathering.Action"], PageOf(e))) with
            { Attachment = Ics(e, o) });
    }

    /// <summary>The time to pay ran out: the place went to the next person waiting.</summary>
    public Notice PlaceLapsed(GatheringEvent e, EventOccurrence o, HubUser person)
    {
        using var language = RecipientLanguage.Of(person.Language);
        string title = strings["Gathering.Lapsed.Subject", e.Title];
        return new(person.Id, "gathering.place-lapsed", title, PageOf(e),
            templates.Compose(person.Email!, person.DisplayName, title,
                [strings["Gathering.Lapsed.Text", e.Title, When(e, o)], strings["Gathering.Lapsed.Again"]],
                (strings["Gathering.Action"], PageOf(e))));
    }

    /// <summary>A new rule no longer has a date the person had answered: their answer is gone, and they hear why.</summary>
    public Notice DateDropped(GatheringEvent e, DateTime startUtc, HubUser person)
    {
        using var language = RecipientLanguage.Of(person.Language);
        var when = At(startUtc, EventTime.FindZone(e.TimeZone) ?? DateTimeZone.Utc);
        string title = strings["Gathering.Dropped.Subject", e.Title, when];
        return new(person.Id, "gathering.date-dropped", title, PageOf(e),
            templates.Compose(person.Email!, person.DisplayName, title,
                [strings["Gathering.Dropped.Text", e.Title, when, e.TimeZone], strings["Gathering.Dropped.Kept"]],
                (strings["Gathering.Dropped.Action"], PageOf(e))));
    }

    /// <summary>One message for "going to every date" of a series with limited places, not one per date.</summary>
    public Notice AnsweredEveryDate(GatheringEvent e, AnsweredDates dates, HubUser person)
    {
        using var language = RecipientLanguage.Of(person.Language);
        string title = strings["Gathering.EveryDate.Subject", e.Title];
        return new(person.Id, "gathering.going", title, PageOf(e),
            templates.Compose(person.Email!, person.DisplayName, title,
                [Summary(dates), Where(e), strings["Gathering.EveryDate.Calendar"]],
                (strings["Gathering.Action"], PageOf(e))));
    }

    /// <summary>Which dates have a place, which wait, in the reader's language: the exceptions one by one, the places as a range.</summary>
    private string Summary(AnsweredDates d)
    {
        string When(DateTime utc) => DateFormats.Format(EventTime.ToLocal(utc, d.Zone).ToDateTimeUnspecified(), "ddd d MMM yyyy, HH:mm");
        var parts = new List<string>();
        if (d.Waiting.Count > 0)
        {
            parts.Add(strings.Plural(d.Going.Count + d.Pending.Count > 0 ? "Gathering.EveryDate.WaitlistSome" : "Gathering.EveryDate.WaitlistAll",
                d.Waiting.Count, string.Join("; ", d.Waiting.Select(When))));
        }
        if (d.Pending.Count > 0)
        {
            parts.Add(strings.Plural("Gathering.EveryDate.Pending", d.Pending.Count, string.Join("; ", d.Pending.Select(When))));
        }
        if (d.Going.Count > 0)
        {
            parts.Add(strings.Plural(d.Waiting.Count + d.Pending.Count == 0 ? "Gathering.EveryDate.GoingEvery" : "Gathering.EveryDate.GoingOther",
                d.Going.Count, When(d.Going[0]), When(d.Going[^1])));
        }
        parts.Add(strings["Gathering.EveryDate.Horizon", DateFormats.Format(EventTime.ToLocal(d.Horizon, d.Zone).ToDateTimeUnspecified(), "d MMMM yyyy")]);
        return string.Join(" ", parts);
    }
}

/// <summary>A series answered all at once: the dates (UTC starts) with a place, on the waitlist and awaiting the hosts, up to the horizon.</summary>
public sealed record AnsweredDates(IReadOnlyList<DateTime> Going, IReadOnlyList<DateTime> Waiting, IReadOnlyList<DateTime> Pending, DateTime Horizon, DateTimeZone Zone);
