using System.Numerics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Checks an IBAN the way banks do (ISO 13616: the country and check digits moved to the end, letters
/// as numbers, the whole modulo 97 is 1), so a mistyped character is caught before members copy it.
/// </summary>
public static partial class Iban
{
    /// <summary>Null when <paramref name="text"/> is a valid IBAN (then <paramref name="iban"/> is it without spaces), else why not.</summary>
    public static string? Check(string? text, out string iban, IStringLocalizer strings)
    {
        iban = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        if (!Shape().IsMatch(iban))
        {
            return strings["Commons.Refused.IbanShape"];
        }
        var rearranged = iban[4..] + iban[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) % 97 != 1)
        {
            return strings["Commons.Refused.IbanCheckDigits", iban[..4]];
        }
        return null;
    }

    /// <summary>Null when <paramref name="text"/> is empty or a BIC (8 or 11 characters), else why not.</summary>
    public static string? CheckBic(string? text, out string bic, IStringLocalizer strings)
    {
        bic = (text ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return bic == "" || BicShape().IsMatch(bic) ? null : strings["Commons.Refused.BicShape"].Value;
    }

    [GeneratedRegex("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")]
    private static partial Regex Shape();

    [GeneratedRegex("^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$")]
    private static partial Regex BicShape();
}
