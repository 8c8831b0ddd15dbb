using System.Text.Json;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Platform.Cli;

/// <summary>The groups verbs through the real executable: the JSON other tools read, and exit code 2 on bad input.</summary>
public sealed class GroupsCommandTests
{
    private static async Task<(int Exit, string Output, string Folder)> Hub(params string[] args)
    {
        var folder = TestPaths.NewTemporaryDirectory("hub-groups");
        var (exit, output) = await HubProcess.RunToEndAsync(folder, new Dictionary<string, string>(), args);
        return (exit, output, folder);
    }

    [Fact]
    public async Task Schedule_KirkmanSchoolgirls_PrintsRoundsWithoutRepeats()
    {
        var (exit, output, folder) = await Hub("groups", "schedule", "--people", "15", "--size", "3", "--rounds", "7", "--json");
        Assert.True(exit == 0, output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(15, json.RootElement.GetProperty("people").GetInt32());
        var rounds = json.RootElement.GetProperty("rounds");
        Assert.Equal(7, rounds.GetArrayLength());
        Assert.All(rounds.EnumerateArray(), r => Assert.Equal(15, r.EnumerateArray().Sum(g => g.GetArrayLength())));
        Assert.Equal(0, json.RootElement.GetProperty("repeatPairs").GetInt32());
        Assert.True(json.RootElement.GetProperty("elapsedMs").GetInt64() >= 0);
        Assert.False(Directory.Exists(Path.Combine(folder, "data")), "the groups verbs must not touch the data folder");
    }

    [Fact]
    public async Task Partition_SmallCorpusInstance_PrintsObjectiveAndGroups()
    {
        var instance = Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "corpus", "grouping", "mdgp", "RanReal_n010_ss_01.txt");
        var (exit, output, _) = await Hub("groups", "partition", "--instance", instance, "--seed", "3", "--json");
        Assert.True(exit == 0, output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1427.845, json.RootElement.GetProperty("objective").GetDouble(), 3);
        Assert.Equal(10, json.RootElement.GetProperty("groups").EnumerateArray().Sum(g => g.GetArrayLength()));
        Assert.True(json.RootElement.TryGetProperty("elapsedMs", out _));
    }

    [Fact]
    public async Task Pairs_OddNumberWithHistory_OneRestsAndNoRepeats()
    {
        var (exit, output, folder) = await Hub("groups", "pairs", "--people", "7", "--rounds", "3", "--json");
        Assert.True(exit == 0, output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(3, json.RootElement.GetProperty("rounds").GetArrayLength());
        Assert.All(json.RootElement.GetProperty("resting").EnumerateArray(), r => Assert.Equal(1, r.GetArrayLength()));
        Assert.Equal(0, json.RootElement.GetProperty("repeatPairs").GetInt32());

        var history = Path.Combine(folder, "history.txt");
        await File.WriteAllTextAsync(history, "# earlier pairs\n0 1\n2 3\n");
        (exit, output, _) = await Hub("groups", "pairs", "--people", "4", "--rounds", "1", "--history", history, "--json");
        Assert.True(exit == 0, output);
        using var withHistory = JsonDocument.Parse(output);
        Assert.Equal(0, withHistory.RootElement.GetProperty("repeatPairs").GetInt32());
    }

    [Fact]
    public async Task Groups_Help_PrintsUsageWithFileFormatsAndExits0()
    {
        var (exit, output, _) = await Hub("groups", "schedule", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--absent FILE    one line per round", output);
        Assert.Contains("--history FILE   one line per earlier group", output);
    }

    [Theory]
    [InlineData("groups", "schedule", "--people", "many", "--size", "3", "--rounds", "2", "--json")]
    [InlineData("groups", "schedule", "--people", "9", "--size", "3", "--json")]
    [InlineData("groups", "schedule", "--people", "9", "--size", "1", "--rounds", "2", "--json")]
    [InlineData("groups", "partition", "--instance", "no-such-file.txt", "--json")]
    [InlineData("groups", "pairs", "--people", "6", "--rounds", "2", "--frobnicate", "--json")]
    [InlineData("groups", "shuffle", "--json")]
    public async Task Groups_BadArguments_ClearMessageAndExit2(params string[] args)
    {
        var (exit, output, folder) = await Hub(args);
        Assert.Equal(2, exit);
        Assert.Contains("groups schedule --people N", output);
        Assert.False(Directory.Exists(Path.Combine(folder, "data")));
    }
}
