using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>The words of every gathering email; confirmations carry the date as an .ics file.</summary>
public sealed class GatheringEmails(EmailTemplates templates, AccountLinks links, TimeProvider time)
{
    public string PageOf(GatheringEvent e) => links.Absolute($"/gatherings/{e.Id}", new Dictionary<string, string?>());

    private string Host => new Uri(PageOf(new GatheringEvent())).Host;

    private EmailAttachment Ics(GatheringEvent e, EventOccurrence o)
    {
        var writer = new CalendarWriter(Host, time.GetUtcNow().UtcDateTime);
        writer.AddOccurrence(e, new Occurrence(o.OriginalStart, o.StartsAt, o.EndsAt, o.IsCancelled, o), PageOf(e), showCallLink: true);
        return new EmailAttachment("event.ics", "text/calendar; charset=utf-8; method=PUBLISH", writer.ToText(e.Title));
    }

    private static string When(GatheringEvent e, EventOccurrence o)
    {
        var zone = EventTime.FindZone(e.TimeZone) ?? DateTimeZone.Utc;
        return EventTime.Range(o.StartsAt, o.EndsAt, zone, zone);
    }

    private static string Where(GatheringEvent e) => e.IsOnline
        ? (e.CallLink == "" ? "Online; the hosts will share the call link on the event's page." : $"Online: {e.CallLink}")
        : $"At {e.Address}";

    public Notice Going(GatheringEvent e, EventOccurrence o, HubUser person) => new(person.Id, "gathering.going", $"You are going to {e.Title}, {When(e, o)}", PageOf(e),
        templates.Compose(person.Email!, person.DisplayName, $"You are going to {e.Title}",
            [$"Your place at {e.Title} is confirmed: {When(e, o)}.", Where(e), "The attached file adds the date to your calendar. If your plans change, say so on the event's page: someone on the waitlist may take your place."],
            ("Open the event", PageOf(e))) with
        { Attachment = Ics(e, o) });

    /// <summary>The reminder before a date; before a cohort's call it also names the person's breakout room and who is in it.</summary>
    public Notice Reminder(GatheringEvent e, EventOccurrence o, HubUser person, int minutesBefore, IReadOnlyList<CohortRoom>? rooms = null) => new(person.Id, "gathering.reminder", $"{(minutesBefore >= 24 * 60 ? "Tomorrow" : "In an hour")}: {e.Title}", PageOf(e),
        templates.Compose(person.Email!, person.DisplayName, minutesBefore >= 24 * 60 ? $"Tomorrow: {e.Title}" : $"In an hour: {e.Title}",
            [$"A reminder that you are going to {e.Title}: {When(e, o)}.", Where(e), .. (rooms ?? []).Select(RoomLine), "If you cannot come, say so on the event's page so someone waiting can take your place."],
            ("Open the event", PageOf(e)), footer: "You receive this because you said you are going. Choose which reminders you get on your calendar page."));

    private string RoomLine(CohortRoom room)
    {
        var page = links.Absolute(room.Url, new Dictionary<string, string?>());
        if (room.FullCircle)
        {
            return $"Call {room.Call} of {room.Calls} of {room.Program} is the full circle: everyone together. Your rooms for every call are on your page: {page}";
        }
        var names = room.With.Select(m => m.Name).ToList();
        var with = names.Count switch { 0 => "nobody else yet", 1 => names[0], _ => string.Join(", ", names[..^1]) + " and " + names[^1] };
        return $"Your breakout room in call {room.Call} of {room.Program}: room {room.Room}, with {with}. Their faces, where they share them, are on your page: {page}";
    }

    public Notice Promoted(GatheringEvent e, EventOccurrence o, HubUser person, DateTime? payBy = null) => new(person.Id, "gathering.promoted", $"A place opened for you at {e.Title}", PageOf(e),
        templates.Compose(person.Email!, person.DisplayName, $"A place opened for you at {e.Title}",
            [$"Someone could not come, and you were first on the waitlist: you have a place at {e.Title}, {When(e, o)}.",
             payBy is { } by
                ? $"To keep it, pay for your ticket by {EventTime.Format(by, EventTime.FindZone(e.TimeZone) ?? DateTimeZone.Utc)} ({e.TimeZone}), as the hosts ask; after that the place passes to the next person waiting."
                : Where(e),
             "If you cannot come any more, say so on the event's page so the next person gets the place."],
            ("Open the event", PageOf(e))) with
        { Attachment = Ics(e, o) });

    /// <summary>The time to pay ran out: the place went to the next person waiting.</summary>
    public Notice PlaceLapsed(GatheringEvent e, EventOccurrence o, HubUser person) => new(person.Id, "gathering.place-lapsed", $"Your place at {e.Title} passed on", PageOf(e),
        templates.Compose(person.Email!, person.DisplayName, $"Your place at {e.Title} passed on",
            [$"The place offered to you at {e.Title}, {When(e, o)}, was not paid in the time the hosts set, so it has gone to the next person waiting.",
             "If you still want to come, answer again on the event's page: you will join the waitlist. If money is what stops you, ask the hosts about a scholarship."],
            ("Open the event", PageOf(e))));

    /// <summary>A new rule no longer has a date the person had answered: their answer is gone, and they hear why.</summary>
    public Notice DateDropped(GatheringEvent e, DateTime startUtc, HubUser person)
    {
        var zone = EventTime.FindZone(e.TimeZone) ?? DateTimeZone.Utc;
        var when = EventTime.Format(startUtc, zone);
        return new(person.Id, "gathering.date-dropped", $"{e.Title} no longer meets on {when}", PageOf(e),
            templates.Compose(person.Email!, person.DisplayName, $"{e.Title} no longer meets on {when}",
                [$"The hosts changed when {e.Title} repeats, and {when} ({e.TimeZone}) is no longer one of its dates, so your answer to it is gone.",
                 "Your answers to the dates that remain are kept. Look at the new dates and answer the ones you can come to."],
                ("See the new dates", PageOf(e))));
    }

    /// <summary>One message for "going to every date" of a series with limited places, not one per date.</summary>
    public Notice AnsweredEveryDate(GatheringEvent e, string summary, HubUser person) => new(person.Id, "gathering.going", $"Your dates for {e.Title}", PageOf(e),
        templates.Compose(person.Email!, person.DisplayName, $"Your dates for {e.Title}",
            [summary, Where(e), "Your private calendar on the hub lists each date. If your plans change, say so on the event's page: someone waiting may take your place."],
            ("Open the event", PageOf(e))));
}
