using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// The demo commons: a year of monthly contributions, two closed events whose surplus share was
/// booked by the real surplus rule, the call facilitators' pay, a scholarship, a goal, and an open
/// proposal with advice, so the transparency page shows a fund in use.
/// </summary>
public static class SeedDemoCommons
{
    public static async Task RunAsync(IServiceProvider services, DateTime now)
    {
        var db = services.GetRequiredService<HubDbContext>();
        if (await db.LedgerEntries.AnyAsync())
        {
            return;
        }
        var people = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Email!.Split('@')[0], u => u);
        string Id(string name) => people[name].Id;
        void Role(string name, CommonsRoleKind role) =>
            db.CommonsRoles.Add(new CommonsRole { Id = Guid.NewGuid(), UserId = Id(name), Role = role, NamedAt = now.AddMonths(-13), NamedByUserId = Id(name) });
        Role("ilse", CommonsRoleKind.Treasurer);
        Role("tomas", CommonsRoleKind.Administrator);
        Role("noor", CommonsRoleKind.Administrator);
        Role("pilar", CommonsRoleKind.VetoHolder);

        LedgerEntry Entry(LedgerKind kind, long amount, string currency, string description, DateTime at, string? category = null) => new()
        {
            Id = Guid.NewGuid(),
            Fund = CommonsFunds.Commons,
            Currency = currency,
            AmountMinor = amount,
            Kind = kind,
            Description = description,
            Category = category,
            OccurredAt = at,
            RecordedAt = at.AddDays(1),
            RecordedByUserId = Id("ilse"),
            RecordedBy = people["ilse"].DisplayName,
        };

        // Monthly pledges; some started later in the year, one stopped (and its membership lapsed).
        var pledges = new (string Name, long Amount, string Currency, int FromMonthsAgo, int UntilMonthsAgo)[]
        {
            ("ilse", 1000, "EUR", 12, 0), ("tomas", 500, "EUR", 12, 0), ("noor", 300, "EUR", 11, 0), ("pilar", 1500, "EUR", 12, 0),
            ("kofi", 500, "USD", 9, 0), ("wren", 300, "EUR", 7, 0), ("sami", 800, "EUR", 12, 4), ("hanna", 300, "EUR", 3, 0),
        };
        foreach (var (name, amount, currency, from, until) in pledges)
        {
            var pledge = new Pledge { Id = Guid.NewGuid(), UserId = Id(name), AmountMinor = amount, Currency = currency, Monthly = true, CreatedAt = now.AddMonths(-from).AddDays(-2), Reference = PaymentReference.New() };
            for (var monthsAgo = from; monthsAgo >= until; monthsAgo--)
            {
                var entry = Entry(LedgerKind.Contribution, amount, currency, "Monthly contribution", now.AddMonths(-monthsAgo).AddDays(-1));
                entry.ContributorUserId = pledge.UserId;
                entry.PledgeId = pledge.Id;
                db.LedgerEntries.Add(entry);
                pledge.PaidThrough = entry.OccurredAt.AddMonths(1);
            }
            if (until > 0)
            {
                pledge.EndedAt = now.AddMonths(-until).AddDays(3);
            }
            else
            {
                pledge.GrantsMembership = people[name].NetworkMemberSince is null;
                people[name].NetworkMemberSince ??= pledge.CreatedAt.AddDays(2);
            }
            db.Pledges.Add(pledge);
        }

        // Where members send money: an account for euros (the well-known example IBAN, whose checksum is valid) and words for dollars.
        db.BankAccounts.Add(new BankAccount
        {
            Id = Guid.NewGuid(),
            Currency = "EUR",
            AccountHolder = "Network Commons (demo account)",
            Iban = "DE89370400440532013000",
            Bic = "COBADEFFXXX",
            UpdatedAt = now,
            UpdatedByUserId = Id("ilse"),
        });
        db.BankAccounts.Add(new BankAccount
        {
            Id = Guid.NewGuid(),
            Currency = "USD",
            Instructions = "For dollars the commons uses a partner account: write to the treasurers and they send you its routing number.",
            UpdatedAt = now,
            UpdatedByUserId = Id("ilse"),
        });

        for (var monthsAgo = 11; monthsAgo >= 0; monthsAgo--)
        {
            db.LedgerEntries.Add(Entry(LedgerKind.Expense, -4000, "EUR", "Facilitation of the monthly network call", now.AddMonths(-monthsAgo).AddDays(-3), "facilitation"));
            db.LedgerEntries.Add(Entry(LedgerKind.Fee, -95, "EUR", "Bank fees", now.AddMonths(-monthsAgo).AddDays(-2)));
        }
        db.LedgerEntries.Add(Entry(LedgerKind.Contribution, 25000, "EUR", "Gift towards scholarships", now.AddMonths(-5), "scholarship"));
        db.LedgerEntries.Add(Entry(LedgerKind.Contribution, 12000, "EUR", "Gift towards scholarships", now.AddMonths(-2), "scholarship"));
        db.LedgerEntries.Add(Entry(LedgerKind.Expense, -15000, "EUR", "Scholarship (approved proposal)", now.AddMonths(-4), "scholarship"));
        db.FundraisingGoals.Add(new FundraisingGoal { Id = Guid.NewGuid(), Title = "Scholarships for the summer gathering", Category = "scholarship", Currency = "EUR", TargetMinor = 150000, CreatedAt = now.AddMonths(-6) });
        await db.SaveChangesAsync();

        // Two closed events, booked by the surplus rule itself, in this unit of work.
        var surplus = services.GetRequiredService<IEnumerable<IEventSettledHandler>>();
        foreach (var settled in new[]
        {
            new EventSettled(Guid.NewGuid(), "Spring intensive in Lisbon", "/gatherings", now.AddMonths(-7), "EUR", 6400m, 4980m, Id("tomas")),
            new EventSettled(Guid.NewGuid(), "Online practice program, autumn cohort", "/gatherings", now.AddMonths(-2), "USD", 3250m, 1400m, Id("kofi")),
        })
        {
            foreach (var handler in surplus)
            {
                await handler.OnSettledAsync(settled, CancellationToken.None);
            }
        }

        var proposal = new Proposal
        {
            Id = Guid.NewGuid(),
            ProposerUserId = Id("kofi"),
            AmountMinor = 30000,
            Currency = "EUR",
            Category = "coaching",
            Purpose = "Pay a community coach for four sessions with the hosts of new congregations this winter.",
            Recipient = "A community coach (to be chosen with the hosts)",
            State = ProposalState.Open,
            CreatedAt = now.AddDays(-6),
        };
        proposal.Advice.Add(new Advice { Id = Guid.NewGuid(), ProposalId = proposal.Id, UserId = Id("wren"), Kind = AdviceKind.Support, Text = "New hosts asked for exactly this at the last gathering.", GivenAt = now.AddDays(-5) });
        proposal.Advice.Add(new Advice { Id = Guid.NewGuid(), ProposalId = proposal.Id, UserId = Id("sami"), Kind = AdviceKind.Concern, Text = "Could we record the sessions' learnings in the handbook, so others benefit too?", GivenAt = now.AddDays(-3) });
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync();
    }
}
