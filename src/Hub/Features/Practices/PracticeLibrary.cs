using System.Reflection;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>
/// The practices written as files in the repository (Features/Practices/Library/*.md, embedded in the
/// executable), read once when the hub starts. A file that does not pass <see cref="PracticeText"/>'s
/// checks stops the start with its problems: the files are reviewed like code, and a test reads them all.
/// </summary>
public sealed class PracticeLibrary
{
    private const string Prefix = "practices/";

    public IReadOnlyList<Practice> All { get; }
    private readonly Dictionary<string, Practice> bySlug;

    public PracticeLibrary() : this(ReadFiles())
    {
    }

    public PracticeLibrary(IEnumerable<(string Slug, string Text)> files)
    {
        var practices = new List<Practice>();
        var problems = new List<string>();
        foreach (var (slug, text) in files)
        {
            var parsed = PracticeText.Parse(slug, text);
            if (parsed.Practice is null)
            {
                problems.AddRange(parsed.Problems.Select(p => $"{slug}.md: {p}"));
            }
            else
            {
                practices.Add(parsed.Practice);
            }
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The practice library has problems:\n" + string.Join("\n", problems));
        }
        All = [.. practices.OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase)];
        bySlug = All.ToDictionary(p => p.Slug);
    }

    public Practice? Find(string slug) => bySlug.GetValueOrDefault(slug);

    /// <summary>Every embedded practice file: its slug (the file name) and its text.</summary>
    public static IEnumerable<(string Slug, string Text)> ReadFiles()
    {
        var assembly = typeof(PracticeLibrary).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal)).Order())
        {
            yield return (name[Prefix.Length..^3], Read(assembly, name));
        }
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
