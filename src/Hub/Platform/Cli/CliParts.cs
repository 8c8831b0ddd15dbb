using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;

namespace Microsolidarity.Hub.Platform.Cli;

/// <summary>A verb of the command line with its usage lines and notes, as its help shows them.</summary>
internal sealed class CliCommand(string name, string description) : Command(name, description)
{
    /// <summary>
    /// One entry per form of the command, without "hub ": e.g. "backup --out FILE". A long form may go on
    /// after "\n"; the help lines it up under the first option.
    /// </summary>
    public IReadOnlyList<string> Synopsis { get; init; } = [];

    /// <summary>Text after the options: file formats, settings, examples.</summary>
    public string? Notes { get; init; }
}

/// <summary>The options that several verbs share, each with the message that names what is wrong.</summary>
public static class CliOptions
{
    /// <summary>A whole number of at least <paramref name="min"/>; anything else is refused with the option's name.</summary>
    public static Option<int> WholeNumber(string name, string helpName, int min, string description, int? fallback = null)
    {
        var option = new Option<int>(name)
        {
            HelpName = helpName,
            Description = description,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min)
                {
                    return value;
                }
                result.AddError(min == 0 ? CliWords.T["Cli.WholeNumber", name, text] : CliWords.T["Cli.AtLeast", name, min, text]);
                return 0;
            },
        };
        if (fallback is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }
        return option;
    }

    /// <summary>A word of the command line that is not a setting: a file, a folder, a URL.</summary>
    public static Option<string> Text(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description };
}

/// <summary>
/// The help of every verb, in one layout, written from the command's own definition: what it does, its usage
/// lines, its arguments, options and commands, its notes. A fixed width, so that the text reads the same in a
/// terminal, a file and the README.
/// </summary>
internal static class CliHelp
{
    private const int Width = 100;

    /// <summary>"help" as a command of its own (hub help, hub groups help): the help of the command it follows.</summary>
    public static CliCommand HelpVerb() => new("help", "Show this text.");

    public static void Write(Command command, TextWriter to)
    {
        if (!string.IsNullOrEmpty(command.Description))
        {
            Wrap(to, command.Description, "", "");
            to.WriteLine();
        }
        Usage(command, to);
        Section(to, "Arguments:", command.Arguments.Where(a => !a.Hidden).Select(a => ($"<{a.HelpName ?? a.Name}>", a.Description ?? "")));
        Section(to, "Options:", OptionsOf(command).Select(o => (Label(o), o.Description ?? "")));
        Section(to, "Commands:", command.Subcommands.Where(c => !c.Hidden)
            .Select(c => (string.Join(' ', [c.Name, .. c.Arguments.Select(a => $"<{a.HelpName ?? a.Name}>")]), c.Description ?? "")));
        if (command is CliCommand { Notes: { } notes })
        {
            to.WriteLine();
            to.WriteLine(notes);
        }
    }

    /// <summary>"Usage: hub groups schedule ..." with one line per form; a command with commands of its own lists theirs.</summary>
    private static void Usage(Command command, TextWriter to)
    {
        var lines = SynopsisOf(command).ToList();
        if (lines.Count == 0)
        {
            lines.Add($"{PathOf(command)}{(OptionsOf(command).Any(o => o is not HelpOption) ? " [OPTIONS]" : "")}");
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split('\n');
            var options = parts[0].IndexOfAny(['-', '[', '<']);
            var indent = new string(' ', "Usage: hub ".Length + Math.Max(options, 0));
            to.WriteLine($"{(i == 0 ? "Usage: " : "       ")}hub {parts[0]}".TrimEnd());
            foreach (var more in parts[1..])
            {
                to.WriteLine(indent + more);
            }
        }
    }

    private static IEnumerable<string> SynopsisOf(Command command) => command switch
    {
        CliCommand { Synopsis.Count: > 0 } documented => documented.Synopsis,
        _ => command.Subcommands.Where(c => !c.Hidden).SelectMany(SynopsisOf),
    };

    private static string PathOf(Command command)
    {
        var names = new List<string>();
        for (var c = command; c.Parents.OfType<Command>().FirstOrDefault() is { } parent; c = parent)
        {
            names.Insert(0, c.Name);
        }
        return string.Join(' ', names);
    }

    /// <summary>The command's options, then those of the commands above it that apply below too (--help).</summary>
    private static IEnumerable<Option> OptionsOf(Command command)
    {
        var seen = new HashSet<Option>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in c.Options.Where(o => !o.Hidden && (c == command || o.Recursive)))
            {
                if (seen.Add(option))
                {
                    yield return option;
                }
            }
        }
    }

    /// <summary>"-h, --help", "--members &lt;N&gt;": the short spellings people type, not every alias.</summary>
    private static string Label(Option option)
    {
        var names = option.Aliases.Where(a => a.Length == 2 && a[0] == '-' && char.IsAsciiLetter(a[1])).Append(option.Name);
        var label = string.Join(", ", names);
        return option is HelpOption || option.ValueType == typeof(bool) ? label : $"{label} <{option.HelpName ?? option.Name.TrimStart('-').ToUpperInvariant()}>";
    }

    private static void Section(TextWriter to, string title, IEnumerable<(string Label, string Description)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }
        to.WriteLine();
        to.WriteLine(title);
        var column = Math.Min(list.Max(r => r.Label.Length) + 4, 32);
        foreach (var (label, description) in list)
        {
            var first = $"  {label}";
            if (first.Length + 2 > column)
            {
                to.WriteLine(first);
                first = "";
            }
            Wrap(to, description, first.PadRight(column), new string(' ', column));
        }
    }

    /// <summary>Writes <paramref name="text"/> in lines of at most the width, the first after <paramref name="lead"/>, the rest after <paramref name="indent"/>.</summary>
    private static void Wrap(TextWriter to, string text, string lead, string indent)
    {
        var line = new System.Text.StringBuilder(lead);
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                to.WriteLine(line.ToString());
                line.Clear().Append(indent);
                empty = true;
            }
            line.Append(empty ? "" : " ").Append(word);
            empty = false;
        }
        to.WriteLine(line.ToString().TrimEnd());
    }
}
