using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>
/// What the facilitator typed, read and checked: participants, a group size per call and who is away when.
/// Every problem comes back as a sentence for the field it belongs to, so the form can explain itself.
/// </summary>
public sealed partial record ProgramPlan(
    IReadOnlyList<(string Name, string Email)> Participants,
    IReadOnlyList<int?> Sizes,
    IReadOnlyList<(int Call, int Person)> Absences)
{
    public const int MaxParticipants = 300;
    public const int MaxCalls = 24;

    public int Calls => Sizes.Count;

    /// <summary>
    /// Reads the three fields; the errors are keyed "Participants", "Calls" and "Absences". For a program
    /// <paramref name="tied"/> to a gathering the list is optional (the people going are its cohort) and the rooms
    /// adapt to however many come.
    /// </summary>
    public static (ProgramPlan? Plan, Dictionary<string, PlanError> Errors) Read(string? participants, string? calls, string? absences, bool tied = false)
    {
        var errors = new Dictionary<string, PlanError>();
        var people = ReadParticipants(participants ?? "", errors, tied);
        var sizes = ReadSizes(calls ?? "", errors);
        var away = errors.Count == 0 ? ReadAbsences(absences ?? "", people, sizes.Count, errors) : [];
        if (errors.Count == 0 && !tied)
        {
            for (var c = 0; c < sizes.Count; c++)
            {
                var present = people.Count - away.Count(a => a.Call == c);
                if (present < 2)
                {
                    errors["Absences"] = new("Programs.Plan.CallTooSmall", c + 1) { Count = present };
                    break;
                }
                if (sizes[c] is int size && size > present)
                {
                    errors["Calls"] = new("Programs.Plan.SizeTooBig", c + 1, size, present);
                    break;
                }
            }
        }
        return errors.Count == 0 ? (new ProgramPlan(people, sizes, away), errors) : (null, errors);
    }

    private static List<(string Name, string Email)> ReadParticipants(string text, Dictionary<string, PlanError> errors, bool tied)
    {
        var people = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var email = EmailPattern().Match(lines[i]);
            if (!email.Success)
            {
                errors["Participants"] = new("Programs.Plan.NoEmail", i + 1, Shorten(lines[i]));
                return people;
            }
            var name = (lines[i][..email.Index] + lines[i][(email.Index + email.Length)..]).Trim(' ', ',', ';', '<', '>', '\t', '"');
            if (name.Length == 0)
            {
                name = email.Value[..email.Value.IndexOf('@')];
            }
            if (!seen.Add(email.Value))
            {
                errors["Participants"] = new("Programs.Plan.Twice", email.Value);
                return people;
            }
            people.Add((name.Length > 120 ? name[..120] : name, email.Value.ToLowerInvariant()));
        }
        if (people.Count < 2 && !tied)
        {
            errors["Participants"] = new("Programs.Plan.TooFew", people.Count);
        }
        else if (people.Count > MaxParticipants)
        {
            errors["Participants"] = new("Programs.Plan.TooMany", MaxParticipants, people.Count);
        }
        return people;
    }

    private static List<int?> ReadSizes(string text, Dictionary<string, PlanError> errors)
    {
        var sizes = new List<int?>();
        foreach (var item in text.Split([',', ' ', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (item.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                sizes.Add(null);
            }
            else if (int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 2)
            {
                sizes.Add(size);
            }
            else
            {
                errors["Calls"] = new("Programs.Plan.NotASize", Shorten(item));
                return sizes;
            }
        }
        if (sizes.Count == 0)
        {
            errors["Calls"] = new("Programs.Plan.NoSizes");
        }
        else if (sizes.Count > MaxCalls)
        {
            errors["Calls"] = new("Programs.Plan.TooManyCalls", MaxCalls, sizes.Count);
        }
        return sizes;
    }

    private static List<(int Call, int Person)> ReadAbsences(string text, List<(string Name, string Email)> people, int calls, Dictionary<string, PlanError> errors)
    {
        var away = new List<(int, int)>();
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon < 0 || !int.TryParse(lines[i][..colon].Replace("call", "", StringComparison.OrdinalIgnoreCase).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var call))
            {
                errors["Absences"] = new("Programs.Plan.NoCallNumber", i + 1, Shorten(lines[i]));
                return away;
            }
            if (call < 1 || call > calls)
            {
                errors["Absences"] = new("Programs.Plan.NoSuchCall", i + 1, call, calls);
                return away;
            }
            foreach (var who in lines[i][(colon + 1)..].Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var person = people.FindIndex(p => p.Email.Equals(who, StringComparison.OrdinalIgnoreCase) || p.Name.Equals(who, StringComparison.OrdinalIgnoreCase));
                if (person < 0)
                {
                    errors["Absences"] = new("Programs.Plan.NotInProgram", i + 1, Shorten(who));
                    return away;
                }
                if (!away.Contains((call - 1, person)))
                {
                    away.Add((call - 1, person));
                }
            }
        }
        return away;
    }

    /// <summary>
    /// A problem with what was typed, as a key of <see cref="Strings"/> and its values: the operation puts it into the
    /// page's language. <see cref="Count"/>, when set, picks the plural form and is the sentence's {0}.
    /// </summary>
    public sealed record PlanError(string Key, params object[] Args)
    {
        public long? Count { get; init; }

        public string In(IStringLocalizer strings) => Count is long n ? strings.Plural(Key, n, Args) : strings[Key, Args];

        public override string ToString() => Key;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex(@"[^\s,;<>""]+@[^\s,;<>""]+\.[^\s,;<>""]+")]
    private static partial Regex EmailPattern();
}
