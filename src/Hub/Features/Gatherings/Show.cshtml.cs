using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Maps;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>An event's page: its dates, answers, places and waitlist. To anyone it is not open to, it does not exist (404).</summary>
public sealed class ShowEventModel(ViewerLoader viewers, HubDbContext db, AnswerEvent answer, ChangeOccurrence change, UpcomingOccurrences upcoming,
    AccountLinks links, TimeProvider time, ChooseTicket chooseTicket, IPayments payments, Crews.CrewTables crewTables,
    IStringLocalizer<Strings> words) : HubPageModel
{
    /// <summary>The viewer's temporary crew on the selected date, once its crews are published.</summary>
    public Crews.Table? MyTable { get; private set; }

    public IReadOnlyList<TicketTier> Tiers { get; private set; } = [];
    public Ticket? MyTicket { get; private set; }
    public bool HasAnswered { get; private set; }

    [BindProperty] public Guid TierId { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Scholarship { get; set; }

    /// <summary>How to pay the viewer's unpaid ticket by bank transfer; null when nothing is due.</summary>
    public PaymentDue? Due { get; private set; }
    public bool CardPaymentsOn => payments.CardPaymentsOn;

    public async Task<IActionResult> OnPostPayAsync(Guid id, string? date, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, date, cancellationToken) is { } missing)
        {
            return missing;
        }
        if (!payments.CardPaymentsOn || MyTicket is not { Paid: false } ticket || ticket.Due <= 0 || Event.ClosedAt is not null)
        {
            return NotFound();
        }
        var email = await db.Users.Where(u => u.Id == Viewer.UserId).Select(u => u.Email!).SingleAsync(cancellationToken);
        return Redirect(await payments.StartTicketCheckoutAsync(
            new TicketCheckout(ticket.Id, Event.Id, Event.Title, TicketPayments.MinorUnits(ticket.Due), Event.Currency, email), cancellationToken));
    }

    public async Task<IActionResult> OnPostTicketAsync(Guid id, string? date, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, date, cancellationToken) is { } missing)
        {
            return missing;
        }
        return await AfterAsync(await chooseTicket.RunAsync(Viewer, id, TierId, Amount, Code, Scholarship, cancellationToken),
            words[string.IsNullOrWhiteSpace(Scholarship) ? "Gatherings.Notice.TicketChosen" : "Gatherings.Notice.TicketChosenScholarship"],
            async () => await LoadAsync(id, date, cancellationToken) ?? Page(), $"/gatherings/{id}");
    }

    public GatheringEvent Event { get; private set; } = null!;
    public Viewer Viewer { get; private set; } = Viewer.Anonymous;
    public string OwnerName { get; private set; } = "";
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;
    public DateTimeZone EventZone { get; private set; } = DateTimeZone.Utc;
    public IReadOnlyList<Occurrence> Dates { get; private set; } = [];
    public Occurrence? Selected { get; private set; }
    public Rsvp? MyAnswer { get; private set; }
    public Rsvp? MySeriesAnswer { get; private set; }
    public int Waiting { get; private set; }
    public int WaitlistPosition { get; private set; }
    public IReadOnlyList<string> Attendees { get; private set; } = [];
    public bool ShowsAttendees { get; private set; }
    public string ShareUrl { get; private set; } = "";
    public string? RuleText { get; private set; }

    /// <summary>What the viewer said last for the selected date: to that date, else to the whole series; null when they have not answered.</summary>
    public RsvpStatus? GivenAnswer => MyAnswer?.Status ?? MySeriesAnswer?.Status;

    public bool IsGoing => MyAnswer?.Status == RsvpStatus.Going || MySeriesAnswer?.Status == RsvpStatus.Going;
    public bool CanHost => Viewer.CanHost(Event);
    public bool IsRecurring => EventSchedule.IsRecurring(Event);

    [BindProperty] public RsvpStatus Reply { get; set; }
    [BindProperty] public string? Answers { get; set; }
    [BindProperty] public OccurrenceChange Change { get; set; }
    [BindProperty] public string? NewDate { get; set; }
    [BindProperty] public string? NewStart { get; set; }
    [BindProperty] public string? NewEnd { get; set; }
    [BindProperty] public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? date, CancellationToken cancellationToken) =>
        await LoadAsync(id, date, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, string? date, bool series, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, date, cancellationToken) is { } missing)
        {
            return missing;
        }
        if (!Viewer.IsSignedIn)
        {
            return Challenge();
        }
        var result = await answer.RunAsync(Viewer, id, series ? null : Selected?.Key, Reply, Answers ?? "", cancellationToken);
        var notice = result.Summary ?? words[result.Status switch
        {
            RsvpStatus.Going => "Gatherings.Notice.Going",
            RsvpStatus.Waitlisted => "Gatherings.Notice.Waitlisted",
            RsvpStatus.AwaitingApproval => "Gatherings.Notice.AwaitingApproval",
            RsvpStatus.Maybe => "Gatherings.Notice.Maybe",
            _ => "Gatherings.Notice.CantGo",
        }];
        return await AfterAsync(result.Outcome, notice, async () => await LoadAsync(id, date, cancellationToken) ?? Page(), $"/gatherings/{id}" + (Selected is null ? "" : $"?date={Selected.Key}"));
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid id, string? date, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, date, cancellationToken) is { } missing)
        {
            return missing;
        }
        if (!CanHost || Selected is null)
        {
            return NotFound();
        }
        if (Change is OccurrenceChange.CancelThis or OccurrenceChange.CancelThisAndFollowing && !Confirm)
        {
            ModelState.AddModelError("Confirm", words["Gatherings.Show.ConfirmCancelError"]);
            return Page();
        }
        var (outcome, eventId) = await change.RunAsync(Viewer, id, Selected.Key, Change, NewDate, NewStart, NewEnd, cancellationToken: cancellationToken);
        string notice = words[Change switch
        {
            OccurrenceChange.CancelThis => "Gatherings.Notice.DateCancelled",
            OccurrenceChange.MoveThis => "Gatherings.Notice.DateMoved",
            OccurrenceChange.CancelThisAndFollowing => "Gatherings.Notice.DatesCancelled",
            _ => "Gatherings.Notice.DatesMoved",
        }];
        return await AfterAsync(outcome, notice, async () => await LoadAsync(id, date, cancellationToken) ?? Page(), $"/gatherings/{eventId}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string? date, CancellationToken cancellationToken)
    {
        var e = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        Viewer = await viewers.LoadAsync(User, cancellationToken);
        if (e is null || !Viewer.CanSee(e))
        {
            return NotFound();
        }
        Event = e;
        Zone = viewers.ZoneForPage(Viewer, e);
        EventZone = EventTime.FindZone(e.TimeZone) ?? DateTimeZone.Utc;
        OwnerName = (await upcoming.OwnerNamesAsync([e], cancellationToken))[e.Id];
        ShareUrl = links.Absolute($"/gatherings/{e.Id}", new Dictionary<string, string?>());
        RuleText = LunarRhythm.IsLunar(e.Recurrence) ? LunarRhythm.Describe(words, e.Recurrence)
            : IsRecurring && RecurrenceRule.TryParse(e.Recurrence, out var rule, out _) ? rule.Describe(words) : null;
        var rows = await db.EventOccurrences.AsNoTracking().Where(o => o.EventId == id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        Dates = IsRecurring ? EventSchedule.Between(e, rows, now, now.AddYears(2), 8) : EventSchedule.Between(e, rows, DateTime.MinValue.AddYears(1), DateTime.MaxValue.AddYears(-1), 1);
        Selected = EventTime.TryParseKey(date, out var key)
            ? Dates.FirstOrDefault(d => d.OriginalStart == key) ?? EventSchedule.Between(e, rows, key.AddDays(-1), key.AddDays(40), 50).FirstOrDefault(d => d.OriginalStart == key)
            : Dates.FirstOrDefault(d => !d.IsCancelled) ?? (Dates.Count > 0 ? Dates[0] : null);
        if (Viewer.UserId is { } me)
        {
            MySeriesAnswer = await db.Rsvps.AsNoTracking().SingleOrDefaultAsync(r => r.EventId == id && r.OccurrenceId == null && r.UserId == me, cancellationToken);
            if (Selected?.Row is { } row)
            {
                MyAnswer = await db.Rsvps.AsNoTracking().SingleOrDefaultAsync(r => r.OccurrenceId == row.Id && r.UserId == me, cancellationToken);
            }
        }
        if (Selected?.Row is { } selectedRow)
        {
            Waiting = await db.Rsvps.CountAsync(r => r.OccurrenceId == selectedRow.Id && r.Status == RsvpStatus.Waitlisted, cancellationToken);
            if (MyAnswer?.Status == RsvpStatus.Waitlisted)
            {
                WaitlistPosition = 1 + await db.Rsvps.CountAsync(r => r.OccurrenceId == selectedRow.Id && r.Status == RsvpStatus.Waitlisted && r.Arrival < MyAnswer.Arrival, cancellationToken);
            }
        }
        Tiers = await db.TicketTiers.AsNoTracking().Where(t => t.EventId == id).OrderBy(t => t.Order).ToListAsync(cancellationToken);
        if (Viewer.UserId is { } viewerId)
        {
            MyTicket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.EventId == id && t.UserId == viewerId, cancellationToken);
            if (MyTicket is { Paid: false, PaymentReference: { } reference } && MyTicket.Due > 0 && MyTicket.Scholarship != ScholarshipStatus.Requested)
            {
                Due = new PaymentDue($"{MyTicket.Due:0.00} {e.Currency}", e.Currency, reference, await payments.BankTransferAsync(e.Currency, cancellationToken), "hosts");
            }
            HasAnswered = await db.Rsvps.AnyAsync(r => r.EventId == id && r.UserId == viewerId && (r.Status == RsvpStatus.Going || r.Status == RsvpStatus.Waitlisted || r.Status == RsvpStatus.AwaitingApproval), cancellationToken);
        }
        ShowsAttendees = CanHost || e.AttendeeList switch
        {
            AttendeeListVisibility.EveryoneWhoSeesTheEvent => true,
            AttendeeListVisibility.Attendees => IsGoing,
            _ => false,
        };
        if (ShowsAttendees)
        {
            var rowId = Selected?.Row?.Id;
            Attendees = await db.Rsvps.AsNoTracking()
                .Where(r => r.EventId == id && r.Status == RsvpStatus.Going && (r.OccurrenceId == null || r.OccurrenceId == rowId))
                // Once per person (an answer to the series and one to this date are the same person), two people of one
                // name twice, in order of name: ordering before Distinct was dropped by the database, names came unordered.
                .Select(r => new { r.UserId, r.User.DisplayName }).Distinct()
                .OrderBy(r => r.DisplayName).Select(r => r.DisplayName).ToListAsync(cancellationToken);
        }
        if (Selected is not null && (IsGoing || CanHost))
        {
            MyTable = await crewTables.MineAsync(id, Selected.OriginalStart, Viewer, cancellationToken);
        }
        Map = ReadMap();
        return null;
    }

    public string Range(Occurrence o) => EventTime.Range(o.StartsAt, o.EndsAt, Zone, EventZone, words);

    /// <summary>
    /// The street map a reader may open: at the placed point when there is one, else a search for the
    /// address. A plain link, so nothing from the map's site loads until it is followed.
    /// </summary>
    public string MapLink => Event is { Latitude: { } lat, Longitude: { } lon }
        ? string.Create(CultureInfo.InvariantCulture, $"https://www.openstreetmap.org/?mlat={lat:0.00}&mlon={lon:0.00}#map=14/{lat:0.00}/{lon:0.00}")
        : "https://www.openstreetmap.org/search?query=" + Uri.EscapeDataString(Event.Address);

    /// <summary>The preview of an event in person: its placed point, else a listed city its address names (said so under the map); null for none.</summary>
    public EventMap? Map { get; private set; }

    private EventMap? ReadMap() => Event.IsOnline ? null
        : Event is { Latitude: { } lat, Longitude: { } lon }
            ? new(RegionMap.Svg(lat, lon, words["Gatherings.Show.MapOfPlace", Event.Address]), null)
            : Cities.MentionedIn(Event.Address) is { } city
                ? new(RegionMap.Svg(city.Latitude, city.Longitude, words["Gatherings.Show.MapOfCity", city.Name, city.Country]), city.Label)
                : null;

    public sealed record EventMap(string Svg, string? NearCity);
}
