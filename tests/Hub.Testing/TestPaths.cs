namespace Microsolidarity.Hub.Testing;

public static class TestPaths
{
    /// <summary>The checkout's root, found by walking up to the solution file.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ToolsDirectory => Path.Combine(RepositoryRoot, "tests", "tools");

    /// <summary>The hub's built executable, from the same configuration as the running tests.</summary>
    public static string HubDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}")
                ? "Release" : "Debug";
            var dll = Path.Combine(RepositoryRoot, "src", "Hub", "bin", configuration, "net10.0", "Hub.dll");
            return File.Exists(dll) ? dll
                : throw new InvalidOperationException($"The hub is not built at {dll}. Run ./test.sh, or dotnet build src/Hub -c {configuration}.");
        }
    }

    public static string NewTemporaryDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Microsolidarity.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Could not find Microsolidarity.slnx above the test folder.");
    }
}
