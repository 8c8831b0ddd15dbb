namespace Microsolidarity.Hub.Data.Gatherings;

/// <summary>A ticket price, such as solidarity, standard or supporter; or pay what you can, from a minimum.</summary>
public class TicketTier
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
    public bool PayWhatYouCan { get; set; }
    public decimal Minimum { get; set; }
    public int Order { get; set; }
}

public class DiscountCode
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public string Code { get; set; } = "";
    public int PercentOff { get; set; }

    /// <summary>How many tickets may use the code; null for no limit.</summary>
    public int? MaxUses { get; set; }

    /// <summary>Tickets using the code now; raised only by a conditional update, so it never passes <see cref="MaxUses"/>.</summary>
    public int Uses { get; set; }

    /// <summary>The code works until this instant (the end of the chosen day in the event's zone); null for no end.</summary>
    public DateTime? ExpiresAt { get; set; }
}

public enum ScholarshipStatus
{
    None = 0,
    Requested = 1,
    Granted = 2,
    Declined = 3,
}

/// <summary>A person's ticket: the tier, the amount, a scholarship asked for in their own words, and whether they paid.</summary>
public class Ticket
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public string UserId { get; set; } = "";
    public Accounts.HubUser User { get; set; } = null!;
    public Guid TierId { get; set; }
    public decimal Amount { get; set; }
    public string DiscountCode { get; set; } = "";
    public string ScholarshipRequest { get; set; } = "";
    public ScholarshipStatus Scholarship { get; set; }

    /// <summary>What the hosts granted; the person owes <see cref="Amount"/> minus this.</summary>
    public decimal Granted { get; set; }

    public bool Paid { get; set; }
    public DateTime? PaidAt { get; set; }
    public string MarkedPaidByUserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>What the person writes on a bank transfer ("MSH-7K2Q-9F"); the hosts find the ticket by it. Unique.</summary>
    public string? PaymentReference { get; set; }

    public decimal Due => Amount - Granted;
}

/// <summary>A line of an event's budget besides tickets: a cost (venue, food) or other income (a donation).</summary>
public class BudgetLine
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public bool IsIncome { get; set; }
    public string Label { get; set; } = "";
    public decimal Amount { get; set; }
}
