namespace Microsolidarity.Hub.Data.Handbook;

/// <summary>One run of the importer: what changed and every problem it met.</summary>
public class HandbookImport
{
    public int Id { get; set; }
    public string Source { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public bool Succeeded { get; set; }
    public int PagesAdded { get; set; }
    public int PagesChanged { get; set; }
    public int PagesRemoved { get; set; }
    public int PagesUnchanged { get; set; }

    /// <summary>One line per change: "added path", "changed path", "removed path".</summary>
    public string Changes { get; set; } = "";

    /// <summary>One line per problem: "file:line: message".</summary>
    public string Problems { get; set; } = "";
    public int ProblemCount { get; set; }

    /// <summary>Who started it: "admin" (the admin page), "schedule" (the re-sync) or "command" (hub handbook import).</summary>
    public string Trigger { get; set; } = "command";

    /// <summary>What the import is doing now, for the progress bar ("Reading files", "Rendering pages"...).</summary>
    public string Stage { get; set; } = "";

    // Progress, written by the running import a few times a second so any web node can show it.
    public int FilesRead { get; set; }
    public int FilesTotal { get; set; }
    public int PagesRendered { get; set; }
    public int PagesTotal { get; set; }

    /// <summary>Set by the admin page's Cancel; the node running the import sees it at its next progress write.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>Stopped before it saved anything: the published handbook is as it was.</summary>
    public bool Cancelled { get; set; }
}
