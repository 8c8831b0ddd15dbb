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
}
