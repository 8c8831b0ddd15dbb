using System.Globalization;
using System.Text.RegularExpressions;

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
    public static (ProgramPlan? Plan, Dictionary<string, string> Errors) Read(string? participants, string? calls, string? absences, bool tied = false)
    {
        var errors = new Dictionary<string, string>();
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
                    errors["Absences"] = $"Call {c + 1} would have {present} {(present == 1 ? "person" : "people")}; a call needs at least 2.";
                    break;
                }
                if (sizes[c] is int size && size > present)
                {
                    errors["Calls"] = $"Call {c + 1} asks for groups of {size}, but only {present} people are in it. Use a smaller size or \"all\".";
                    break;
                }
            }
        }
        return errors.Count == 0 ? (new ProgramPlan(people, sizes, away), errors) : (null, errors);
    }

    private static List<(string Name, string Email)> ReadParticipants(string text, Dictionary<string, string> errors, bool tied)
    {
        var people = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var email = EmailPattern().Match(lines[i]);
            if (!email.Success)
            {
                errors["Participants"] = $"Line {i + 1} (\"{Shorten(lines[i])}\") has no email address. Write a name and an email, such as: Ana Lima, ana@example.org";
                return people;
            }
            var name = (lines[i][..email.Index] + lines[i][(email.Index + email.Length)..]).Trim(' ', ',', ';', '<', '>', '\t', '"');
            if (name.Length == 0)
            {
                name = email.Value[..email.Value.IndexOf('@')];
            }
            if (!seen.Add(email.Value))
            {
                errors["Participants"] = $"{email.Value} is listed twice. Each participant needs their own email address.";
                return people;
            }
            people.Add((name.Length > 120 ? name[..120] : name, email.Value.ToLowerInvariant()));
        }
        if (people.Count < 2 && !tied)
        {
            errors["Participants"] = $"A program needs at least 2 participants; {people.Count} listed. Write one per line: a name and an email.";
        }
        else if (people.Count > MaxParticipants)
        {
            errors["Participants"] = $"A program takes at most {MaxParticipants} participants; {people.Count} listed.";
        }
        return people;
    }

    private static List<int?> ReadSizes(string text, Dictionary<string, string> errors)
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
                errors["Calls"] = $"\"{Shorten(item)}\" is not a group size. Give a number of 2 or more, or \"all\", for each call: such as 2, 2, 3, 3, 5, all.";
                return sizes;
            }
        }
        if (sizes.Count == 0)
        {
            errors["Calls"] = "Give a group size for each call, separated by commas: such as 2, 2, 3, 3, 5, all.";
        }
        else if (sizes.Count > MaxCalls)
        {
            errors["Calls"] = $"A program has at most {MaxCalls} calls; {sizes.Count} given.";
        }
        return sizes;
    }

    private static List<(int Call, int Person)> ReadAbsences(string text, List<(string Name, string Email)> people, int calls, Dictionary<string, string> errors)
    {
        var away = new List<(int, int)>();
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon < 0 || !int.TryParse(lines[i][..colon].Replace("call", "", StringComparison.OrdinalIgnoreCase).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var call))
            {
                errors["Absences"] = $"Line {i + 1} (\"{Shorten(lines[i])}\") should start with a call number and a colon, such as: 3: Ana Lima, ben@example.org";
                return away;
            }
            if (call < 1 || call > calls)
            {
                errors["Absences"] = $"Line {i + 1} names call {call}, but the program has calls 1 to {calls}.";
                return away;
            }
            foreach (var who in lines[i][(colon + 1)..].Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var person = people.FindIndex(p => p.Email.Equals(who, StringComparison.OrdinalIgnoreCase) || p.Name.Equals(who, StringComparison.OrdinalIgnoreCase));
                if (person < 0)
                {
                    errors["Absences"] = $"Line {i + 1} names \"{Shorten(who)}\", who is not in the program. Use a participant's name or email as listed above.";
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

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex(@"[^\s,;<>""]+@[^\s,;<>""]+\.[^\s,;<>""]+")]
    private static partial Regex EmailPattern();
}
