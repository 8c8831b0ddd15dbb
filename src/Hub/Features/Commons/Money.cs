using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Amounts as whole minor units (cents) so sums are exact on SQLite and PostgreSQL alike. Every
/// currency the commons accepts has two decimals, which keeps conversion to and from text simple.
/// </summary>
public static class Money
{
    public static readonly IReadOnlyList<string> Currencies = ["EUR", "USD", "GBP", "CHF", "CAD", "AUD"];

    public static bool IsKnown(string? currency) => currency is not null && Currencies.Contains(currency.Trim().ToUpperInvariant());

    public static string Normalize(string currency) => currency.Trim().ToUpperInvariant();

    /// <summary>Reads "12", "12.5", "12.50" or "1,234.50"; refuses more than two decimals rather than rounding money.</summary>
    public static bool TryParse(string? text, out long minor)
    {
        minor = 0;
        if (string.IsNullOrWhiteSpace(text)
            || !decimal.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        var cents = value * 100m;
        if (cents != decimal.Truncate(cents) || Math.Abs(cents) > long.MaxValue / 4)
        {
            return false;
        }
        minor = (long)cents;
        return true;
    }

    public static long ToMinor(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.ToEven);

    public static decimal ToDecimal(long minor) => minor / 100m;

    /// <summary>
    /// An amount for people to read, as the reader's language writes money: "€1,234.50" in English, "1.234,50 €" in
    /// German, "1 234,50 €" in French. Only pages and emails use it; files and form values take <see cref="Plain"/>.
    /// A currency without a symbol of its own keeps its code after the number ("12.50 CHF").
    /// </summary>
    public static string Format(long minor, string currency)
    {
        var culture = DateFormats.Culture;
        var amount = Math.Abs(minor / 100m);
        var sign = minor < 0 ? "−" : "";
        var symbol = currency switch { "EUR" => "€", "USD" => "$", "GBP" => "£", _ => "" };
        if (symbol.Length == 0)
        {
            return $"{sign}{amount.ToString("N2", culture)} {currency}";
        }
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = symbol;
        return sign + amount.ToString("C2", format);
    }

    /// <summary>For CSV and JSON: a plain invariant number such as -12.50.</summary>
    public static string Plain(long minor) => (minor / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public static string? CheckAmount(long minor, IStringLocalizer strings) => minor <= 0 ? strings["Commons.Refused.AmountAboveZero"].Value : null;

    /// <summary>Why a currency is refused, naming the ones the commons keeps.</summary>
    public static string UnknownCurrency(string? currency, IStringLocalizer strings) => strings["Commons.Refused.UnknownCurrency", currency ?? "", string.Join(", ", Currencies)];
}
