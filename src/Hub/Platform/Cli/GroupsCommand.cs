using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsolidarity.Grouping;

namespace Microsolidarity.Hub.Platform.Cli;

/// <summary>
/// The group formation verbs: schedule, partition and pairs. They run the Grouping library only: no web host,
/// no database, so they work on a laptop without the hub's data folder and answer in milliseconds.
/// </summary>
public sealed class GroupsCommand
{
    /// <summary>The file formats, shown after the options in the help of groups and of each of its commands.</summary>
    private const string FileFormats = """
        People are numbered from 0. --time-ms is the search budget (default 1000); --seed makes
        the answer repeatable (default 1).

        File formats (blank lines and lines starting with # are ignored):
          --absent FILE    one line per round with absences: ROUND PERSON [PERSON...]
                           e.g. "2 5 7" means people 5 and 7 miss round 2 (rounds from 0).
          --history FILE   one line per earlier group: PERSON PERSON [PERSON...]
                           e.g. "3 8" means 3 and 8 met once before; "1 4 6" means all three met.
        """;

    /// <summary>The words of the groups verbs: one set of options, shared by the three commands that take them.</summary>
    public sealed class Syntax
    {
        internal readonly Option<int> People = CliOptions.WholeNumber("--people", "N", min: 2, "How many people, numbered from 0.");
        internal readonly Option<int> Size = CliOptions.WholeNumber("--size", "K", min: 2, "People per group, every round.");
        internal readonly Option<int> Rounds = CliOptions.WholeNumber("--rounds", "R", min: 1, "How many rounds.");
        internal readonly Option<int[]?> Sizes = new("--sizes")
        {
            HelpName = "2,2,3,5",
            Arity = ArgumentArity.ExactlyOne,
            Description = "A group size per round (then --size and --rounds may be left out).",
            CustomParser = SizeList,
        };
        internal readonly Option<string> Absent = CliOptions.Text("--absent", "FILE", "Who misses which round (format below).");
        internal readonly Option<int> Seed = CliOptions.WholeNumber("--seed", "S", min: 0, "Makes the answer repeatable.", fallback: 1);
        internal readonly Option<int> TimeMs = CliOptions.WholeNumber("--time-ms", "T", min: 1, "The search budget in milliseconds.", fallback: 1000);
        internal readonly Option<string> Instance = CliOptions.Text("--instance", "FILE", "An MDGPLIB instance.");
        internal readonly Option<string> History = CliOptions.Text("--history", "FILE", "Earlier groups, to meet again as little as may be (format below).");
        internal readonly Option<bool> Json = new("--json") { Description = "Print JSON (the only output for now)." };

        internal readonly CliCommand Schedule;
        internal readonly CliCommand Partition;
        internal readonly CliCommand Pairs;

        public Command Command { get; }

        internal Syntax()
        {
            Schedule = Verb("schedule", "Breakout rooms for R rounds with as few repeated pairs as possible. Prints {\"people\":N,\"rounds\":[[[0,1],[2,3]],...],\"repeatPairs\":0,\"elapsedMs\":12}.",
                ["groups schedule --people N --size K --rounds R [--sizes 2,2,3,5] [--absent FILE]\n[--seed S] [--time-ms T] --json"],
                People, Size, Rounds, Sizes, Absent, Seed, TimeMs, Json);
            Partition = Verb("partition", "Solves an MDGPLIB instance (maximally diverse grouping). Prints {\"objective\":1427.845,\"groups\":[[...]],\"elapsedMs\":...}.",
                ["groups partition --instance FILE [--time-ms T] [--seed S] --json"],
                Instance, TimeMs, Seed, Json);
            Pairs = Verb("pairs", "Pair rotation: with an odd number present, one person rests, in turn. Prints {\"people\":N,\"rounds\":[[[0,1],...],...],\"resting\":[[4],...],\"repeatPairs\":0,\"elapsedMs\":...}.",
                ["groups pairs --people N --rounds R [--history FILE] [--absent FILE] [--seed S]\n[--time-ms T] --json"],
                People, Rounds, History, Absent, Seed, TimeMs, Json);
            Partition.Validators.Add(r => Require(r, Instance));
            Pairs.Validators.Add(r => Require(r, People));
            Pairs.Validators.Add(r => Require(r, Rounds));
            Schedule.Validators.Add(r => Require(r, People));
            Schedule.Validators.Add(r =>
            {
                if (r.GetResult(Sizes) is null)
                {
                    Require(r, Size);
                    Require(r, Rounds);
                }
            });
            var groups = new CliCommand("groups", "Group formation (no database needed).") { Notes = FileFormats };
            groups.Subcommands.Add(Schedule);
            groups.Subcommands.Add(Partition);
            groups.Subcommands.Add(Pairs);
            groups.Subcommands.Add(CliHelp.HelpVerb());
            Command = groups;
        }

        private CliCommand Verb(string name, string description, string[] synopsis, params Option[] options)
        {
            var command = new CliCommand(name, description) { Synopsis = synopsis, Notes = FileFormats };
            foreach (var option in options)
            {
                command.Options.Add(option);
            }
            // JSON is the only output for now; asking for it keeps the door open for a table later.
            command.Validators.Add(r =>
            {
                if (r.GetResult(Json) is null)
                {
                    r.AddError(CliWords.T["Cli.Groups.AddJson"]);
                }
            });
            return command;
        }

        private static void Require(CommandResult result, Option option)
        {
            if (result.GetResult(option) is null)
            {
                result.AddError(CliWords.T["Cli.Required", option.Name]);
            }
        }

