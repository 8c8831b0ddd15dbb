namespace Microsolidarity.Hub.Data.Handbook;

/// <summary>The handbook as a whole: where it comes from, its sidebar, redirects, licence and author.</summary>
public class HandbookInfo
{
    public int Id { get; set; }
    public string Title { get; set; } = "Handbook";
    public string Source { get; set; } = "";
    public bool SourceIsGit { get; set; }

    /// <summary>Prefix of an "edit this page" link (a source path is appended), when the source is a known git host.</summary>
    public string? EditUrlPrefix { get; set; }

    /// <summary>The sidebar, from SUMMARY.md, as JSON.</summary>
    public string NavigationJson { get; set; } = "[]";

    /// <summary>Redirects from .gitbook.yaml, as JSON: old URL path to new URL path.</summary>
    public string RedirectsJson { get; set; } = "{}";

    public string Author { get; set; } = "";
    public string LicenceName { get; set; } = "CC BY-SA 4.0";
    public string LicenceUrl { get; set; } = "https://creativecommons.org/licenses/by-sa/4.0/";
    public DateTime? ImportedAt { get; set; }
}
