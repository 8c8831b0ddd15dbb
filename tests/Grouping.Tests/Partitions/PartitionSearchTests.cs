namespace Microsolidarity.Grouping.Tests.Partitions;

public sealed class PartitionSearchTests
{
    public static TheoryData<string, double> Optima => new()
    {
        { "RanReal_n010_ss_01", 1427.845 }, { "RanReal_n010_ds_01", 1437.807 },
        { "RanReal_n012_ss_01", 956.43 }, { "RanReal_n012_ds_01", 1050.349 },
        { "RanInt_n010_ss_01", 1292 }, { "RanInt_n010_ds_01", 1325 },
        { "RanInt_n012_ss_01", 985 }, { "RanInt_n012_ds_01", 1059 },
        { "Geo_n010_ss_01", 3660.671 }, { "Geo_n010_ds_01", 3864.689 },
        { "Geo_n012_ss_01", 716.463 }, { "Geo_n012_ds_01", 807.677 },
    };

    [Theory]
    [MemberData(nameof(Optima))]
    public void Run_SmallCorpusInstance_FindsExactOptimum(string instance, double optimum)
    {
        var problem = MdgpInstance.Load(TestCorpus.Path("grouping", "mdgp", instance + ".txt"));
        var result = PartitionSearch.Run(problem, new SearchOptions
        {
            StallIterations = PartitionSearch.DefaultStall(problem.People),
            TimeLimit = TimeSpan.FromMinutes(1),
        });
        Assert.Equal(optimum, result.Objective, 3);
        AssertWithinBounds(problem, result.GroupOf);
    }

    [Fact]
    public void Run_DifferentSizesInstance_SizesWithinBounds()
    {
        var problem = MdgpInstance.Load(TestCorpus.Path("grouping", "mdgp", "RanReal_n120_ds_01.txt"));
        var result = PartitionSearch.Run(problem, new SearchOptions { MaxIterations = 300, TimeLimit = TimeSpan.FromMinutes(1) });
        AssertWithinBounds(problem, result.GroupOf);
        Assert.Equal(problem.Objective(result.GroupOf), result.Objective, 6);
    }

    /// <summary>
    /// 30,000 steps on 30 people go past the pool's six first climbs (1,500 steps each) into children of two
    /// groupings and the long walk, where group sizes change by crossover and by moves between runs of slots.
    /// </summary>
    [Fact]
    public void Run_PastThePool_DifferentSizesStayWithinBounds()
    {
        var problem = MdgpInstance.Load(TestCorpus.Path("grouping", "mdgp", "RanReal_n030_ds_01.txt"));
        var result = PartitionSearch.Run(problem, new SearchOptions { MaxIterations = 30_000, TimeLimit = TimeSpan.FromMinutes(1) });
        Assert.Equal(30_001, result.Iterations);
        AssertWithinBounds(problem, result.GroupOf);
        Assert.Equal(problem.Objective(result.GroupOf), result.Objective, 6);
    }

    [Fact]
    public void Run_SameSeedAndIterations_SameGrouping()
    {
        var problem = MdgpInstance.Load(TestCorpus.Path("grouping", "mdgp", "Geo_n030_ss_01.txt"));
        var options = new SearchOptions { Seed = 5, MaxIterations = 30_000, TimeLimit = TimeSpan.FromMinutes(1) };
        Assert.Equal(PartitionSearch.Run(problem, options).GroupOf, PartitionSearch.Run(problem, options).GroupOf);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        var problem = MdgpInstance.Load(TestCorpus.Path("grouping", "mdgp", "Geo_n030_ss_01.txt"));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => PartitionSearch.Run(problem, new SearchOptions(), cancellation: cancel.Token));
    }

    [Theory]
    [InlineData("", "Line 1")]
    [InlineData("4 2 ss 2 2", "size ranges")]
    [InlineData("4 2 ss 2 2 2 2\n0 1 3.5\n0 9 1", "Line 3")]
    [InlineData("4 2 ss 3 3 3 3\n0 1 3.5", "cannot fill")]
    public void Parse_BadInstance_SaysWhatIsWrong(string text, string expected)
    {
        var error = Assert.ThrowsAny<Exception>(() => MdgpInstance.Parse(text));
        Assert.Contains(expected, error.Message);
    }

    private static void AssertWithinBounds(PartitionProblem problem, int[] groupOf)
    {
        for (var g = 0; g < problem.Groups; g++)
        {
            var size = groupOf.Count(x => x == g);
            Assert.InRange(size, problem.Lower[g], problem.Upper[g]);
        }
    }
}
