using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>One proposal with its advice and decisions; the actions each role may take.</summary>
[Authorize]
public sealed class ProposalModel(HubDbContext db, CommonsAccess access, GiveAdvice advise, DecideProposal decide, VetoProposal veto, PayProposal pay, ViewerClock clock,
    IStringLocalizer<Strings> strings) : HubPageModel
{
    public sealed record AdviceRow(string Name, AdviceKind Kind, string Text, DateTime GivenAt);

    public CommonsViewer Viewer { get; private set; } = null!;
    public Proposal Proposal { get; private set; } = null!;
    /// <summary>Null when the proposer has left the hub (the page words it).</summary>
    public string? ProposerName { get; private set; }
    public string? DeciderName { get; private set; }
    public string? VetoName { get; private set; }
    public IReadOnlyList<AdviceRow> AdviceGiven { get; private set; } = [];
    public ViewerClock Clock => clock;

    [BindProperty] public AdviceKind Kind { get; set; } = AdviceKind.Support;
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Reason { get; set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Viewer = await access.ViewerAsync(User, cancellationToken);
        if (!Viewer.MaySeeProposals)
        {
            return false;
        }
        var proposal = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return false;
        }
        Proposal = proposal;
        await clock.ZoneAsync();
        var ids = new[] { proposal.ProposerUserId, proposal.DecidedByUserId, proposal.VetoedByUserId };
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        ProposerName = names.GetValueOrDefault(proposal.ProposerUserId);
        DeciderName = proposal.DecidedByUserId is { } d ? names.GetValueOrDefault(d) : null;
        VetoName = proposal.VetoedByUserId is { } v ? names.GetValueOrDefault(v) : null;
        AdviceGiven = await db.Advice.Where(a => a.ProposalId == id).OrderBy(a => a.GivenAt)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new AdviceRow(u.DisplayName, a.Kind, a.Text, a.GivenAt)).ToListAsync(cancellationToken);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    private async Task<IActionResult> AfterActionAsync(Guid id, Outcome outcome, string notice, CancellationToken cancellationToken) =>
        await AfterAsync(outcome, notice, async () => await LoadAsync(id, cancellationToken) ? Page() : NotFound(), $"/commons/proposals/{id}");

    public async Task<IActionResult> OnPostAdviseAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterActionAsync(id, await advise.RunAsync(UserId, id, Kind, Text ?? "", cancellationToken), strings["Commons.Proposal.Thanks"], cancellationToken);

    public async Task<IActionResult> OnPostDecideAsync(Guid id, bool approve, CancellationToken cancellationToken) =>
        await AfterActionAsync(id, await decide.RunAsync(UserId, id, approve, Reason ?? "", cancellationToken),
            strings[approve ? "Commons.Proposal.ApprovedNotice" : "Commons.Proposal.DeclinedNotice"], cancellationToken);

    public async Task<IActionResult> OnPostVetoAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterActionAsync(id, await veto.RunAsync(UserId, id, Reason ?? "", cancellationToken), strings["Commons.Proposal.VetoedNotice"], cancellationToken);

    public async Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterActionAsync(id, await pay.RunAsync(UserId, id, cancellationToken), strings["Commons.Proposal.PaidNotice"], cancellationToken);
}
