using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Pledges, contributions, proposals and advice. On deletion the money stays in the ledger (the
/// fund's history must still add up) but no longer points at the person.
/// </summary>
[PersonalDataOf(typeof(Pledge), typeof(LedgerEntry), typeof(Proposal), typeof(Advice), typeof(CommonsRole), typeof(BankAccount))]
internal sealed class CommonsPersonalData(HubDbContext db, IStringLocalizer<Strings> strings) : IPersonalData
{
    public string Section => "Commons";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var pledges = await db.Pledges.CountAsync(p => p.UserId == user.Id, cancellationToken);
        var advice = await db.Advice.CountAsync(a => a.UserId == user.Id, cancellationToken);
        return [$"Your {pledges} pledge(s) and {advice} piece(s) of advice. Your contributions stay in the commons' ledger as amounts without your name, so the fund still adds up; your proposals stay without your name."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        Pledges = await db.Pledges.Where(p => p.UserId == user.Id)
            .Select(p => new { p.Currency, p.AmountMinor, p.Monthly, p.CreatedAt, p.EndedAt, p.PaidThrough }).ToListAsync(cancellationToken),
        Contributions = (await db.LedgerEntries.Where(e => e.ContributorUserId == user.Id)
            .Select(e => new { e.Currency, e.AmountMinor, e.Description, e.OccurredAt }).ToListAsync(cancellationToken))
            .Select(e => e with { Description = StoredWords.Say(strings, e.Description) }),
        Proposals = await db.Proposals.Where(p => p.ProposerUserId == user.Id)
            .Select(p => new { p.Currency, p.AmountMinor, p.Purpose, p.Recipient, State = p.State.ToString(), p.CreatedAt }).ToListAsync(cancellationToken),
        Advice = await db.Advice.Where(a => a.UserId == user.Id)
            .Select(a => new { a.ProposalId, Kind = a.Kind.ToString(), a.Text, a.GivenAt }).ToListAsync(cancellationToken),
        Roles = await db.CommonsRoles.Where(r => r.UserId == user.Id).Select(r => new { Role = r.Role.ToString(), r.NamedAt }).ToListAsync(cancellationToken),
        BankDetailsLastSaved = await db.BankAccounts.Where(b => b.UpdatedByUserId == user.Id).Select(b => new { b.Currency, b.UpdatedAt }).ToListAsync(cancellationToken),
    };

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        await db.LedgerEntries.Where(e => e.ContributorUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ContributorUserId, (string?)null), cancellationToken);
        await db.LedgerEntries.Where(e => e.RecordedByUserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.RecordedByUserId, (string?)null).SetProperty(e => e.RecordedBy, "a former treasurer"), cancellationToken);
        await db.Advice.Where(a => a.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Proposals.Where(p => p.ProposerUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ProposerUserId, ""), cancellationToken);
        // Decisions stay on the record without the name of who decided, vetoed or named a role.
        await db.Proposals.Where(p => p.DecidedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.DecidedByUserId, (string?)null), cancellationToken);
        await db.Proposals.Where(p => p.VetoedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.VetoedByUserId, (string?)null), cancellationToken);
        await db.CommonsRoles.Where(r => r.NamedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.NamedByUserId, ""), cancellationToken);
        await db.BankAccounts.Where(b => b.UpdatedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.UpdatedByUserId, ""), cancellationToken);
        // Pledges and roles go with the account (cascade).
    }
}
