using System.Text.RegularExpressions;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Architecture;

/// <summary>
/// One time-zone model: NodaTime's tz database through <c>Platform/Web/TimeZones</c>, which alone decides what a
/// wall-clock time the clocks skip or repeat means. The system's <see cref="TimeZoneInfo"/> (another copy of the
/// zone data, with another rule for gaps and overlaps) is not used by the hub or the grouping library, and one
/// class says which zone a request's times are shown in.
/// </summary>
public sealed partial class OneZoneModelTests
{
    private static IEnumerable<(string File, int Number, string Line)> SourceLines(params string[] projects) =>
        projects.SelectMany(project =>
        {
            var root = Path.Combine(TestPaths.RepositoryRoot, "src", project);
            return Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
                .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                    && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .SelectMany(f => File.ReadLines(f).Select((line, i) => ($"src/{project}/{Path.GetRelativePath(root, f).Replace('\\', '/')}", i + 1, line)));
        });

    [Fact]
    public void HubAndGrouping_NeverUseTimeZoneInfo()
    {
        var found = SourceLines("Hub", "Grouping").Where(l => l.Line.Contains("TimeZoneInfo", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Number}: {l.Line.Trim()}").ToList();
        Assert.True(found.Count == 0, "Use NodaTime through Platform/Web/TimeZones instead of TimeZoneInfo:\n" + string.Join('\n', found));
    }

    [Fact]
    public void WallClockTimes_ResolvedOnlyByTimeZonesAt()
    {
        var found = SourceLines("Hub").Where(l => l.File != "src/Hub/Platform/Web/TimeZones.cs" && Resolving().IsMatch(l.Line))
            .Select(l => $"{l.File}:{l.Number}: {l.Line.Trim()}").ToList();
        Assert.True(found.Count == 0, "Turn a local time into an instant with TimeZones.At (or TimeZones.ToUtc), the hub's one rule:\n" + string.Join('\n', found));
    }

    [Fact]
    public void ResolvingPattern_FindsEachWayToResolveALocalTime()
    {
        Assert.Matches(Resolving(), "local.InZoneLeniently(zone)");
        Assert.Matches(Resolving(), "zone.AtLeniently(local)");
        Assert.Matches(Resolving(), "zone.ResolveLocal(local, NodaTime.TimeZones.Resolvers.LenientResolver)");
        Assert.Matches(Resolving(), "local.InZoneStrictly(zone)");
        Assert.Matches(Resolving(), "zone.AtStrictly(local)");
        Assert.DoesNotMatch(Resolving(), "TimeZones.At(local, zone).ToInstant()");
    }

    [Fact]
    public void ViewerClock_IsOneClass()
    {
        var named = typeof(Program).Assembly.GetTypes().Where(t => t.Name == "ViewerClock").Select(t => t.FullName).ToList();
        Assert.Equal(["Microsolidarity.Hub.Platform.Web.ViewerClock"], named);
    }

    [GeneratedRegex(@"\b(InZoneLeniently|InZoneStrictly|AtLeniently|AtStrictly|ResolveLocal|MapLocal)\(")]
    private static partial Regex Resolving();
}
