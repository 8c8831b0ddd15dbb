using Microsolidarity.Hub.Platform.Cli;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Handbook;

public sealed class HandbookCommandTests
{
    [Fact]
    public void Parse_ImportWithOptions_TakesSourceTitleAuthorAndPassesHostOptionsOn()
    {
        var command = HubCommand.Parse(["handbook", "import", "--Hub:DataDirectory=/x", "../book", "--author", "Our crew", "--title", "Our book"]);
        Assert.Equal(HubVerb.Handbook, command.Verb);
        Assert.Equal("../book", command.Handbook!.Source);
        Assert.Equal(("Our crew", "Our book"), (command.Handbook.Author, command.Handbook.Title));
        Assert.Equal(["--Hub:DataDirectory=/x"], command.HostArgs);
        Assert.False(command.Handbook.ConfirmRemovals);
        Assert.True(HubCommand.Parse(["handbook", "import", "--confirm-removals", "../book"]).Handbook!.ConfirmRemovals);
    }

    [Theory]
    [InlineData(new[] { "handbook" }, "needs an action")]
    [InlineData(new[] { "handbook", "import" }, "needs a folder or a git URL")]
    [InlineData(new[] { "handbook", "export", "--format", "epub" }, "needs --out")]
    [InlineData(new[] { "handbook", "export", "--format", "docx", "--out", "x.docx" }, "Unknown format 'docx'")]
    [InlineData(new[] { "handbook", "export", "--format", "pdf" }, "needs --out FILE, e.g. --out handbook.pdf")]
    public void Parse_IncompleteHandbookCommands_AreRefusedWithAReason(string[] args, string reason)
    {
        var command = HubCommand.Parse(args);
        Assert.Equal(HubVerb.Unknown, command.Verb);
        Assert.Contains(reason, command.Error);
    }

    [Fact]
    public async Task ImportThenExport_FromTheCommandLine_ReportProblemsAndWriteTheBook()
    {
        var folder = TestPaths.NewTemporaryDirectory("hub-handbook-cli");
        var sample = SampleHandbook.Write();
        try
        {
            var settings = new Dictionary<string, string>();
            var (code, output) = await HubProcess.RunToEndAsync(folder, settings, "handbook", "import", sample);
            Assert.True(code == 0, output);
            Assert.Contains("4 added", output);
            Assert.Contains("5 problems.", output);
            Assert.Contains("SUMMARY.md:9:", output);
            Assert.Contains("Rendering pages (4)", output);

            (code, output) = await HubProcess.RunToEndAsync(folder, settings, "handbook", "export", "--format", "epub", "--out", "book.epub");
            Assert.True(code == 0, output);
            Assert.True(new FileInfo(Path.Combine(folder, "book.epub")).Length > 1000);

            (code, output) = await HubProcess.RunToEndAsync(folder, settings, "handbook", "import", Path.Combine(sample, "missing"));
            Assert.Equal(1, code);
            Assert.Contains("There is no folder", output);

            (code, output) = await HubProcess.RunToEndAsync(folder, settings, "handbook", "import", Path.Combine(folder, "data"));
            Assert.Equal(1, code);
            Assert.Contains("the hub's data folder", output);

            // A source that lost its pages stops, and runs only with --confirm-removals.
            File.Delete(Path.Combine(sample, "practices", "crews.md"));
            File.Delete(Path.Combine(sample, "practices", "retrospectives.md"));
            File.Delete(Path.Combine(sample, "places", "cafe\u0301.md"));
            (code, output) = await HubProcess.RunToEndAsync(folder, settings, "handbook", "import", sample);
            Assert.Equal(1, code);
            Assert.Contains("it would remove 3 of the 4 pages", output);
            (code, output) = await HubProcess.RunToEndAsync(folder, settings, "handbook", "import", sample, "--confirm-removals");
            Assert.True(code == 0, output);
            Assert.Contains("3 removed", output);

            // While another import holds the hub's claim (the admin page's, on a web node), the command waits its turn.
            await using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "data", "hub.db")}"))
            {
                await db.OpenAsync();
                await using var claim = db.CreateCommand();
                claim.CommandText = "UPDATE HandbookSync SET ClaimedUntil = '2099-01-01 00:00:00', RunningImportId = 999";
                Assert.Equal(1, await claim.ExecuteNonQueryAsync());
            }
            (code, output) = await HubProcess.RunToEndAsync(folder, settings, "handbook", "import", sample);
            Assert.Equal(1, code);
            Assert.Contains("Another import is running now", output);
        }
        finally
        {
            Directory.Delete(sample, recursive: true);
            Directory.Delete(folder, recursive: true);
        }
    }
}
