using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>What _BankTransfer.cshtml shows: the amount, the reference and the commons' account for the currency.</summary>
/// <param name="Matcher">Who matches the transfer: "treasurers" for a pledge, "hosts" for a ticket.</param>
public sealed record PaymentDue(string Amount, string Currency, string Reference, BankTransfer? Bank, string Matcher)
{
    /// <summary>An IBAN in groups of four, as banks print it and people read it aloud.</summary>
    public static string Grouped(string iban) =>
        string.Join(' ', Enumerable.Range(0, (iban.Length + 3) / 4).Select(i => iban.Substring(i * 4, Math.Min(4, iban.Length - i * 4))));
}
