namespace Microsolidarity.Grouping.Tests;

/// <summary>The shared corpus, read in place: ../shared/corpus from the repository root (never copied in).</summary>
internal static class TestCorpus
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Microsolidarity.slnx")))
            {
                var corpus = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "corpus"));
                return Directory.Exists(corpus) ? corpus
                    : throw new InvalidOperationException($"The shared corpus is missing: expected {corpus} beside the checkout.");
            }
        }
        throw new InvalidOperationException("Could not find Microsolidarity.slnx above the test folder.");
    }
}
