using BenchmarkDotNet.Running;
using Microsolidarity.Grouping.Bench;

// --table [--time-ms T] [--seeds S] [--only schedules|mdgp]: the side-by-side tables (the n=120 groupings with
// seeds 1..S, default 5); anything else runs the BenchmarkDotNet suites.
if (args.Contains("--table"))
{
    var timeMs = int.Parse(Option("--time-ms") ?? "1000");
    var seeds = int.Parse(Option("--seeds") ?? "5");
    switch (Option("--only"))
    {
        case "schedules":
            Table.PrintSchedules(Console.Out, timeMs);
            break;
        case "mdgp":
            Table.PrintPartitions(Console.Out, timeMs, seeds);
            break;
        default:
            Table.Print(Console.Out, timeMs, seeds);
            break;
    }
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(Table).Assembly).Run(args);
return 0;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
