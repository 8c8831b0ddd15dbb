using System.Numerics;
using System.Text.RegularExpressions;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Checks an IBAN the way banks do (ISO 13616: the country and check digits moved to the end, letters
/// as numbers, the whole modulo 97 is 1), so a mistyped character is caught before members copy it.
/// </summary>
public static partial class Iban
{
    /// <summary>Null when <paramref name="text"/> is a valid IBAN (then <paramref name="iban"/> is it without spaces), else why not.</summary>
    public static string? Check(string? text, out string iban)
    {
        iban = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        if (!Shape().IsMatch(iban))
        {
            return "An IBAN starts with two letters for the country and two check digits, then 11 to 30 letters or digits, such as DE89 3704 0044 0532 0130 00.";
        }
        var rearranged = iban[4..] + iban[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) % 97 != 1)
        {
            return $"The check digits of {iban[..4]}… do not match the rest of this IBAN: a character is probably mistyped or missing. Copy it again from a bank statement.";
        }
        return null;
    }

    /// <summary>Null when <paramref name="text"/> is empty or a BIC (8 or 11 characters), else why not.</summary>
    public static string? CheckBic(string? text, out string bic)
    {
        bic = (text ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return bic == "" || BicShape().IsMatch(bic) ? null : "A BIC has 8 or 11 letters and digits: the bank, the country and the place, such as COBADEFFXXX.";
    }

    [GeneratedRegex("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")]
    private static partial Regex Shape();

    [GeneratedRegex("^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$")]
    private static partial Regex BicShape();
}
