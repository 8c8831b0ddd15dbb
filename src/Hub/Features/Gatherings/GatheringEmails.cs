using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Accounts;
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

    private string Where(GatheringEvent e) => e.IsOnline
        ? (e.CallLink == "" ? "Online; the hosts will share the call link on the event's page." : $"Online: {e.CallLink}")
        : $"At {e.Address}";

    public Notice Going(GatheringEvent e, EventOccurrence o, HubUser person) => new(person.Id, "gathering.going", $"You are going to {e.Title}, {When(e, o)}", PageOf(e),
        templates.Compose(person.Email!, person.DisplayName, $"You are going to {e.Title}",
            [$"Your place at {e.Title} is confirmed: {When(e, o)}.", Where(e), "The attached file adds the date to your calendar. If your plans change, say so on the event's page: someone on the waitlist may take your place."],
            ("Open the event", PageOf(e))) with { Attachment = Ics(e, o) });

    public Notice Reminder(GatheringEvent e, EventOccurrence o, HubUser person, int minutesBefore) => new(person.Id, "gathering.reminder", $"{(minutesBefore >= 24 * 60 ? "Tomorrow" : "In an hour")}: {e.Title}", PageOf(e),
        templates.Compose(person.Email!, person.DisplayName, minutesBefore >= 24 * 60 ? $"Tomorrow: {e.Title}" : $"In an hour: {e.Title}",
            [$"A reminder that you are going to {e.Title}: {When(e, o)}.", Where(e), "If you cannot come, say so on the event's page so someone waiting can take your place."],
            ("Open the event", PageOf(e)), footer: "You receive this because you said you are going. Choose which reminders you get on your calendar page."));

    public Notice Promoted(GatheringEvent e, EventOccurrence o, HubUser person) => new(person.Id, "gathering.promoted", $"A place opened for you at {e.Title}", PageOf(e),
        templates.Compose(person.Email!, person.DisplayName, $"A place opened for you at {e.Title}",
            [$"Someone could not come, and you were first on the waitlist: you have a place at {e.Title}, {When(e, o)}.", Where(e), "If you cannot come any more, say so on the event's page so the next person gets the place."],
            ("Open the event", PageOf(e))) with { Attachment = Ics(e, o) });
}
