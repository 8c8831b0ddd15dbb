using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>Proposals to spend from the commons, for contributors: open ones first, then the full history.</summary>
[Authorize]
public sealed class ProposalsModel(HubDbContext db, CommonsAccess access, ProposeSpending propose, ViewerClock clock, IStringLocalizer<Strings> strings) : HubPageModel
{
    public sealed record Row(Guid Id, string Purpose, long AmountMinor, string Currency, ProposalState State, DateTime CreatedAt, int Advice);

    public CommonsViewer Viewer { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public ViewerClock Clock => clock;

    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Currency { get; set; } = "EUR";
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? Recipient { get; set; }
    [BindProperty] public bool Scholarship { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Viewer = await access.ViewerAsync(User, cancellationToken);
        await clock.ZoneAsync();
        if (!Viewer.MaySeeProposals)
        {
            return;
        }
        var rows = await db.Proposals.Select(p => new Row(p.Id, p.Purpose, p.AmountMinor, p.Currency, p.State, p.CreatedAt, p.Advice.Count)).ToListAsync(cancellationToken);
        Rows = [.. rows.OrderBy(r => r.State == ProposalState.Open ? 0 : 1).ThenByDescending(r => r.CreatedAt)];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Money.TryParse(Amount, out var minor))
        {
            ModelState.AddModelError(nameof(Amount), strings["Commons.Proposals.AmountFormat"]);
            await LoadAsync(cancellationToken);
            return Page();
        }
        var (outcome, id) = await propose.RunAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!,
            new ProposeSpending.Input(minor, Currency ?? "", Purpose ?? "", Recipient ?? "", Scholarship ? "scholarship" : null), cancellationToken);
        return await AfterAsync(outcome, strings["Commons.Proposals.Opened"], async () => { await LoadAsync(cancellationToken); return Page(); }, $"/commons/proposals/{id}");
    }

    public static string StateName(ProposalState state, IStringLocalizer strings) => strings[state switch
    {
        ProposalState.Open => "Commons.State.Open",
        ProposalState.Approved => "Commons.State.Approved",
        ProposalState.Declined => "Commons.State.Declined",
        ProposalState.Vetoed => "Commons.State.Vetoed",
        _ => "Commons.State.Paid",
    }];
}
