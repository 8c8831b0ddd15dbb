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
}
