using System.Security.Cryptography;
using System.Text;

namespace Microsolidarity.Hub.Platform;

/// <summary>
/// The reference a person writes on a bank transfer, such as "MSH-7K2Q-9F": short enough to type from
/// a phone, and made only of characters that cannot be mistaken for each other when read aloud or
/// copied from a statement (no 0/O, 1/I/L, U/V). Six random characters give 729 million references;
/// the tables' unique indexes make each one name exactly one pledge or ticket.
/// </summary>
public static class PaymentReference
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    private const string Prefix = "MSH";

    public static string New()
    {
        Span<char> chars = stackalloc char[6];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return $"{Prefix}-{chars[..4]}-{chars[4..]}";
    }

    /// <summary>
    /// What a search compares: upper case, letters and digits only, without the "MSH" prefix, so
    /// "msh 7k2q 9f", "MSH7K2Q9F" and "7K2Q-9F" all find MSH-7K2Q-9F.
    /// </summary>
    public static string Normalize(string? text)
    {
        var plain = new StringBuilder();
        foreach (var c in (text ?? "").ToUpperInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                plain.Append(c);
            }
        }
        var result = plain.ToString();
        return result.StartsWith(Prefix, StringComparison.Ordinal) && result.Length > Prefix.Length ? result[Prefix.Length..] : result;
    }

    /// <summary>True when <paramref name="reference"/> contains what was typed (at least three characters of it).</summary>
    public static bool Matches(string? reference, string? typed)
    {
        var wanted = Normalize(typed);
        return wanted.Length >= 3 && reference is not null && Normalize(reference).Contains(wanted, StringComparison.Ordinal);
    }
}
