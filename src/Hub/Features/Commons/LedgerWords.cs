using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// The descriptions the hub writes into the ledger itself (a contribution paid, a ticket, a refund, an event's closing
/// entries), kept as <see cref="StoredWords"/> so the treasury, the exports and the transparency report say them in each
/// reader's language. Entries written before are English sentences and read as written.
/// </summary>
public static class LedgerWords
{
    /// <summary>Who recorded what arrived by the payment provider's webhook (shown in the reader's language).</summary>
    public const string PaymentProvider = "payment provider";

    public const string Income = "Ledger.Income";
    public const string IncomeBesidesCards = "Ledger.IncomeBesidesCards";

    /// <summary>The event's title an income entry names, for entries the hub wrote in either form; null for any other.</summary>
    public static string? EventTitleOf(string description)
    {
        if (StoredWords.TryRead(description, out var key, out var arguments))
        {
            return key is Income or IncomeBesidesCards && arguments.Count > 0 ? arguments[0] : null;
        }
        // Written before the descriptions were stored words: "Income of {title}" (and ", besides tickets paid by card").
        const string before = "Income of ", besides = ", besides tickets paid by card";
        if (!description.StartsWith(before, StringComparison.Ordinal))
        {
            return null;
        }
        var title = description[before.Length..];
        return title.EndsWith(besides, StringComparison.Ordinal) ? title[..^besides.Length] : title;
    }
}
