namespace Microsolidarity.Hub.Data.Commons;

/// <summary>
/// How to pay the commons by bank transfer in one currency: an account (holder, IBAN, BIC) or, where
/// IBANs are not used, the treasurers' own words. Members see it beside their pledges and tickets.
/// </summary>
public class BankAccount
{
    public Guid Id { get; set; }

    /// <summary>One account per currency (ISO 4217, upper case).</summary>
    public string Currency { get; set; } = "";

    public string AccountHolder { get; set; } = "";

    /// <summary>Without spaces, upper case, its checksum verified; empty when only instructions are given.</summary>
    public string Iban { get; set; } = "";

    public string Bic { get; set; } = "";

    /// <summary>Free text: an account number and sort code, a routing number, or "pay in cash at the gathering".</summary>
    public string Instructions { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
    public string UpdatedByUserId { get; set; } = "";
}
