using System.Text;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>Source paths inside a handbook folder: NFC, forward slashes, never leaving the folder.</summary>
public static class HandbookPaths
{
    /// <summary>Resolves a relative path against the folder of a source file; null when it would leave the handbook.</summary>
    public static string? Resolve(string fromSourcePath, string relative)
    {
        relative = relative.Replace('\\', '/').Normalize(NormalizationForm.FormC);
        var parts = new List<string>();
        if (!relative.StartsWith('/'))
        {
            var folder = fromSourcePath.Contains('/') ? fromSourcePath[..fromSourcePath.LastIndexOf('/')] : "";
            parts.AddRange(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        }
        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    /// <summary>The URL path under /handbook for a page: without .md, a README at its folder.</summary>
    public static string UrlPathOf(string sourcePath)
    {
        var withoutExtension = sourcePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? sourcePath[..^3] : sourcePath;
        if (withoutExtension.Equals("README", StringComparison.OrdinalIgnoreCase))
        {
            return "";
        }
        return withoutExtension.EndsWith("/README", StringComparison.OrdinalIgnoreCase) ? withoutExtension[..^7] : withoutExtension;
    }

    /// <summary>Folder names compare as the file system does: by case too on Linux, not on Windows or macOS.</summary>
    public static StringComparison FileSystemComparison { get; } = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>
    /// The absolute path with every symbolic link on the way resolved (as realpath does), so that a link to
    /// the data folder is seen to be the data folder. Parts that do not exist are kept as written.
    /// </summary>
    public static string RealPath(string path) => RealPath(Path.GetFullPath(path), depth: 0);

    private static string RealPath(string full, int depth)
    {
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            // A chain of links longer than the kernel follows (40) is not a folder anyone can read: kept as written.
            current = target is not null && depth < 40
                ? RealPath(Path.GetFullPath(Path.Combine(current, target)), depth + 1)
                : next;
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies inside it (both absolute and real).</summary>
    public static bool IsSameOrInside(string path, string folder)
    {
        var trimmedFolder = folder.TrimEnd(Path.DirectorySeparatorChar);
        var trimmedPath = path.TrimEnd(Path.DirectorySeparatorChar);
        return trimmedPath.Equals(trimmedFolder, FileSystemComparison)
            || trimmedPath.StartsWith(trimmedFolder + Path.DirectorySeparatorChar, FileSystemComparison);
    }
}
