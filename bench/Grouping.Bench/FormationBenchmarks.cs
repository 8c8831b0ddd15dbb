using BenchmarkDotNet.Attributes;

namespace Microsolidarity.Grouping.Bench;

/// <summary>Constructions and small exact cases, where the time is the whole answer.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class FormationBenchmarks
{
    private PartitionProblem small = null!;

    [GlobalSetup]
    public void Setup() => small = MdgpInstance.Load(Corpus.Mdgp("RanReal_n012_ds_01"));

    [Benchmark]
    public Schedule Kirkman15() => BuildSchedule.Run(ScheduleRequest.Uniform(15, 3, 7));

    [Benchmark]
    public Schedule Kirkman21() => BuildSchedule.Run(ScheduleRequest.Uniform(21, 3, 10));

    [Benchmark]
    public Schedule AffinePlane49() => BuildSchedule.Run(ScheduleRequest.Uniform(49, 7, 8));

    [Benchmark]
    public Schedule TwoWayCyclic100() => BuildSchedule.Run(ScheduleRequest.Uniform(100, 5, 21));

    [Benchmark]
    public Schedule TranslationInvariant32() => BuildSchedule.Run(ScheduleRequest.Uniform(32, 4, 10));

    [Benchmark]
    public Schedule CircleMethod60() => BuildSchedule.Run(ScheduleRequest.Uniform(60, 2, 59));

    [Benchmark]
    public Partition MdgpN12() => PartitionSearch.Run(small, new SearchOptions { StallIterations = PartitionSearch.DefaultStall(small.People) });
}
