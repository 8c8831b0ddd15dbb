using System.Text.RegularExpressions;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Architecture;

/// <summary>
/// Reads in pages, writes in operations: a page model binds, validates and calls one operation; it
/// never saves to the database itself, so every write has one place with its checks and its tests.
/// </summary>
public sealed partial class WritesInOperationsTests
{
    [Fact]
    public void PageModels_NeverWriteToTheDatabase()
    {
        var features = Path.Combine(TestPaths.RepositoryRoot, "src", "Hub", "Features");
        var writes = Directory.EnumerateFiles(features, "*.cshtml.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => Write().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(features, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();
        Assert.True(writes.Count == 0, "A page model writes to the database; move the write into an operation of its feature:\n" + string.Join('\n', writes));
    }

    [Fact]
    public void WritePattern_FindsTheWaysAPageCouldWrite()
    {
        Assert.Matches(Write(), "        await db.SaveChangesAsync(cancellationToken);");
        Assert.Matches(Write(), "        await db.Crews.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, name));");
        Assert.Matches(Write(), "        db.ReminderPreferences.Add(preference);");
        Assert.DoesNotMatch(Write(), "        await setReminders.RunAsync(userId, true, false, cancellationToken);");
        Assert.DoesNotMatch(Write(), "        list.Add(\"the commons has no treasurer\");");
    }

    [GeneratedRegex(@"\b(SaveChanges(Async)?|ExecuteUpdate(Async)?|ExecuteDelete(Async)?|ExecuteSqlRaw(Async)?|ExecuteSqlInterpolated(Async)?)\(|\bdb\.\w+\.(Add|AddRange|Remove|RemoveRange|Update)\(")]
    private static partial Regex Write();
}
