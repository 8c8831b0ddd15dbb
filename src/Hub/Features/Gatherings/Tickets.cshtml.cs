using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>For hosts: tiers, codes, tickets with scholarships and payments, the budget, and closing the event.</summary>
[Authorize]
public sealed class EventTicketsModel(ViewerLoader viewers, HubDbContext db, SetUpTickets setUp, TendTicket tend, CloseEvent close,
    IStringLocalizer<Strings> words) : HubPageModel
{
    public GatheringEvent Event { get; private set; } = null!;
    public IReadOnlyList<TicketTier> Tiers { get; private set; } = [];
    public IReadOnlyList<DiscountCode> Codes { get; private set; } = [];
    public IReadOnlyList<Ticket> TicketList { get; private set; } = [];
    public IReadOnlyList<BudgetLine> Lines { get; private set; } = [];
    public CloseEvent.Budget Budget { get; private set; } = new(0, 0, 0, 0);
    private Viewer viewer = Viewer.Anonymous;

    [BindProperty] public string? TierName { get; set; }
    [BindProperty] public string? TierPrice { get; set; }
    [BindProperty] public bool PayWhatYouCan { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public int PercentOff { get; set; }
    [BindProperty] public string? MaxUses { get; set; }
    [BindProperty] public string? ExpiresOn { get; set; }
    [BindProperty] public string? HoursToPay { get; set; }
    [BindProperty] public string? Label { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public bool IsIncome { get; set; }
    [BindProperty] public Guid TicketId { get; set; }
    [BindProperty] public bool Grant { get; set; }
    [BindProperty] public string? Granted { get; set; }
    [BindProperty] public bool Confirm { get; set; }

    /// <summary>A payment reference from a bank statement (in any spelling) or a name: narrows the tickets to match a transfer.</summary>
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }

    /// <summary>Every ticket of the event, before the search narrowed the list.</summary>
    public int AllTickets { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public Task<IActionResult> OnPostTierAsync(Guid id) => RunAsync(id, () => setUp.AddTierAsync(viewer, id, TierName ?? "", TierPrice, PayWhatYouCan, TierPrice), words["Gatherings.Notice.TierAdded"]);
    public Task<IActionResult> OnPostCodeAsync(Guid id) => RunAsync(id, () => setUp.AddCodeAsync(viewer, id, Code ?? "", PercentOff, MaxUses, ExpiresOn), words["Gatherings.Notice.CodeAdded"]);
    public Task<IActionResult> OnPostHoursToPayAsync(Guid id) => RunAsync(id, () => setUp.SetHoursToPayAsync(viewer, id, HoursToPay), string.IsNullOrWhiteSpace(HoursToPay) ? words["Gatherings.Notice.NoDeadline"] : words["Gatherings.Notice.HoursToPay", HoursToPay.Trim()]);
    public Task<IActionResult> OnPostLineAsync(Guid id) => RunAsync(id, () => setUp.AddBudgetLineAsync(viewer, id, IsIncome, Label ?? "", Amount), words["Gatherings.Notice.LineAdded"]);
    public Task<IActionResult> OnPostScholarshipAsync(Guid id) => RunAsync(id, () => tend.DecideScholarshipAsync(viewer, TicketId, Grant, Granted), words[Grant ? "Gatherings.Notice.ScholarshipGranted" : "Gatherings.Notice.ScholarshipDeclined"]);
    public Task<IActionResult> OnPostPaidAsync(Guid id) => RunAsync(id, () => tend.MarkPaidAsync(viewer, TicketId), words["Gatherings.Notice.MarkedPaid"]);

    public Task<IActionResult> OnPostCloseAsync(Guid id) => RunAsync(id, async () =>
        Confirm ? (await close.RunAsync(viewer, id)).Outcome : Outcome.Refused(words["Gatherings.Refused.ConfirmClose"], "Confirm"),
        words["Gatherings.Notice.Closed"]);

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<Outcome>> operation, string notice)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }
        return await AfterAsync(await operation(), notice, async () => await LoadAsync(id) ?? Page(), $"/gatherings/{id}/tickets");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var e = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        viewer = await viewers.LoadAsync(User);
        if (e is null || !viewer.CanHost(e))
        {
            return NotFound();
        }
        Event = e;
        Tiers = await db.TicketTiers.AsNoTracking().Where(t => t.EventId == id).OrderBy(t => t.Order).ToListAsync();
        Codes = await db.DiscountCodes.AsNoTracking().Where(d => d.EventId == id).OrderBy(d => d.Code).ToListAsync();
        TicketList = await db.Tickets.AsNoTracking().Include(t => t.User).Where(t => t.EventId == id).OrderBy(t => t.CreatedAt).ToListAsync();
        AllTickets = TicketList.Count;
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var typed = Search.Trim();
            TicketList = [.. TicketList.Where(t => PaymentReference.Matches(t.PaymentReference, typed) || t.User.DisplayName.Contains(typed, StringComparison.CurrentCultureIgnoreCase))];
        }
        Lines = await db.BudgetLines.AsNoTracking().Where(l => l.EventId == id).OrderBy(l => l.IsIncome).ThenBy(l => l.Label).ToListAsync();
        Budget = await close.BudgetAsync(id);
        return null;
    }

    /// <summary>"3 of 10 used · until 31 May 2027": what a host needs to know about a code at a glance.</summary>
    public string CodeTerms(DiscountCode c)
    {
        var terms = new List<string> { c.MaxUses is { } max ? words["Gatherings.Tickets.UsesOf", c.Uses, max] : words.Plural("Gatherings.Tickets.Used", c.Uses) };
        if (c.ExpiresAt is { } expires)
        {
            var zone = EventTime.FindZone(Event.TimeZone)!;
            terms.Add(words["Gatherings.Tickets.WorksUntil", EventTime.Format(expires, zone)]);
        }
        return string.Join(" · ", terms);
    }

    public string Money(decimal amount) => $"{amount:0.00} {Event.Currency}";
    public string TierName0(Guid tierId) => Tiers.FirstOrDefault(t => t.Id == tierId)?.Name ?? "";
}
