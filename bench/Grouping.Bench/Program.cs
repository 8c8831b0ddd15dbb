using BenchmarkDotNet.Running;
using Microsolidarity.Grouping.Bench;

// --table [--time-ms T]: the side-by-side table; anything else runs the BenchmarkDotNet suites.
if (args.Contains("--table"))
{
    var at = Array.IndexOf(args, "--time-ms");
    var timeMs = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : 1000;
    Table.Print(Console.Out, timeMs);
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(Table).Assembly).Run(args);
return 0;