        private static int[]? SizeList(ArgumentResult result)
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            var parts = text.Split(',', StringSplitOptions.TrimEntries);
            if (!parts.All(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
            {
                result.AddError(CliWords.T["Cli.Groups.Sizes", text]);
                return null;
            }
            var sizes = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            if (sizes.Any(s => s < 2))
            {
                result.AddError(CliWords.T["Cli.Groups.SizeAtLeast2"]);
            }
            return sizes;
        }

        /// <summary>The command the words chose, with the values to run it on.</summary>
        public GroupsCommand From(ParseResult parsed) => new(this, parsed);
    }

    public static Syntax Definition() => new();

    private readonly Syntax syntax;
    private readonly ParseResult parsed;

    private GroupsCommand(Syntax syntax, ParseResult parsed) => (this.syntax, this.parsed) = (syntax, parsed);

    /// <summary>Runs the command the words chose; a problem only the files or the numbers together show exits with 2.</summary>
    public int Run(TextWriter output, TextWriter errors)
    {
        try
        {
            var command = parsed.CommandResult.Command;
            return command == syntax.Schedule ? Schedule(output)
                : command == syntax.Partition ? Partition(output)
                : Pairs(output);
        }
        catch (Exception e) when (e is BadArguments or FormatException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            errors.WriteLine(e.Message);
            return 2;
        }
    }

    private int Schedule(TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        var people = parsed.GetValue(syntax.People);
        var sizes = parsed.GetResult(syntax.Sizes) is null ? null : parsed.GetValue(syntax.Sizes); // an array option left out reads as empty
        if (sizes is null)
        {
            sizes = Enumerable.Repeat(parsed.GetValue(syntax.Size), parsed.GetValue(syntax.Rounds)).ToArray();
        }
        else if (parsed.GetResult(syntax.Rounds) is not null && parsed.GetValue(syntax.Rounds) != sizes.Length)
        {
            throw new BadArguments(CliWords.T["Cli.Groups.RoundsDiffer", parsed.GetValue(syntax.Rounds), sizes.Length]);
        }
        var request = new ScheduleRequest(people, sizes) { Absences = Absences(people, sizes.Length) };
        var schedule = BuildSchedule.Run(request, Search());
        Write(output, new
        {
            people,
            rounds = schedule.Rounds,
            repeatPairs = ScheduleChecker.RepeatPairs(schedule),
            method = schedule.Method,
            elapsedMs = watch.ElapsedMilliseconds,
        });
        return 0;
    }

    private int Partition(TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        var problem = MdgpInstance.Load(parsed.GetValue(syntax.Instance)!);
        var result = PartitionSearch.Run(problem, Search() with { StallIterations = PartitionSearch.DefaultStall(problem.People) });
        Write(output, new
        {
            objective = Math.Round(result.Objective, 6),
            groups = result.Groups(problem.Groups),
            elapsedMs = watch.ElapsedMilliseconds,
        });
        return 0;
    }

    private int Pairs(TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        var people = parsed.GetValue(syntax.People);
        var rounds = parsed.GetValue(syntax.Rounds);
        var history = History(people);
        var rotation = RotatePairs.Run(new PairRotationRequest(people, rounds)
        {
            History = history,
            Absences = Absences(people, rounds),
        }, Search());
        Write(output, new
        {
            people,
            rounds = rotation.Rounds,
            resting = rotation.Resting,
            repeatPairs = ScheduleChecker.RepeatPairs(rotation.AsSchedule(), history),
            method = rotation.Method,
            elapsedMs = watch.ElapsedMilliseconds,
        });
        return 0;
    }

    // Plain "+" in method names rather than \u002B: this JSON goes to terminals and scripts, not into HTML.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Write(TextWriter output, object value) => output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    private sealed class BadArguments(string message) : Exception(message);

    private SearchOptions Search() => new()
    {
        Seed = parsed.GetValue(syntax.Seed),
        TimeLimit = TimeSpan.FromMilliseconds(parsed.GetValue(syntax.TimeMs)),
    };

    private (int Round, int Person)[] Absences(int people, int rounds)
    {
        var list = new List<(int, int)>();
        foreach (var (path, line, numbers) in Lines(syntax.Absent))
        {
            if (numbers.Length < 2 || numbers[0] >= rounds || numbers[1..].Any(p => p >= people))
            {
                throw new BadArguments(CliWords.T["Cli.Groups.AbsentLine", path, line, rounds, people]);
            }
            list.AddRange(numbers[1..].Select(p => (numbers[0], p)));
        }
        return [.. list];
    }

    private Pair[] History(int people)
    {
        var list = new List<Pair>();
        foreach (var (path, line, numbers) in Lines(syntax.History))
        {
            if (numbers.Length < 2 || numbers.Any(p => p >= people) || numbers.Distinct().Count() != numbers.Length)
            {
                throw new BadArguments(CliWords.T["Cli.Groups.HistoryLine", path, line, people]);
            }
            for (var i = 0; i < numbers.Length; i++)
            {
                for (var j = i + 1; j < numbers.Length; j++)
                {
                    list.Add(new Pair(numbers[i], numbers[j]));
                }
            }
        }
        return [.. list];
    }

    /// <summary>The numbers on each line of the file an option names (none when it was not given).</summary>
    private IEnumerable<(string Path, int Line, int[] Numbers)> Lines(Option<string> option)
    {
        if (parsed.GetValue(option) is not { } path)
        {
            yield break;
        }
        if (!File.Exists(path))
        {
            throw new BadArguments(CliWords.T["Cli.Groups.NoFile", option.Name, path]);
        }
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
            if (!parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                throw new BadArguments(CliWords.T["Cli.Groups.OnlyNumbers", path, number, line]);
            }
            yield return (path, number, parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray());
        }
    }
}
