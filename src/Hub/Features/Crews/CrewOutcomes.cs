using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// A crew's last retrospective outcome in the reader's language. <see cref="Data.Crews.Crew.LastOutcome"/> is stored as the
/// English sentence <see cref="AnswerRetrospective"/> writes (and the demo seeds); its kind and count are read back from
/// it here, so every member reads it in their own language without a change to what is stored. A sentence of another
/// shape is shown as written.
/// </summary>
public static partial class CrewOutcomes
{
    public const string Ended = "The experiment has ended and the crew closes here. It stays in your history; new crews form at every gathering.";

    /// <summary>The stored English sentence: "The crew continues, all four of you." or "The crew continues with three."</summary>
    public static string Continues(int continuing, int members) => continuing == members
        ? $"The crew continues, all {EnglishNumber(continuing)} of you."
        : $"The crew continues with {EnglishNumber(continuing)}.";

    public static string Say(string stored, IStringLocalizer strings)
    {
        if (stored == Ended)
        {
            return strings["Crews.Outcome.Ended"];
        }
        if (AllOf().Match(stored) is { Success: true } all && NumberOf(all.Groups[1].Value) is { } n)
        {
            return strings["Crews.Outcome.All", Number(n, strings)];
        }
        if (With().Match(stored) is { Success: true } with && NumberOf(with.Groups[1].Value) is { } m)
        {
            return strings["Crews.Outcome.With", Number(m, strings)];
        }
        return stored;
    }

    private static readonly string[] EnglishWords = ["two", "three", "four", "five", "six"];

    private static string EnglishNumber(int n) => n is >= 2 and <= 6 ? EnglishWords[n - 2] : n.ToString(CultureInfo.InvariantCulture);

    private static int? NumberOf(string word) => Array.IndexOf(EnglishWords, word) is >= 0 and var i ? i + 2
        : int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Small counts in words, as the sentence reads best; others in digits.</summary>
    private static string Number(int n, IStringLocalizer strings) =>
        n is >= 2 and <= 6 ? strings[$"Crews.Number.{n}"] : n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^The crew continues, all (\w+) of you\.$")]
    private static partial Regex AllOf();

    [GeneratedRegex(@"^The crew continues with (\w+)\.$")]
    private static partial Regex With();
}
