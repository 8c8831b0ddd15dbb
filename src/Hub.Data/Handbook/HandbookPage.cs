namespace Microsolidarity.Hub.Data.Handbook;

/// <summary>
/// One page of the handbook, keyed by its source path so that re-imports update it in place and
/// its URL (<c>/handbook/{Path}</c>) survives.
/// </summary>
public class HandbookPage
{
    public int Id { get; set; }

    /// <summary>Path of the Markdown file inside the handbook folder, NFC, with forward slashes.</summary>
    public string SourcePath { get; set; } = "";

    /// <summary>The URL path under /handbook: the source path without .md; a folder's README at the folder.</summary>
    public string Path { get; set; } = "";

    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Cover { get; set; }
    public bool Hidden { get; set; }
    public string Markdown { get; set; } = "";
    public string Html { get; set; } = "";

    /// <summary>The page's words without markup, for search.</summary>
    public string PlainText { get; set; } = "";

    /// <summary>Outline of the page: one "level|id|text" line per heading.</summary>
    public string Outline { get; set; } = "";

    /// <summary>Position in SUMMARY order; pages not in SUMMARY come after, by path.</summary>
    public int Order { get; set; }

    /// <summary>The parent page's path in SUMMARY, for breadcrumbs; null at the top.</summary>
    public string? ParentPath { get; set; }

    public bool InSummary { get; set; }

    /// <summary>
    /// Who wrote the page: its front matter's <c>author</c>, or for a git source the authors of the commits
    /// that touched it; null when neither says, and the handbook's own author is credited instead.
    /// </summary>
    public string? Author { get; set; }
    public string ContentHash { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public DateTime ImportedAt { get; set; }
}
