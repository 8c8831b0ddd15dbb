using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Commons;

[Authorize]
public sealed class ContributeModel(HubDbContext db, PledgeContribution pledge, EndPledge end, IPaymentProvider payments, IPayments bank, IOptions<CommonsOptions> options,
    ViewerClock clock, PublicAddress address, IStringLocalizer<Strings> strings) : HubPageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Commons.Contribute.AmountRequired")]
        public string Amount { get; set; } = "5";

        public string? Currency { get; set; } = "EUR";

        public bool Monthly { get; set; } = true;
    }

    public sealed record PledgeRow(Pledge Pledge, long PaidMinor);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<PledgeRow> Pledges { get; private set; } = [];
    public DateTime? MemberSince { get; private set; }

    /// <summary>The commons' bank account for each currency of the viewer's open pledges (null: none set).</summary>
    public Dictionary<string, BankTransfer?> Banks { get; private set; } = [];
    public bool PaymentsOnline => payments.IsConfigured;
    public CommonsOptions Options => options.Value;
    public ViewerClock Clock => clock;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await clock.ZoneAsync();
        var pledges = await db.Pledges.Where(p => p.UserId == UserId).OrderByDescending(p => p.CreatedAt).ToListAsync(cancellationToken);
        var ids = pledges.Select(p => (Guid?)p.Id).ToList();
        var paid = await db.LedgerEntries.Where(e => ids.Contains(e.PledgeId)).GroupBy(e => e.PledgeId).Select(g => new { g.Key, Sum = g.Sum(e => e.AmountMinor) }).ToListAsync(cancellationToken);
        Pledges = pledges.Select(p => new PledgeRow(p, paid.FirstOrDefault(x => x.Key == p.Id)?.Sum ?? 0)).ToList();
        MemberSince = await db.Users.Where(u => u.Id == UserId).Select(u => u.NetworkMemberSince).SingleAsync(cancellationToken);
        foreach (var currency in pledges.Where(p => p.EndedAt is null).Select(p => p.Currency).Distinct())
        {
            Banks[currency] = await bank.BankTransferAsync(currency, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostPledgeAsync(CancellationToken cancellationToken)
    {
        if (!Money.TryParse(Input.Amount, out var minor))
        {
            ModelState.AddModelError("Input.Amount", strings["Commons.Contribute.AmountFormat"]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var (outcome, _) = await pledge.RunAsync(UserId, minor, Input.Currency ?? "", Input.Monthly, cancellationToken);
        return await AfterAsync(outcome is { Succeeded: false, Field: not "" } ? outcome with { Field = $"Input.{outcome.Field}" } : outcome,
            strings[Input.Monthly ? "Commons.Contribute.NotedMonthly" : "Commons.Contribute.NotedOnce"],
            async () => { await LoadAsync(cancellationToken); return Page(); });
    }

    public async Task<IActionResult> OnPostEndAsync(Guid pledgeId, CancellationToken cancellationToken) =>
        await AfterAsync(await end.RunAsync(UserId, pledgeId, cancellationToken), strings["Commons.Contribute.Stopped"],
            async () => { await LoadAsync(cancellationToken); return Page(); });

    public async Task<IActionResult> OnPostPayAsync(Guid pledgeId, CancellationToken cancellationToken)
    {
        var mine = await db.Pledges.SingleOrDefaultAsync(p => p.Id == pledgeId && p.UserId == UserId && p.EndedAt == null, cancellationToken);
        if (mine is null || !payments.IsConfigured)
        {
            return NotFound();
        }
        var email = await db.Users.Where(u => u.Id == UserId).Select(u => u.Email!).SingleAsync(cancellationToken);
        var back = address.Absolute("/commons/contribute"); // never the request's Host: the payment page would send people there
        return Redirect(await payments.StartCheckoutAsync(mine, email, back, cancellationToken));
    }
}
