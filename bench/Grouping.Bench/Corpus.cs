namespace Microsolidarity.Grouping.Bench;

/// <summary>The shared corpus sits beside the checkout: ../shared/corpus from the repository root.</summary>
internal static class Corpus
{
    public static string Root { get; } = Find();

    public static string Mdgp(string name) => Path.Combine(Root, "grouping", "mdgp", name + ".txt");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Microsolidarity.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
            }
        }
        throw new InvalidOperationException("Could not find Microsolidarity.slnx above the benchmark folder.");
    }
}
