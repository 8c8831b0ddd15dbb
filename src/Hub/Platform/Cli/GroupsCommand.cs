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
public static class GroupsCommand
{
    public const string Usage = """
        Group formation (no database needed):

          groups schedule --people N --size K --rounds R [--sizes 2,2,3,5] [--absent FILE]
                          [--seed S] [--time-ms T] --json
              Breakout rooms for R rounds with as few repeated pairs as possible. --sizes gives a
              group size per round (and then --size and --rounds may be left out).
              Prints {"people":N,"rounds":[[[0,1],[2,3]],...],"repeatPairs":0,"elapsedMs":12}.
          groups partition --instance FILE [--time-ms T] [--seed S] --json
              Solves an MDGPLIB instance (maximally diverse grouping).
              Prints {"objective":1427.845,"groups":[[...]],"elapsedMs":...}.
          groups pairs --people N --rounds R [--history FILE] [--absent FILE] [--seed S]
                       [--time-ms T] --json
              Pair rotation: with an odd number present, one person rests, in turn.
              Prints {"people":N,"rounds":[[[0,1],...],...],"resting":[[4],...],"repeatPairs":0,"elapsedMs":...}.

          People are numbered from 0. --time-ms is the search budget (default 1000); --seed makes
          the answer repeatable (default 1).

        File formats (blank lines and lines starting with # are ignored):
          --absent FILE    one line per round with absences: ROUND PERSON [PERSON...]
                           e.g. "2 5 7" means people 5 and 7 miss round 2 (rounds from 0).
          --history FILE   one line per earlier group: PERSON PERSON [PERSON...]
                           e.g. "3 8" means 3 and 8 met once before; "1 4 6" means all three met.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        try
        {
            if (args.Length == 0 || args[0] == "help" || args.Contains("--help") || args.Contains("-h"))
            {
                output.WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }
            var options = Options.Parse(args[1..]);
            return args[0] switch
            {
                "schedule" => Schedule(options, output),
                "partition" => Partition(options, output),
                "pairs" => Pairs(options, output),
                _ => throw new BadArguments($"Unknown groups command '{args[0]}': use schedule, partition or pairs."),
            };
        }
        catch (Exception e) when (e is BadArguments or FormatException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            errors.WriteLine(e.Message);
            errors.WriteLine();
            errors.WriteLine(Usage);
            return 2;
        }
    }

    private static int Schedule(Options o, TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        var sizes = o.IntList("--sizes");
        int people = o.Int("--people", min: 2);
        if (sizes is null)
        {
            var size = o.Int("--size", min: 2);
            var rounds = o.Int("--rounds", min: 1);
            sizes = Enumerable.Repeat(size, rounds).ToArray();
        }
        else if (o.Has("--rounds") && o.Int("--rounds", min: 1) != sizes.Length)
        {
            throw new BadArguments($"--rounds says {o.Int("--rounds", min: 1)} but --sizes lists {sizes.Length} rounds.");
        }
        if (sizes.Any(s => s < 2))
        {
            throw new BadArguments("Every size in --sizes must be at least 2.");
        }
        o.Json();
        var request = new ScheduleRequest(people, sizes) { Absences = o.Absences(people, sizes.Length) };
        var schedule = BuildSchedule.Run(request, o.Search());
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

    private static int Partition(Options o, TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        var path = o.Text("--instance");
        o.Json();
        var problem = MdgpInstance.Load(path);
        var result = PartitionSearch.Run(problem, o.Search() with { StallIterations = PartitionSearch.DefaultStall(problem.People) });
        Write(output, new
        {
            objective = Math.Round(result.Objective, 6),
            groups = result.Groups(problem.Groups),
            elapsedMs = watch.ElapsedMilliseconds,
        });
        return 0;
    }

    private static int Pairs(Options o, TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        var people = o.Int("--people", min: 2);
        var rounds = o.Int("--rounds", min: 1);
        o.Json();
        var history = o.History(people);
        var rotation = RotatePairs.Run(new PairRotationRequest(people, rounds)
        {
            History = history,
            Absences = o.Absences(people, rounds),
        }, o.Search());
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

    /// <summary>--name value pairs and flags, each checked when asked for, so a message names the option.</summary>
    private sealed class Options
    {
        private static readonly HashSet<string> Flags = ["--json"];
        private static readonly HashSet<string> Known = ["--people", "--size", "--rounds", "--sizes", "--absent", "--seed", "--time-ms", "--instance", "--history", "--json"];
        private readonly Dictionary<string, string> values = [];

        public static Options Parse(string[] args)
        {
            var o = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                var name = args[i];
                if (!Known.Contains(name))
                {
                    throw new BadArguments($"Unknown option '{name}'.");
                }
                if (Flags.Contains(name))
                {
                    o.values[name] = "";
                    continue;
                }
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new BadArguments($"{name} needs a value.");
                }
                o.values[name] = args[++i];
            }
            return o;
        }

        public bool Has(string name) => values.ContainsKey(name);

        /// <summary>JSON is the only output for now; asking for it keeps the door open for a table later.</summary>
        public void Json()
        {
            if (!Has("--json"))
            {
                throw new BadArguments("Add --json: the groups commands print JSON.");
            }
        }

        public string Text(string name) =>
            values.TryGetValue(name, out var v) ? v : throw new BadArguments($"{name} is required.");

        public int Int(string name, int min, int? fallback = null)
        {
            if (!values.TryGetValue(name, out var text))
            {
                return fallback ?? throw new BadArguments($"{name} is required.");
            }
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
            {
                throw new BadArguments($"{name} must be a whole number of at least {min}, not '{text}'.");
            }
            return value;
        }

        public int[]? IntList(string name)
        {
            if (!values.TryGetValue(name, out var text))
            {
                return null;
            }
            var parts = text.Split(',', StringSplitOptions.TrimEntries);
            return parts.All(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                ? parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray()
                : throw new BadArguments($"{name} must be whole numbers separated by commas, like 2,2,3,5; not '{text}'.");
        }

        public SearchOptions Search() => new()
        {
            Seed = Int("--seed", min: 0, fallback: 1),
            TimeLimit = TimeSpan.FromMilliseconds(Int("--time-ms", min: 1, fallback: 1000)),
        };

        public (int Round, int Person)[] Absences(int people, int rounds)
        {
            var list = new List<(int, int)>();
            foreach (var (line, numbers) in Lines("--absent"))
            {
                if (numbers.Length < 2 || numbers[0] >= rounds || numbers[1..].Any(p => p >= people))
                {
                    throw new BadArguments($"{values["--absent"]}, line {line}: expected ROUND PERSON [PERSON...] with rounds below {rounds} and people below {people}.");
                }
                list.AddRange(numbers[1..].Select(p => (numbers[0], p)));
            }
            return [.. list];
        }

        public Pair[] History(int people)
        {
            var list = new List<Pair>();
            foreach (var (line, numbers) in Lines("--history"))
            {
                if (numbers.Length < 2 || numbers.Any(p => p >= people) || numbers.Distinct().Count() != numbers.Length)
                {
                    throw new BadArguments($"{values["--history"]}, line {line}: expected two or more different people below {people}.");
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

        private IEnumerable<(int Line, int[] Numbers)> Lines(string name)
        {
            if (!values.TryGetValue(name, out var path))
            {
                yield break;
            }
            if (!File.Exists(path))
            {
                throw new BadArguments($"{name}: no file at '{path}'.");
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
                    throw new BadArguments($"{path}, line {number}: only whole numbers from 0 are allowed: '{line}'.");
                }
                yield return (number, parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray());
            }
        }
    }
}
